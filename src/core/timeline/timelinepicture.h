// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeline/timeaxis.h"

#include <QSizeF>
#include <QString>

#include <memory>
#include <vector>

class QPainter;

namespace coroscope::trace {
class Trace;
}

namespace coroscope::timeline {

class TimelineModel;

// A whole timeline as one picture for the QPainter back-end of the exports (PNG, PDF): a title,
// per run a heading, a time ruler and the app's lanes (event loop, counters, worker threads,
// tasks), each painted by LanePainter from the same TimelineModel and LaneLayout as the app's
// view, so an exported picture and the window show the same bars. Several runs share one time
// scale: the longest sets it, so equal lengths mean equal durations.
class TimelinePicture
{
public:
    struct Run {
        const trace::Trace *trace = nullptr;
        QString heading; // may be empty
    };

    TimelinePicture(const std::vector<Run> &runs, double width, const QString &title = {}, int maxLanes = 250);
    ~TimelinePicture();
    TimelinePicture(const TimelinePicture &) = delete;
    TimelinePicture &operator=(const TimelinePicture &) = delete;

    QSizeF size() const { return {m_width, m_height}; }
    // Where the lanes' time area is: its left edge and the time mapping of run `index`.
    double timeAreaLeft() const { return m_plotX; }
    TimeAxis axis(std::size_t index) const;
    const TimelineModel &model(std::size_t index) const;

    // Paints at the picture's own size, from (0, 0); scale the painter for other sizes.
    void paint(QPainter &painter) const;

private:
    struct Section;
    double layOut(int maxLanes);

    QString m_title;
    double m_width = 0;
    double m_height = 0;
    double m_plotX = 0;
    double m_plotWidth = 0;
    qint64 m_spanNs = 1;
    std::vector<std::unique_ptr<Section>> m_sections;
};

} // namespace coroscope::timeline
