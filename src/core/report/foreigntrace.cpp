// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/foreigntrace.h"

#include <QJsonValue>

#include <algorithm>
#include <limits>

namespace coroscope::report::detail {

using namespace coroscope::trace;

namespace {

// Trace::addLocation() searches linearly; beyond this many distinct locations an imported
// file would take quadratic time, so further ones are dropped (with a warning).
constexpr int MaxLocations = 10'000;
constexpr qint64 NoTime = std::numeric_limits<qint64>::min();

} // namespace

struct ForeignTraceBuilder::Slice {
    qint64 beginNs = 0;
    qint64 endNs = 0;
    QString name;
    QJsonObject args;
    qsizetype order = 0;
};

struct ForeignTraceBuilder::Task {
    qint64 pid = 0;
    qint64 tid = 0;
    QString name;
    int sortIndex = std::numeric_limits<int>::max();
    qsizetype firstOrder = 0;
    std::vector<Slice> slices;
    std::vector<std::pair<qint64, QString>> instants;
    TaskId id = 0;
    TaskId parent = 0;
    ThreadIndex thread = 0;
    qint64 beginNs = 0;
    qint64 endNs = 0;
};

struct ForeignTraceBuilder::Output {
    Trace &trace;
    std::vector<Event> events;
    QHash<QString, LocationId> locations;
    bool droppedLocations = false;

    StringId string(const QString &text) { return trace.addString(text); }

    LocationId location(const QJsonObject &args)
    {
        const QString file = args.value(QLatin1String("file")).toString();
        const int line = args.value(QLatin1String("line")).toInt();
        if (file.isEmpty() || line <= 0)
            return 0;
        const QString function = args.value(QLatin1String("function")).toString();
        const QString key = file + QChar(0) + function + QChar(0) + QString::number(line);
        if (const auto it = locations.constFind(key); it != locations.cend())
            return *it;
        if (locations.size() >= MaxLocations) {
            droppedLocations = true;
            return 0;
        }
        const auto id = trace.addLocation(Location{file, function, line});
        locations.insert(key, id);
        return id;
    }

