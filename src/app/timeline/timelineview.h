// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeline/lanepainter.h"
#include "trace/trace.h"

#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QTreeView>

#include <functional>

namespace coroscope::timeline {
class TimelineModel;
}

namespace coroscope::app {

using timeline::Lane;
using timeline::LaneFrame;
using timeline::Marker;
using timeline::Span;
using timeline::TimeAxis;
using timeline::TimelineModel;

class LaneDelegate;
class TimelineHeader;
class TimelineState;

// The timeline: a tree of lanes (names on the left, collapsible) whose second column paints
// the lanes against time, with a ruler as its header. It paints only the rows in view and only
// the time in view; everything it shows comes from the model and the shared TimelineState.
//
// Mouse: drag to pan, Ctrl+wheel to zoom at the pointer, Shift+wheel to pan, click to select a
// task (and, after the run, to put the playhead there). Hover for details.
class TimelineView : public QTreeView
{
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void setTimelineModel(TimelineModel *model);
    TimelineModel *timelineModel() const;
    void setState(TimelineState *state);
    // Only the tasks, for a class: the event loop, counters and threads lanes are left out.
    void setTasksOnly(bool tasksOnly);
    bool isTasksOnly() const { return m_tasksOnly; }
    TimelineState *state() const;
    // How tooltips quote a line of source ("co_await sleep(latency);").
    void setSourceLookup(std::function<QString(const trace::Location &)> lookup);

    // The time area in viewport coordinates, and how time maps onto it right now.
    QRect timeArea() const;
    const TimeAxis &axis() const { return m_frame.axis; }
    const LaneFrame &frame() const { return m_frame; }

    struct Hit {
        const Lane *lane = nullptr;
        const Span *span = nullptr;
        const Marker *marker = nullptr;
        qint64 timeNs = -1;
        QModelIndex index;
    };
    // What is under a point of the viewport.
    Hit hitTest(const QPoint &pos) const;
    QString toolTipAt(const QPoint &pos) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

private:
    void updateFrame();
    // Grows the rows when the lanes would leave most of the view empty.
    void updateRowScale();
    void followSelection(trace::TaskId task);
    void paintOverlay(QPainter &painter);
    void paintBlockedLoop(QPainter &painter, const QRect &area);
    void paintArrows(QPainter &painter, const QRect &area);
    void paintPlayhead(QPainter &painter, const QRect &area);
    QString describeSpan(const Lane &lane, const Span &span) const;

    QPointer<TimelineModel> m_model;
    QPointer<TimelineState> m_state;
    TimelineHeader *m_header;
    LaneDelegate *m_delegate;
    LaneFrame m_frame;
    std::function<QString(const trace::Location &)> m_sourceLookup;

    QPoint m_pressPos;
    qint64 m_pressStartNs = 0;
    qint64 m_pressEndNs = 0;
    void applyTasksOnly();

    bool m_tasksOnly = false;
    bool m_pressed = false;
    bool m_dragging = false;
    bool m_syncingSelection = false;
    QSet<const Lane *> m_folded; // lanes the user collapsed: new children do not unfold them
    QTimer m_rowScaleTimer;
};

} // namespace coroscope::app
