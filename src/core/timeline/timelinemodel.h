// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeline/lane.h"
#include "trace/trace.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QSet>

#include <array>
#include <memory>
#include <vector>

namespace coroscope::timeline {

// The timeline as a tree of lanes: the event loop, counters, worker threads and the tasks
// (each nested under the task that spawned it), with every lane's spans, points and markers
// precomputed from the trace. It follows a growing trace incrementally, so the live view only
// pays for the new events. Column 0 names a lane; column 1 is where views draw it.
class TimelineModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, TimelineColumn, ColumnCount };
    enum Role {
        LaneKindRole = Qt::UserRole + 1, // int(LaneKind)
        TaskIdRole, // Task lanes (and the task of a Thread lane's span)
        ParentTaskRole,
        ThreadRole,
        SpanCountRole,
        PointCountRole,
        MarkerCountRole,
        StatusRole, // Task lanes: "running", "ok", "error", "cancelled"
        StartNsRole,
        EndNsRole, // -1 while a task runs
        MaxValueRole,
    };
    Q_ENUM(Role)

    explicit TimelineModel(QObject *parent = nullptr);
    ~TimelineModel() override;

    // Shows `trace` (not owned; it must outlive the model or be replaced first). nullptr clears.
    void setTrace(const trace::Trace *trace);
    const trace::Trace *trace() const { return m_trace; }
    // After the trace grew: events [first, first + count) are new or moved (PatternRun's
    // eventsAppended). Anything the model cannot follow incrementally makes it start over.
    void update(qsizetype first, qsizetype count);

    qint64 startNs() const { return m_startNs; }
    qint64 endNs() const { return m_endNs; }
    trace::ThreadIndex loopThread() const { return m_loopThread; }
    qsizetype processedEvents() const { return m_processed; }

    const Lane *lane(const QModelIndex &index) const;
    const Lane *taskLane(trace::TaskId task) const { return m_taskLanes.value(task); }
    const Lane *eventLoopLane() const { return m_groups[EventLoopSlot]; }
    const Lane *tasksGroup() const { return m_groups[TasksSlot]; }
    QModelIndex indexOf(const Lane *lane, int column = NameColumn) const;
    QModelIndex indexOfTask(trace::TaskId task, int column = NameColumn) const;
    // Every lane, depth first in display order.
    std::vector<const Lane *> lanes() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // Lanes grew or the newest time moved on: views repaint.
    void contentChanged();

private:
    enum Slot { EventLoopSlot, CountersSlot, ThreadsSlot, TasksSlot, SlotCount };

    void reset();
    void rebuild();
    void ingest(std::vector<trace::Event> fresh);
    void createLanes(const std::vector<trace::Event> &fresh);
    Lane *ensureSlot(Slot slot);
    void apply(const trace::Event &event);
    void applyTaskEvent(Lane &lane, const trace::Event &event);
    void openSpan(Lane &lane, const trace::Event &event, SpanState state);
    void closeSpan(Lane &lane, qint64 timeNs);
    void addPoint(Lane &lane, qint64 timeNs, double value);
    // Marks how the task ended on its spans; returns when the ending happened (a cancellation
    // arrives before the unwinding it causes finishes the task).
    qint64 markEnding(Lane &lane, trace::FinishStatus status, qint64 finishedNs);
    void handOverWait(Lane &caller, Lane &orphan);
    void followNeverAwaited(Lane &orphan, qint64 timeNs);
    bool isLoopLag(trace::StringId label) const;
    const std::vector<std::unique_ptr<Lane>> &siblings(const Lane *lane) const;
    QString describeTask(const Lane &lane) const;

    const trace::Trace *m_trace = nullptr;
    std::vector<std::unique_ptr<Lane>> m_topLevel;
    std::array<Lane *, SlotCount> m_groups{};
    QHash<trace::TaskId, Lane *> m_taskLanes;
    QHash<trace::TaskId, Lane *> m_neverAwaitedLanes; // by the task that called the coroutine
    QHash<trace::ThreadIndex, Lane *> m_threadLanes;
    QHash<trace::StringId, Lane *> m_counterLanes; // the loop-lag counter maps to the EventLoop lane
    QHash<trace::TaskId, std::vector<trace::Event>> m_pending; // events of tasks not created yet
    QSet<Lane *> m_touched;

    // The last batch, to tell new events from moved ones when the next batch reaches back.
    std::vector<trace::Event> m_tail;
    qsizetype m_tailStart = 0;
    qsizetype m_processed = 0;

    qint64 m_startNs = 0;
    qint64 m_endNs = 0;
    trace::ThreadIndex m_loopThread = 0;
    bool m_loopThreadKnown = false;
    bool m_hasEvents = false;
    bool m_resetting = false;
};

} // namespace coroscope::timeline