    void add(qint64 timeNs, EventKind kind, TaskId task, ThreadIndex thread, StringId label = 0,
             LocationId location = 0, quint8 detail = 0, double value = 0)
    {
        events.push_back(Event{timeNs, value, task, label, location, thread, kind, detail});
    }
};

void ForeignTraceBuilder::add(ForeignEvent &&event)
{
    m_events.push_back(std::move(event));
}

void ForeignTraceBuilder::addMetadata(const ForeignEvent &event)
{
    const auto name = event.args.value(QLatin1String("name"));
    const auto sortIndex = event.args.value(QLatin1String("sort_index"));
    if (event.name == QLatin1String("process_name") && name.isString())
        m_processNames.insert(event.pid, name.toString());
    else if (event.name == QLatin1String("thread_name") && name.isString())
        m_threadNames.insert({event.pid, event.tid}, name.toString());
    else if (event.name == QLatin1String("process_sort_index") && sortIndex.isDouble())
        m_processSortIndex.insert(event.pid, sortIndex.toInt());
    else if (event.name == QLatin1String("thread_sort_index") && sortIndex.isDouble())
        m_threadSortIndex.insert({event.pid, event.tid}, sortIndex.toInt());
}

void ForeignTraceBuilder::buildTask(Task &task, Output &out)
{
    auto &slices = task.slices;
    std::sort(slices.begin(), slices.end(), [](const Slice &a, const Slice &b) {
        if (a.beginNs != b.beginNs)
            return a.beginNs < b.beginNs;
        if (a.endNs != b.endNs)
            return a.endNs > b.endNs;
        return a.order < b.order;
    });

    struct Suspension {
        qint64 beginNs;
        qint64 endNs;
        SuspendReason reason;
        StringId resource;
        LocationId location;
    };
    std::vector<Suspension> suspensions;
    std::vector<std::pair<qint64, StringId>> marks;
    std::vector<qint64> openEnds;
    qint64 lastTopEnd = NoTime;
    qint64 suspendedUntil = NoTime;
    const Slice *lastTop = nullptr;
    const StringId idle = out.string(QStringLiteral("idle"));
    for (auto &slice : slices) {
        while (!openEnds.empty() && openEnds.back() <= slice.beginNs)
            openEnds.pop_back();
        if (!openEnds.empty() && slice.endNs > openEnds.back()) {
            // Chrome requires slices on a track to nest; a partial overlap is clipped to fit.
            slice.endNs = openEnds.back();
            ++m_overlappingSlices;
        }
        const bool topLevel = openEnds.empty();
        openEnds.push_back(slice.endNs);
        if (topLevel) {
            if (lastTopEnd != NoTime && slice.beginNs > lastTopEnd)
                suspensions.push_back({lastTopEnd, slice.beginNs, SuspendReason::Other, idle, 0});
            lastTopEnd = std::max(lastTopEnd, slice.endNs);
            lastTop = &slice;
            continue;
        }
        SuspendReason reason = SuspendReason::Other;
        const QString argReason = slice.args.value(QLatin1String("reason")).toString();
        const bool namedByReason = fromString(slice.name, reason);
        const bool recognised = namedByReason || fromString(argReason, reason);
        if (recognised && slice.beginNs >= suspendedUntil) {
            QString resource = slice.args.value(QLatin1String("resource")).toString();
            if (resource.isEmpty() && !namedByReason)
                resource = slice.name;
            suspensions.push_back({slice.beginNs, slice.endNs, reason, out.string(resource), out.location(slice.args)});
            suspendedUntil = slice.endNs;
        } else {
            marks.emplace_back(slice.beginNs, out.string(slice.name));
        }
    }
    for (const auto &[timeNs, text] : task.instants)
        marks.emplace_back(timeNs, out.string(text));

    FinishStatus status = FinishStatus::Ok;
    StringId error = 0;
    LocationId location = 0;
    if (lastTop) {
        const QString statusText = lastTop->args.value(QLatin1String("status")).toString();
        const QString errorText = lastTop->args.value(QLatin1String("error")).toString();
        if (!fromString(statusText, status) && !errorText.isEmpty())
            status = FinishStatus::Error;
        error = out.string(errorText);
        location = out.location(slices.front().args);
    }

    out.add(task.beginNs, EventKind::Created, task.id, task.thread, out.string(task.name), location, 0,
            double(task.parent));
    out.add(task.beginNs, EventKind::Started, task.id, task.thread);
    std::sort(suspensions.begin(), suspensions.end(),
              [](const Suspension &a, const Suspension &b) { return a.beginNs < b.beginNs; });
    for (const auto &suspension : suspensions) {
        out.add(suspension.beginNs, EventKind::Suspended, task.id, task.thread, suspension.resource,
                suspension.location, quint8(suspension.reason));
        out.add(suspension.endNs, EventKind::Resumed, task.id, task.thread);
    }
    for (const auto &[timeNs, text] : marks)
        out.add(timeNs, EventKind::Mark, task.id, task.thread, text);
    out.add(task.endNs, EventKind::Finished, task.id, task.thread, error, 0, quint8(status));
}

bool ForeignTraceBuilder::build(Trace &trace, QStringList &warnings, const std::function<bool(int)> &progress)
{
    trace.clear();
    if (m_events.empty()) {
        warnings << QStringLiteral("the trace has no events");
        return true;
    }
    // Order by time; the file's order breaks ties, as the viewers do.
    std::stable_sort(m_events.begin(), m_events.end(),
                     [](const ForeignEvent &a, const ForeignEvent &b) { return a.timeNs < b.timeNs; });
    // Other tools often count from the epoch; our traces count from the start of the run.
    const qint64 origin = m_events.front().timeNs;
    for (auto &event : m_events)
        event.timeNs -= origin;
    if (progress && !progress(20))
        return false;

    using TrackKey = QPair<qint64, qint64>;
    std::vector<Task> tasks;
    QHash<TrackKey, std::size_t> threadTask;
    QHash<TrackKey, std::vector<Slice>> openThreadSlices;
    struct AsyncTrack {
        std::size_t task = 0;
        std::vector<Slice> open;
    };
    QHash<QString, AsyncTrack> asyncTracks;
    std::vector<std::pair<qint64, QString>> untaskedMarks;
    struct CounterSample {
        qint64 timeNs;
        QString name;
        double value;
    };
    std::vector<CounterSample> counterSamples;

    auto newTask = [&](const ForeignEvent &event, qsizetype order) {
        Task task;
        task.pid = event.pid;
        task.tid = event.tid;
        task.firstOrder = order;
        tasks.push_back(std::move(task));
        return tasks.size() - 1;
    };
    auto threadTrack = [&](const ForeignEvent &event, qsizetype order) -> Task & {
        const TrackKey key{event.pid, event.tid};
        auto it = threadTask.constFind(key);
        if (it == threadTask.cend()) {
            const auto index = newTask(event, order);
            auto &task = tasks[index];
            task.name = m_threadNames.value(
                key, QStringLiteral("thread %1").arg(m_threadLabels.value(event.tid, QString::number(event.tid))));
            task.sortIndex = m_threadSortIndex.value(key, std::numeric_limits<int>::max());
            it = threadTask.insert(key, index);
        }
        return tasks[*it];
    };

    for (qsizetype order = 0; order < qsizetype(m_events.size()); ++order) {
        auto &event = m_events[std::size_t(order)];
        switch (event.phase) {
        case 'X':
            threadTrack(event, order)
                .slices.push_back({event.timeNs, event.timeNs + std::max<qint64>(0, event.durationNs), event.name,
                                   event.args, order});
            break;
        case 'B':
            threadTrack(event, order);
            openThreadSlices[{event.pid, event.tid}].push_back(
                {event.timeNs, event.timeNs, event.name, event.args, order});
            break;
        case 'E': {
            auto &open = openThreadSlices[{event.pid, event.tid}];
            if (open.empty()) {
                ++m_unmatchedEnds;
                break;
            }
            auto slice = std::move(open.back());
            open.pop_back();
            slice.endNs = event.timeNs;
            for (auto it = event.args.constBegin(); it != event.args.constEnd(); ++it)
                slice.args.insert(it.key(), it.value());
            threadTrack(event, order).slices.push_back(std::move(slice));
            break;
        }
        case 'b':
        case 'S': {
            const QString key = QString::number(event.pid) + QLatin1Char('/') + event.category + QLatin1Char('/')
                                + event.asyncId;
            auto &track = asyncTracks[key];
            if (track.open.empty()) {
                track.task = newTask(event, order);
                tasks[track.task].name = event.name;
            }
            track.open.push_back({event.timeNs, event.timeNs, event.name, event.args, order});
            break;
        }
        case 'e':
        case 'F': {
            const QString key = QString::number(event.pid) + QLatin1Char('/') + event.category + QLatin1Char('/')
                                + event.asyncId;
            auto it = asyncTracks.find(key);
            if (it == asyncTracks.end() || it->open.empty()) {
                ++m_unmatchedEnds;
                break;
            }
            auto slice = std::move(it->open.back());
            it->open.pop_back();
            slice.endNs = event.timeNs;
            for (auto arg = event.args.constBegin(); arg != event.args.constEnd(); ++arg)
                slice.args.insert(arg.key(), arg.value());
            tasks[it->task].slices.push_back(std::move(slice));
            break;
        }
        case 'n':
        case 'T':
        case 'p': {
            const QString key = QString::number(event.pid) + QLatin1Char('/') + event.category + QLatin1Char('/')
                                + event.asyncId;
            const auto it = asyncTracks.constFind(key);
            if (it != asyncTracks.cend() && !it->open.empty())
                tasks[it->task].instants.emplace_back(event.timeNs, event.name);
            else
                untaskedMarks.emplace_back(event.timeNs, event.name);
            break;
        }
        case 'i':
        case 'I':
        case 'R':
            if (event.scope == 'g' || event.scope == 'p')
                untaskedMarks.emplace_back(event.timeNs, event.name);
            else
                threadTrack(event, order).instants.emplace_back(event.timeNs, event.name);
            break;
        case 'C':
            for (auto it = event.args.constBegin(); it != event.args.constEnd(); ++it) {
                if (!it.value().isDouble()) {
                    ++m_nonNumericCounters;
                    continue;
                }
                const QString name = event.args.size() == 1 ? event.name : event.name + QLatin1Char(' ') + it.key();
                counterSamples.push_back({event.timeNs, name, it.value().toDouble()});
            }
            break;
        default: ++m_ignoredPhases[event.phase]; break;
        }
    }
    // Slices still open when the trace ends last until the end of their track.
    for (auto it = openThreadSlices.begin(); it != openThreadSlices.end(); ++it) {
        for (auto &slice : it.value()) {
            ++m_unclosedSlices;
            auto &task = tasks[threadTask.value(it.key())];
            slice.endNs = std::numeric_limits<qint64>::max(); // clipped to the track's end below
            task.slices.push_back(std::move(slice));
        }
    }
    for (auto &track : asyncTracks) {
        for (auto &slice : track.open) {
            ++m_unclosedSlices;
            slice.endNs = std::numeric_limits<qint64>::max();
            tasks[track.task].slices.push_back(std::move(slice));
        }
    }
    m_events.clear();
    m_events.shrink_to_fit();
    if (progress && !progress(50))
        return false;

    // Each task's life: from its first to its last event; open slices end with it.
    for (auto &task : tasks) {
        qint64 begin = std::numeric_limits<qint64>::max();
        qint64 end = NoTime;
        for (const auto &slice : task.slices) {
            begin = std::min(begin, slice.beginNs);
            if (slice.endNs != std::numeric_limits<qint64>::max())
                end = std::max(end, slice.endNs);
            end = std::max(end, slice.beginNs);
        }
        for (const auto &instant : task.instants) {
            begin = std::min(begin, instant.first);
            end = std::max(end, instant.first);
        }
        task.beginNs = begin;
        task.endNs = end;
        for (auto &slice : task.slices)
            slice.endNs = std::min(slice.endNs, end);
    }

    // Ids: one root per process first, then the tracks in the file's sort order.
    std::stable_sort(tasks.begin(), tasks.end(), [&](const Task &a, const Task &b) {
        const int pa = m_processSortIndex.value(a.pid, 0), pb = m_processSortIndex.value(b.pid, 0);
        if (pa != pb)
            return pa < pb;
        if (a.pid != b.pid)
            return a.pid < b.pid;
        if (a.sortIndex != b.sortIndex)
            return a.sortIndex < b.sortIndex;
        return a.firstOrder < b.firstOrder;
    });
    Output out{trace, {}, {}, false};
    struct Root {
        TaskId id = 0;
        qint64 beginNs = std::numeric_limits<qint64>::max();
        qint64 endNs = NoTime;
    };
    QHash<qint64, Root> roots;
    std::vector<qint64> rootOrder;
    TaskId nextId = 1;
    for (const auto &task : tasks) {
        if (!roots.contains(task.pid)) {
            roots.insert(task.pid, Root{nextId++});
            rootOrder.push_back(task.pid);
        }
        auto &root = roots[task.pid];
        root.beginNs = std::min(root.beginNs, task.beginNs);
        root.endNs = std::max(root.endNs, task.endNs);
    }
    QHash<TrackKey, ThreadIndex> threads;
    auto threadIndex = [&](qint64 pid, qint64 tid) -> ThreadIndex {
        const TrackKey key{pid, tid};
        if (const auto it = threads.constFind(key); it != threads.cend())
            return *it;
        if (trace.threadCount() > std::numeric_limits<ThreadIndex>::max())
            return 0;
        const QString name = m_threadNames.value(
            key, QStringLiteral("thread %1").arg(m_threadLabels.value(tid, QString::number(tid))));
        const auto index = trace.addThread(name);
        threads.insert(key, index);
        return index;
    };
    for (const auto pid : rootOrder) {
        const auto &root = roots[pid];
        const QString name = m_processNames.value(
            pid, QStringLiteral("process %1").arg(m_processLabels.value(pid, QString::number(pid))));
        out.add(root.beginNs, EventKind::Created, root.id, 0, out.string(name), 0, 0, 0);
        out.add(root.beginNs, EventKind::Started, root.id, 0);
    }
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        auto &task = tasks[i];
        task.id = nextId++;
        task.parent = roots[task.pid].id;
        task.thread = threadIndex(task.pid, task.tid);
        if (task.name.isEmpty())
            task.name = QStringLiteral("task %1").arg(task.id);
        buildTask(task, out);
        task.slices.clear();
        task.slices.shrink_to_fit();
        if (progress && i % 4096 == 0 && !progress(50 + int(40 * i / tasks.size())))
            return false;
    }
    for (const auto &[timeNs, text] : untaskedMarks)
        out.add(timeNs, EventKind::Mark, 0, 0, out.string(text));
    for (const auto &sample : counterSamples)
        out.add(sample.timeNs, EventKind::Counter, 0, 0, out.string(sample.name), 0, 0, sample.value);
    for (const auto pid : rootOrder)
        out.add(roots[pid].endNs, EventKind::Finished, roots[pid].id, 0, 0, 0, quint8(FinishStatus::Ok));
    if (trace.threadCount() == 0)
        trace.addThread(QStringLiteral("imported"));

