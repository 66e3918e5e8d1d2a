// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timelinemodel.h"

#include "timeline/timeformat.h"
#include "trace/counters.h"
#include "trace/functionname.h"

#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <map>
#include <unordered_map>

namespace coroscope::timeline {

using trace::Event;
using trace::EventKind;

namespace {

// Batches reach back at most into the previous batch; a bounded copy of it is enough to tell
// new events from moved ones. A deeper reach back rebuilds (correct, just slower).
constexpr qsizetype maxTail = qsizetype(1) << 16;

bool sameEvent(const Event &a, const Event &b)
{
    return std::memcmp(&a, &b, sizeof(Event)) == 0;
}

bool isTaskEvent(const Event &event)
{
    switch (event.kind) {
    case EventKind::Created:
    case EventKind::Started:
    case EventKind::Suspended:
    case EventKind::Resumed:
    case EventKind::Finished: return true;
    case EventKind::Mark: return event.task != 0;
    case EventKind::Counter: return false;
    }
    return false;
}

QString slotTitle(int slot)
{
    switch (slot) {
    case 0: return QStringLiteral("Event loop");
    case 1: return QStringLiteral("Counters");
    case 2: return QStringLiteral("Worker threads");
    default: return QStringLiteral("Tasks");
    }
}

bool isOpenWait(const Lane &lane)
{
    return !lane.spans.empty() && lane.spans.back().isOpen() && lane.spans.back().state == SpanState::Suspended;
}

QString statusText(const Lane &lane)
{
    if (!lane.isFinished())
        return lane.startedNs >= 0 ? QStringLiteral("running") : QStringLiteral("waiting to start");
    return QString::fromLatin1(trace::toString(lane.status));
}

} // namespace

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

TimelineModel::~TimelineModel() = default;

void TimelineModel::setTrace(const trace::Trace *trace)
{
    m_trace = trace;
    rebuild();
}

void TimelineModel::reset()
{
    m_topLevel.clear();
    m_groups = {};
    m_taskLanes.clear();
    m_neverAwaitedLanes.clear();
    m_threadLanes.clear();
    m_counterLanes.clear();
    m_pending.clear();
    m_touched.clear();
    m_tail.clear();
    m_tailStart = 0;
    m_processed = 0;
    m_startNs = 0;
    m_endNs = 0;
    m_loopThread = 0;
    m_loopThreadKnown = false;
    m_hasEvents = false;
}

void TimelineModel::rebuild()
{
    beginResetModel();
    reset();
    if (m_trace) {
        const auto &events = m_trace->events();
        const auto size = qsizetype(events.size());
        m_tailStart = std::max<qsizetype>(0, size - maxTail);
        m_tail.assign(events.begin() + m_tailStart, events.end());
        m_processed = size;
        // Structure changes are not announced inside a reset: the reset covers them.
        m_resetting = true;
        ingest(std::vector<Event>(events.begin(), events.end()));
        m_resetting = false;
    }
    endResetModel();
    Q_EMIT contentChanged();
}

void TimelineModel::update(qsizetype first, qsizetype count)
{
    Q_UNUSED(count);
    if (!m_trace)
        return;
    const auto &events = m_trace->events();
    const auto size = qsizetype(events.size());
    if (first < 0 || first > m_processed || size < m_processed || first < m_tailStart) {
        rebuild();
        return;
    }
    std::vector<Event> fresh;
    fresh.reserve(std::size_t(size - m_processed));
    // Events before `first` did not move; from there on the old ones are the previous tail, in
    // the same order (the trace sorts stably), interleaved with the new ones.
    auto old = std::size_t(first - m_tailStart);
    for (auto i = first; i < size; ++i) {
        const auto &event = events[std::size_t(i)];
        if (old < m_tail.size() && sameEvent(event, m_tail[old]))
            ++old;
        else
            fresh.push_back(event);
    }
    if (old != m_tail.size() || qsizetype(fresh.size()) != size - m_processed) {
        rebuild();
        return;
    }
    m_tailStart = std::max(first, size - maxTail);
    m_tail.assign(events.begin() + m_tailStart, events.end());
    m_processed = size;
    if (!fresh.empty())
        ingest(std::move(fresh));
}

void TimelineModel::ingest(std::vector<Event> fresh)
{
    if (fresh.empty())
        return;
    createLanes(fresh);
    for (const auto &event : fresh)
        apply(event);

    // One dataChanged per run of neighbouring rows, not one per lane.
    std::map<const Lane *, std::vector<int>> rowsByParent;
    for (auto *lane : std::as_const(m_touched)) {
        if (!lane->spans.empty())
            summariseSpans(*lane);
        rowsByParent[lane->parent].push_back(lane->row);
    }
    m_touched.clear();
    if (m_resetting)
        return;
    for (auto &[parent, rows] : rowsByParent) {
        std::sort(rows.begin(), rows.end());
        const auto &list = parent ? parent->children : m_topLevel;
        for (std::size_t i = 0; i < rows.size();) {
            auto j = i;
            while (j + 1 < rows.size() && rows[j + 1] == rows[j] + 1)
                ++j;
            Q_EMIT dataChanged(indexOf(list[std::size_t(rows[i])].get(), NameColumn),
                               indexOf(list[std::size_t(rows[j])].get(), TimelineColumn));
            i = j + 1;
        }
    }
    Q_EMIT contentChanged();
}

Lane *TimelineModel::ensureSlot(Slot slot)
{
    if (m_groups[slot])
        return m_groups[slot];
    int row = 0;
    for (int s = 0; s < slot; ++s)
        row += m_groups[s] ? 1 : 0;
    auto lane = std::make_unique<Lane>();
    lane->kind = slot == EventLoopSlot ? LaneKind::EventLoop : LaneKind::Group;
    lane->title = slotTitle(slot);
    lane->thread = m_loopThread;
    lane->row = row;
    if (!m_resetting)
        beginInsertRows({}, row, row);
    m_groups[slot] = lane.get();
    m_topLevel.insert(m_topLevel.begin() + row, std::move(lane));
    for (auto i = std::size_t(row); i < m_topLevel.size(); ++i)
        m_topLevel[i]->row = int(i);
    if (!m_resetting)
        endInsertRows();
    return m_groups[slot];
}

void TimelineModel::createLanes(const std::vector<Event> &fresh)
{
    // New lanes are gathered per existing parent and announced as one block each; lanes under
    // a parent that is itself new are simply attached to it before it is announced.
    std::vector<Lane *> parents;
    std::unordered_map<Lane *, std::vector<std::unique_ptr<Lane>>> staged;
    QSet<const Lane *> unannounced;
    auto stage = [&](Lane *parent, std::unique_ptr<Lane> lane) -> Lane * {
        lane->parent = parent;
        auto *raw = lane.get();
        unannounced.insert(raw);
        if (unannounced.contains(parent)) {
            lane->row = int(parent->children.size());
            parent->children.push_back(std::move(lane));
            return raw;
        }
        auto &list = staged[parent];
        if (list.empty())
            parents.push_back(parent);
        lane->row = int(parent->children.size() + list.size());
        list.push_back(std::move(lane));
        return raw;
    };

    for (const auto &event : fresh) {
        switch (event.kind) {
        case EventKind::Created: {
            const auto parentTask = trace::TaskId(event.value);
            if (!m_loopThreadKnown && parentTask == 0) {
                m_loopThread = event.thread;
                m_loopThreadKnown = true;
                if (auto *loop = m_groups[EventLoopSlot])
                    loop->thread = m_loopThread;
            }
            if (m_taskLanes.contains(event.task))
                break;
            Lane *parent = m_taskLanes.value(parentTask);
            if (!parent)
                parent = ensureSlot(TasksSlot);
            auto lane = std::make_unique<Lane>();
            lane->kind = LaneKind::Task;
            lane->task = event.task;
            lane->parentTask = parentTask;
            lane->title = m_trace->string(event.label);
            m_taskLanes.insert(event.task, stage(parent, std::move(lane)));
            break;
        }
        case EventKind::Started:
        case EventKind::Resumed:
            if (event.task != 0 && event.thread != m_loopThread && !m_threadLanes.contains(event.thread)) {
                auto lane = std::make_unique<Lane>();
                lane->kind = LaneKind::Thread;
                lane->thread = event.thread;
                lane->title = m_trace->threadName(event.thread);
                m_threadLanes.insert(event.thread, stage(ensureSlot(ThreadsSlot), std::move(lane)));
            }
            break;
        case EventKind::Counter:
            if (!m_counterLanes.contains(event.label)) {
                if (isLoopLag(event.label)) {
                    auto *loop = ensureSlot(EventLoopSlot);
                    loop->counter = event.label;
                    m_counterLanes.insert(event.label, loop);
                } else {
                    auto lane = std::make_unique<Lane>();
                    lane->kind = LaneKind::Counter;
                    lane->counter = event.label;
                    lane->title = m_trace->string(event.label);
                    m_counterLanes.insert(event.label, stage(ensureSlot(CountersSlot), std::move(lane)));
                }
            }
            break;
        case EventKind::Mark:
            if (event.task == 0)
                ensureSlot(EventLoopSlot);
            break;
        default: break;
        }
    }

    // A task cannot finish while it waits: if its last event before Finished is a suspension,
    // that wait belongs to a coroutine it called without co_await, which lives on after it.
    QHash<trace::TaskId, const Event *> lastSuspension; // per task in this batch; nullptr: not waiting
    for (const auto &event : fresh) {
        switch (event.kind) {
        case EventKind::Suspended: lastSuspension.insert(event.task, &event); break;
        case EventKind::Started:
        case EventKind::Resumed: lastSuspension.insert(event.task, nullptr); break;
        case EventKind::Finished: {
            auto *caller = m_taskLanes.value(event.task);
            if (!caller || caller->isFinished() || m_neverAwaitedLanes.contains(event.task))
                break;
            const auto seen = lastSuspension.constFind(event.task);
            trace::LocationId where = 0;
            if (seen != lastSuspension.cend() && *seen)
                where = (*seen)->location;
            else if (seen == lastSuspension.cend() && isOpenWait(*caller))
                where = caller->spans.back().location;
            else
                break;
            auto lane = std::make_unique<Lane>();
            lane->kind = LaneKind::Task;
            lane->task = event.task;
            lane->neverAwaited = true;
            lane->parentTask = event.task;
            const QString function = trace::shortFunctionName(m_trace->location(where).function);
            lane->title = (function.isEmpty() ? QStringLiteral("a coroutine") : function)
                          + QStringLiteral(", never awaited");
            m_neverAwaitedLanes.insert(event.task, stage(caller, std::move(lane)));
            break;
        }
        default: break;
        }
    }

    for (auto *parent : parents) {
        auto &list = staged[parent];
        const int first = int(parent->children.size());
        if (!m_resetting)
            beginInsertRows(indexOf(parent), first, first + int(list.size()) - 1);
        for (auto &lane : list)
            parent->children.push_back(std::move(lane));
        if (!m_resetting)
            endInsertRows();
    }
}

bool TimelineModel::isLoopLag(trace::StringId label) const
{
    return m_trace->string(label) == trace::counters::loopLagMs();
}

void TimelineModel::apply(const Event &event)
{
    if (!m_hasEvents) {
        m_startNs = m_endNs = event.timeNs;
        m_hasEvents = true;
    }
    m_endNs = std::max(m_endNs, event.timeNs);
    m_startNs = std::min(m_startNs, event.timeNs);
    if (event.kind == EventKind::Counter) {
        if (auto *lane = m_counterLanes.value(event.label)) {
            addPoint(*lane, event.timeNs, event.value);
            m_touched.insert(lane);
        }
        return;
    }
    if (!isTaskEvent(event)) {
        if (auto *loop = m_groups[EventLoopSlot]) {
            loop->markers.push_back(Marker{event.timeNs, event.label, MarkerKind::Mark});
            m_touched.insert(loop);
        }
        return;
    }
    auto *lane = m_taskLanes.value(event.task);
    if (lane && lane->isFinished()) {
        // What a finished task still records comes from the coroutine it never awaited.
        if (auto *orphan = m_neverAwaitedLanes.value(event.task)) {
            applyTaskEvent(*orphan, event);
            followNeverAwaited(*orphan, event.timeNs);
            return;
        }
    }
    if (!lane) {
        // Another thread's batch got here first (a thread-pool job starting before the batch
        // holding its creation): keep it until the task exists.
        m_pending[event.task].push_back(event);
        return;
    }
    applyTaskEvent(*lane, event);
    if (event.kind == EventKind::Created) {
        const auto it = m_pending.find(event.task);
        if (it != m_pending.end()) {
            const auto waiting = std::move(*it);
            m_pending.erase(it);
            for (const auto &early : waiting)
                applyTaskEvent(*lane, early);
        }
    }
}

void TimelineModel::applyTaskEvent(Lane &lane, const Event &event)
{
    m_touched.insert(&lane);
    switch (event.kind) {
    case EventKind::Created:
        lane.createdNs = event.timeNs;
        lane.createdThread = event.thread;
        lane.spawnLocation = event.location;
        break;
    case EventKind::Started:
        lane.startedNs = event.timeNs;
        // Waiting for a thread is worth a bar; the microsecond between spawn and start is not.
        if (lane.spans.empty() && lane.createdNs >= 0 && event.thread != lane.createdThread
            && event.timeNs > lane.createdNs) {
            Span queued;
            queued.startNs = lane.createdNs;
            queued.endNs = event.timeNs;
            queued.task = lane.task;
            queued.location = lane.spawnLocation;
            queued.state = SpanState::Queued;
            lane.spans.push_back(queued);
        }
        lane.markers.push_back(Marker{event.timeNs, 0, MarkerKind::Started});
        openSpan(lane, event, SpanState::Running);
        break;
    case EventKind::Suspended:
        closeSpan(lane, event.timeNs);
        openSpan(lane, event, SpanState::Suspended);
        break;
    case EventKind::Resumed:
        closeSpan(lane, event.timeNs);
        openSpan(lane, event, SpanState::Running);
        break;
    case EventKind::Finished: {
        if (auto *orphan = m_neverAwaitedLanes.value(lane.task); orphan && orphan != &lane && isOpenWait(lane))
            handOverWait(lane, *orphan);
        closeSpan(lane, event.timeNs);
        lane.finishedNs = event.timeNs;
        lane.status = event.status();
        lane.error = event.label;
        const qint64 endedAt = markEnding(lane, lane.status, event.timeNs);
        const auto kind = lane.status == trace::FinishStatus::Error       ? MarkerKind::Error
                          : lane.status == trace::FinishStatus::Cancelled ? MarkerKind::Cancelled
                                                                          : MarkerKind::Finished;
        lane.markers.push_back(Marker{endedAt, event.label, kind});
        break;
    }
    case EventKind::Mark: lane.markers.push_back(Marker{event.timeNs, event.label, MarkerKind::Mark}); break;
    case EventKind::Counter: break;
    }
}

void TimelineModel::openSpan(Lane &lane, const Event &event, SpanState state)
{
    Span span;
    span.startNs = event.timeNs;
    span.task = lane.task;
    span.state = state;
    if (state == SpanState::Suspended) {
        span.label = event.label;
        span.location = event.location;
        span.reason = event.reason();
    }
    lane.spans.push_back(span);
    if (state == SpanState::Running && event.thread != m_loopThread) {
        if (auto *thread = m_threadLanes.value(event.thread)) {
            thread->spans.push_back(span);
            lane.runningOn = thread;
            m_touched.insert(thread);
        }
    }
}

void TimelineModel::closeSpan(Lane &lane, qint64 timeNs)
{
    if (!lane.spans.empty() && lane.spans.back().isOpen()) {
        lane.spans.back().endNs = std::max(timeNs, lane.spans.back().startNs);
        lane.blocksValidBelow = std::min(lane.blocksValidBelow, lane.spans.size() - 1);
    }
    if (auto *thread = lane.runningOn) {
        if (!thread->spans.empty() && thread->spans.back().isOpen()) {
            thread->spans.back().endNs = std::max(timeNs, thread->spans.back().startNs);
            thread->blocksValidBelow = std::min(thread->blocksValidBelow, thread->spans.size() - 1);
        }
        lane.runningOn = nullptr;
        m_touched.insert(thread);
    }
}

qint64 TimelineModel::markEnding(Lane &lane, trace::FinishStatus status, qint64 finishedNs)
{
    if (lane.spans.empty() || status == trace::FinishStatus::Ok)
        return finishedNs;
    if (status == trace::FinishStatus::Error) {
        if (lane.spans.back().state == SpanState::Running) {
            lane.spans.back().state = SpanState::Failed;
            lane.blocksValidBelow = std::min(lane.blocksValidBelow, lane.spans.size() - 1);
        }
        return finishedNs;
    }
    // Cancelled: the cancellation arrived where the wait it interrupted ended; what ran after
    // it was the task unwinding. The wait keeps its reason's colour: before that moment it was
    // an ordinary wait, and a replay must not show a cancellation that has not happened yet.
    for (auto it = lane.spans.rbegin(); it != lane.spans.rend(); ++it) {
        if (it->state == SpanState::Suspended) {
            it->ending = SpanEnding::Cancelled;
            return it->end(finishedNs);
        }
        if (it->state != SpanState::Running)
            break;
    }
    return finishedNs;
}

void TimelineModel::handOverWait(Lane &caller, Lane &orphan)
{
    // The caller ran on from the moment the coroutine it called suspended until it finished.
    auto wait = caller.spans.back();
    caller.spans.pop_back();
    caller.blocksValidBelow = std::min(caller.blocksValidBelow, caller.spans.size());
    if (!caller.spans.empty() && caller.spans.back().state == SpanState::Running
        && caller.spans.back().endNs == wait.startNs) {
        caller.spans.back().endNs = -1;
        caller.blocksValidBelow = std::min(caller.blocksValidBelow, caller.spans.size() - 1);
    } else {
        Span running = wait;
        running.state = SpanState::Running;
        running.label = 0;
        running.location = 0;
        caller.spans.push_back(running);
    }
    orphan.createdNs = orphan.startedNs = wait.startNs;
    orphan.createdThread = caller.createdThread;
    orphan.spawnLocation = wait.location;
    orphan.spans.push_back(wait);
    m_touched.insert(&orphan);
}

void TimelineModel::followNeverAwaited(Lane &orphan, qint64 timeNs)
{
    // A coroutine nobody awaited records no end: when it returns, nothing is told. It is drawn
    // up to the last thing it was seen doing, never as running on to the end of the run.
    const auto finished = std::find_if(orphan.markers.rbegin(), orphan.markers.rend(),
                                       [](const Marker &marker) { return marker.kind == MarkerKind::Finished; });
    if (finished != orphan.markers.rend())
        orphan.markers.erase(std::next(finished).base());
    orphan.finishedNs = -1;
    if (orphan.spans.empty() || orphan.spans.back().state != SpanState::Running)
        return;
    orphan.spans.back().endNs = std::max(timeNs, orphan.spans.back().startNs);
    orphan.blocksValidBelow = std::min(orphan.blocksValidBelow, orphan.spans.size() - 1);
    orphan.finishedNs = orphan.spans.back().endNs;
    orphan.markers.push_back(Marker{orphan.finishedNs, 0, MarkerKind::Finished});
}

void TimelineModel::addPoint(Lane &lane, qint64 timeNs, double value)
{
    const CounterPoint point{timeNs, value};
    if (lane.points.empty() || lane.points.back().timeNs <= timeNs) {
        lane.points.push_back(point);
    } else {
        // Counters from another thread's later batch: keep the points in time order.
        const auto at = std::upper_bound(lane.points.begin(), lane.points.end(), timeNs,
                                         [](qint64 t, const CounterPoint &p) { return t < p.timeNs; });
        lane.points.insert(at, point);
    }
    lane.maxValue = std::max(lane.maxValue, value);
}

const Lane *TimelineModel::lane(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return static_cast<const Lane *>(index.internalPointer());
}

const std::vector<std::unique_ptr<Lane>> &TimelineModel::siblings(const Lane *lane) const
{
    return lane->parent ? lane->parent->children : m_topLevel;
}

QModelIndex TimelineModel::indexOf(const Lane *lane, int column) const
{
    if (!lane)
        return {};
    return createIndex(lane->row, column, const_cast<Lane *>(lane));
}

QModelIndex TimelineModel::indexOfTask(trace::TaskId task, int column) const
{
    return indexOf(m_taskLanes.value(task), column);
}

std::vector<const Lane *> TimelineModel::lanes() const
{
    std::vector<const Lane *> result;
    std::vector<const Lane *> stack;
    for (auto it = m_topLevel.rbegin(); it != m_topLevel.rend(); ++it)
        stack.push_back(it->get());
    while (!stack.empty()) {
        const auto *lane = stack.back();
        stack.pop_back();
        result.push_back(lane);
        for (auto it = lane->children.rbegin(); it != lane->children.rend(); ++it)
            stack.push_back(it->get());
    }
    return result;
}

QModelIndex TimelineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != NameColumn))
        return {};
    const auto *parentLane = lane(parent);
    const auto &list = parentLane ? parentLane->children : m_topLevel;
    if (row >= int(list.size()))
        return {};
    return createIndex(row, column, list[std::size_t(row)].get());
}

