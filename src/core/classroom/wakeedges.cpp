// SPDX-License-Identifier: GPL-3.0-or-later
#include "classroom/wakeedges.h"

#include <QHash>

namespace coroscope::classroom {

using namespace coroscope::trace;

const char *toString(WakeKind kind)
{
    switch (kind) {
    case WakeKind::ChildFinished: return "child finished";
    case WakeKind::PermitReleased: return "permit released";
    case WakeKind::Reply: return "reply";
    case WakeKind::TimerFired: return "timer fired";
    }
    return "?";
}

std::vector<WakeEdge> wakeEdges(const Trace &trace)
{
    std::vector<WakeEdge> edges;
    const auto &events = trace.events();
    QHash<TaskId, qsizetype> waitOf; // the Suspended event a task is in
    QHash<TaskId, qsizetype> lastChildFinished; // by parent
    qsizetype lastFinished = -1;
    for (qsizetype index = 0; index < qsizetype(events.size()); ++index) {
        const auto &event = events[size_t(index)];
        if (event.kind == EventKind::Suspended) {
            waitOf.insert(event.task, index);
        } else if (event.kind == EventKind::Finished) {
            waitOf.remove(event.task);
            lastFinished = index;
            if (const auto *info = trace.task(event.task); info && info->parent != 0)
                lastChildFinished.insert(info->parent, index);
        } else if (event.kind == EventKind::Resumed) {
            const auto wait = waitOf.value(event.task, -1);
            waitOf.remove(event.task);
            if (wait < 0)
                continue;
            const auto &suspended = events[size_t(wait)];
            // A cause counts only if it came after the wait began.
            const auto during = [&](qsizetype cause) { return cause > wait ? cause : qsizetype(-1); };
            qsizetype from = -1;
            WakeKind kind = WakeKind::Reply;
            switch (suspended.reason()) {
            case SuspendReason::ChildJoin:
                from = during(lastChildFinished.value(event.task, -1));
                kind = WakeKind::ChildFinished;
                break;
            case SuspendReason::Semaphore:
                from = during(lastFinished);
                kind = WakeKind::PermitReleased;
                break;
            case SuspendReason::Timer:
                from = wait;
                kind = WakeKind::TimerFired;
                break;
            case SuspendReason::Network:
            case SuspendReason::Database:
            case SuspendReason::ThreadPool:
            case SuspendReason::Other: from = wait; break;
            }
            if (from >= 0)
                edges.push_back({from, index, kind});
        }
    }
    return edges;
}

} // namespace coroscope::classroom
