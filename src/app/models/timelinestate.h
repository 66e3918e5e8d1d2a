// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"

#include <QObject>

namespace coroscope::app {

// What every view of one run agrees on: the visible time window (zoom and pan), the selected
// task and the playhead. Views change it and follow its signals; none keeps its own copy.
class TimelineState : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 minimumVisibleNs = 1'000; // zooming stops at a microsecond

    explicit TimelineState(QObject *parent = nullptr);

    // A fresh run: follows it live, nothing selected, no playhead.
    void reset();

    qint64 traceStartNs() const { return m_traceStartNs; }
    qint64 traceEndNs() const { return m_traceEndNs; }
    // The run grew (or a finished trace was loaded). While following, the window moves with it.
    void setTraceRange(qint64 startNs, qint64 endNs);
    // Whether the run is still recording: following then keeps room ahead of the newest event.
    bool isLive() const { return m_live; }
    void setLive(bool live);

    qint64 visibleStartNs() const { return m_visibleStartNs; }
    qint64 visibleEndNs() const { return m_visibleEndNs; }
    qint64 visibleDurationNs() const { return m_visibleEndNs - m_visibleStartNs; }
    // A window chosen by the user: stops following.
    void setVisibleRange(qint64 startNs, qint64 endNs);
    // factor > 1 zooms in, keeping `anchorNs` where it is on screen.
    void zoomBy(double factor, qint64 anchorNs);
    // Zoom around the playhead if it is in view, else around the middle.
    void zoomIn();
    void zoomOut();
    void panBy(qint64 deltaNs);
    // Shows the whole run, and keeps showing it as it grows.
    void fit();
    // Scrolls (without zooming) so that `timeNs` is in view.
    void ensureVisible(qint64 timeNs);

    bool isFollowing() const { return m_following; }
    void setFollowing(bool following);

    trace::TaskId selectedTask() const { return m_selectedTask; }
    void setSelectedTask(trace::TaskId task);

    // -1: no playhead (live, or never scrubbed).
    qint64 playheadNs() const { return m_playheadNs; }
    void setPlayhead(qint64 timeNs);
    void clearPlayhead();

Q_SIGNALS:
    void visibleRangeChanged(qint64 startNs, qint64 endNs);
    void traceRangeChanged(qint64 startNs, qint64 endNs);
    void followingChanged(bool following);
    void selectedTaskChanged(coroscope::trace::TaskId task);
    void playheadChanged(qint64 timeNs);

private:
    void applyVisibleRange(qint64 startNs, qint64 endNs);
    void follow();

    qint64 m_traceStartNs = 0;
    qint64 m_traceEndNs = 0;
    qint64 m_visibleStartNs = 0;
    qint64 m_visibleEndNs = 1'000'000'000;
    qint64 m_followWindowNs = 0;
    trace::TaskId m_selectedTask = 0;
    qint64 m_playheadNs = -1;
    bool m_following = true;
    bool m_live = false;
};

} // namespace coroscope::app