QModelIndex TimelineModel::parent(const QModelIndex &child) const
{
    const auto *childLane = lane(child);
    if (!childLane || !childLane->parent)
        return {};
    return indexOf(childLane->parent, NameColumn);
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_topLevel.size());
    if (parent.column() != NameColumn)
        return 0;
    return int(lane(parent)->children.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent);
    return ColumnCount;
}

QString TimelineModel::describeTask(const Lane &lane) const
{
    QStringList lines;
    lines.append(QStringLiteral("%1 (task #%2)").arg(lane.title).arg(lane.task));
    if (const auto *parent = m_taskLanes.value(lane.parentTask))
        lines.append(QStringLiteral("spawned by %1").arg(parent->title));
    if (const auto where = m_trace->location(lane.spawnLocation); where.isValid())
        lines.append(QStringLiteral("at %1:%2").arg(QFileInfo(where.file).fileName()).arg(where.line));
    auto status = statusText(lane);
    if (lane.isFinished() && lane.startedNs >= 0)
        status += QStringLiteral(" after ") + formatDuration(lane.finishedNs - lane.startedNs);
    if (lane.error)
        status += QStringLiteral(": ") + m_trace->string(lane.error);
    lines.append(status);
    return lines.join(QLatin1Char('\n'));
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    const auto *l = lane(index);
    if (!l)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() != NameColumn)
            return {};
        if (l->kind == LaneKind::Thread)
            return m_trace ? m_trace->threadName(l->thread) : l->title;
        return l->title;
    case Qt::ToolTipRole:
        if (l->kind == LaneKind::Task)
            return describeTask(*l);
        if (l->kind == LaneKind::EventLoop)
            return QStringLiteral("How late the pattern's event loop served a 10 ms heartbeat. "
                                  "Tall red bars: the loop was blocked and no coroutine could run.");
        if (l->kind == LaneKind::Thread)
            return QStringLiteral("Thread %1: the tasks it ran (executor jobs, database work)").arg(l->thread);
        return l->title;
    case LaneKindRole: return int(l->kind);
    case TaskIdRole: return l->task;
    case ParentTaskRole: return l->parentTask;
    case ThreadRole: return l->thread;
    case SpanCountRole: return qlonglong(l->spans.size());
    case PointCountRole: return qlonglong(l->points.size());
    case MarkerCountRole: return qlonglong(l->markers.size());
    case StatusRole: return l->kind == LaneKind::Task ? statusText(*l) : QString();
    case StartNsRole:
        if (l->kind == LaneKind::Task)
            return l->createdNs;
        return !l->spans.empty() ? l->spans.front().startNs : !l->points.empty() ? l->points.front().timeNs : -1;
    case EndNsRole:
        if (l->kind == LaneKind::Task)
            return l->finishedNs;
        return !l->spans.empty() ? l->spans.back().endNs : !l->points.empty() ? l->points.back().timeNs : -1;
    case MaxValueRole: return l->maxValue;
    default: return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? QStringLiteral("Lane") : QStringLiteral("Time");
}

Qt::ItemFlags TimelineModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

} // namespace coroscope::timeline
