// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeline/lane.h"
#include "timeline/lanelayout.h"
#include "timeline/timeaxis.h"
#include "timeline/timelinepalette.h"

#include <QFont>
#include <QRectF>

#include <functional>
#include <vector>

class QPainter;

namespace coroscope::timeline {

class TimelineModel;

// What painting one frame needs besides the lane: shared by every lane of the frame.
struct LaneFrame {
    TimeAxis axis;
    TimelinePalette palette = TimelinePalette::light();
    const TimelineModel *model = nullptr;
    qint64 nowNs = 0; // where open spans end
    // A replay's playhead: what happened after it (an ending, a mark) is not drawn yet. -1: all.
    qint64 revealedUntilNs = -1;
    std::vector<double> gridX;
    QFont font;
    double labelMinWidth = 0; // spans narrower than this get no label (0: from the font)
    trace::TaskId selectedTask = 0; // its lane is highlighted
};

// Event-loop lag at or above this is drawn as a blocked loop (and bands the whole timeline).
inline constexpr double blockedLagMs = 50.0;
inline constexpr double warningLagMs = 5.0;

// Paints one lane into a rectangle. It reads the lane and never keeps anything: intervals
// narrower than a pixel are merged into one pixel column coloured by what dominates it, so the
// cost depends on the width in pixels, not on the number of events.
class LanePainter
{
public:
    static void paint(QPainter &painter, const QRectF &rect, const Lane &lane, const LaneFrame &frame);

    // Spans (and merged pixel columns) actually drawn by the last paint() on this thread:
    // benchmarks and tests use it to check the level-of-detail bound.
    static qsizetype lastDrawCount();

    // Called with every lane layout and every set of placed markers this thread paints from now
    // on (empty: none). How tests check what back-ends drew, without comparing pixels.
    using LayoutRecorder = std::function<void(const Lane &, const LaneLayout &)>;
    using MarkRecorder = std::function<void(const Lane &, const std::vector<PlacedMarker> &)>;
    static void setLayoutRecorder(LayoutRecorder recorder, MarkRecorder marks = {});

private:
    static void paintSpans(QPainter &painter, const QRectF &bar, const Lane &lane, const LaneFrame &frame);
    static void paintLayout(QPainter &painter, const QRectF &bar, const Lane &lane, const LaneLayout &layout,
                            const LaneFrame &frame);
    static void paintMarkers(QPainter &painter, const QRectF &bar, const Lane &lane, const LaneFrame &frame);
    static void paintCounter(QPainter &painter, const QRectF &area, const Lane &lane, const LaneFrame &frame);
    static void paintLoopLag(QPainter &painter, const QRectF &area, const Lane &lane, const LaneFrame &frame);
    static void paintGrid(QPainter &painter, const QRectF &rect, const LaneFrame &frame);
};

} // namespace coroscope::timeline
