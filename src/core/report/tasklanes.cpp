// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/tasklanes.h"

#include <QHash>

#include <algorithm>

namespace coroscope::report {

using namespace coroscope::trace;

TaskLanes TaskLanes::build(const Trace &trace)
{
    TaskLanes result;
    const auto &tasks = trace.tasks();

    // Tree order without recursion: imported traces can nest arbitrarily deep, and a corrupt
    // file can even make parents form a cycle, which would otherwise hide those tasks.
    QHash<TaskId, std::vector<std::size_t>> children;
    std::vector<std::size_t> roots;
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        const auto &task = tasks[i];
        if (task.parent != 0 && task.parent != task.id && trace.task(task.parent))
            children[task.parent].push_back(i);
        else
            roots.push_back(i);
    }
    auto byCreation = [&](std::size_t a, std::size_t b) {
        return tasks[a].createdNs != tasks[b].createdNs ? tasks[a].createdNs < tasks[b].createdNs
                                                        : tasks[a].id < tasks[b].id;
    };
    for (auto &list : children)
        std::sort(list.begin(), list.end(), byCreation);
    std::sort(roots.begin(), roots.end(), byCreation);

    std::vector<char> visited(tasks.size(), 0);
    QHash<TaskId, std::size_t> laneOf;
    result.lanes.reserve(tasks.size());
    const qint64 traceEnd = trace.endNs();
    auto visitFrom = [&](std::size_t rootIndex) {
        std::vector<std::pair<std::size_t, int>> stack{{rootIndex, 0}};
        while (!stack.empty()) {
            const auto [index, depth] = stack.back();
            stack.pop_back();
            if (visited[index])
                continue;
            visited[index] = 1;
            const auto &task = tasks[index];
            Lane lane;
            lane.task = task.id;
            lane.parent = task.parent;
            lane.name = task.name;
            lane.location = task.location;
            lane.depth = depth;
            lane.createdNs = task.createdNs;
            lane.finished = task.finishedNs >= 0;
            lane.endNs = lane.finished ? task.finishedNs : std::max(traceEnd, task.createdNs);
            lane.status = task.status;
            lane.error = task.error;
            laneOf.insert(task.id, result.lanes.size());
            result.lanes.push_back(std::move(lane));
            const auto it = children.constFind(task.id);
            if (it != children.cend()) {
                for (auto child = it->crbegin(); child != it->crend(); ++child)
                    stack.emplace_back(*child, depth + 1);
            }
        }
    };
    for (const auto root : roots)
        visitFrom(root);
    for (std::size_t i = 0; i < tasks.size(); ++i) {
        if (!visited[i])
            visitFrom(i);
    }

    QHash<StringId, std::size_t> counterOf;
    for (const auto name : trace.counterNames()) {
        counterOf.insert(name, result.counters.size());
        result.counters.push_back(Counter{name, {}});
    }

    for (const auto &event : trace.events()) {
        if (event.kind == EventKind::Counter) {
            const auto it = counterOf.constFind(event.label);
            if (it != counterOf.cend())
                result.counters[*it].points.push_back({event.timeNs, event.value});
            continue;
        }
        const auto laneIt = laneOf.constFind(event.task);
        if (laneIt == laneOf.cend()) {
            if (event.kind == EventKind::Mark)
                result.untaskedMarks.push_back({event.timeNs, event.label});
            continue;
        }
        auto &lane = result.lanes[*laneIt];
        switch (event.kind) {
        case EventKind::Started:
            if (lane.startedNs < 0)
                lane.startedNs = event.timeNs;
            break;
        case EventKind::Suspended: {
            // A suspension left open by a bad trace ends where the next one starts.
            if (!lane.suspensions.empty() && !lane.suspensions.back().resumed) {
                lane.suspensions.back().endNs = event.timeNs;
                lane.suspensions.back().resumed = true;
            }
            const auto reason = event.detail < SuspendReasonCount ? event.reason() : SuspendReason::Other;
            lane.suspensions.push_back({event.timeNs, lane.endNs, reason, event.label, event.location, false});
            break;
        }
        case EventKind::Resumed:
            if (!lane.suspensions.empty() && !lane.suspensions.back().resumed) {
                lane.suspensions.back().endNs = event.timeNs;
                lane.suspensions.back().resumed = true;
            }
            break;
        case EventKind::Mark: lane.marks.push_back({event.timeNs, event.label}); break;
        default: break;
        }
    }
    // A task that finished while (by the record) still suspended: the suspension ends with it.
    for (auto &lane : result.lanes) {
        if (!lane.suspensions.empty() && !lane.suspensions.back().resumed)
            lane.suspensions.back().endNs = std::max(lane.suspensions.back().beginNs, lane.endNs);
    }
    return result;
}

} // namespace coroscope::report
