// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <vector>

namespace coroscope::app {

class TimelineState;

// Puts several timelines on one time axis: zooming, panning or moving the playhead in one
// does the same in the others, while each keeps its own selected task (task ids of different
// runs mean different tasks). The runs' times must share an origin.
class TimeWindowLink : public QObject
{
    Q_OBJECT
public:
    explicit TimeWindowLink(QObject *parent = nullptr);

    void addState(TimelineState *state);
    // The extent every linked timeline scrolls and fits to: the span of the longest run.
    void setTraceRange(qint64 startNs, qint64 endNs);

    void fit();
    void zoomIn();
    void zoomOut();

private:
    void followWindow(TimelineState *source);
    void followPlayhead(TimelineState *source);

    std::vector<QPointer<TimelineState>> m_states;
    bool m_syncing = false;
};

} // namespace coroscope::app