    std::stable_sort(out.events.begin(), out.events.end(),
                     [](const Event &a, const Event &b) { return a.timeNs < b.timeNs; });
    if (progress && !progress(95))
        return false;
    trace.append(out.events);

    if (m_unmatchedEnds > 0)
        warnings << QStringLiteral("%1 end event(s) without a matching begin were skipped").arg(m_unmatchedEnds);
    if (m_unclosedSlices > 0)
        warnings << QStringLiteral("%1 slice(s) never ended; they end with their track").arg(m_unclosedSlices);
    if (m_overlappingSlices > 0)
        warnings << QStringLiteral("%1 slice(s) overlapped their parent and were cut to fit").arg(m_overlappingSlices);
    if (m_nonNumericCounters > 0)
        warnings << QStringLiteral("%1 non-numeric counter value(s) were skipped").arg(m_nonNumericCounters);
    if (out.droppedLocations)
        warnings << QStringLiteral("more than %1 source locations: the rest were left out").arg(MaxLocations);
    for (auto it = m_ignoredPhases.cbegin(); it != m_ignoredPhases.cend(); ++it)
        warnings << QStringLiteral("%1 event(s) of phase '%2' are not supported and were skipped")
                        .arg(it.value())
                        .arg(QLatin1Char(it.key()));
    return true;
}

} // namespace coroscope::report::detail
