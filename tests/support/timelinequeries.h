// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Questions pattern tests ask of a finished trace: what a counter reached in a time window,
// how many tasks waited on one thing at once, which marks a task got, when it resumed.

#include "trace/trace.h"

#include <QString>

#include <algorithm>
#include <set>

namespace coroscope::testing {

// The highest value counter `name` took in [fromNs, toNs], or -1 if it was not recorded then.
inline double counterPeakBetween(const trace::Trace &trace, const QString &name, qint64 fromNs, qint64 toNs)
{
    double peak = -1;
    for (const auto &event : trace.events()) {
        if (event.kind == trace::EventKind::Counter && event.timeNs >= fromNs && event.timeNs <= toNs
            && trace.string(event.label) == name)
            peak = std::max(peak, event.value);
    }
    return peak;
}

// The most tasks that were suspended for `reason` at the same moment.
inline int peakSuspended(const trace::Trace &trace, trace::SuspendReason reason)
{
    std::set<trace::TaskId> waiting;
    std::size_t peak = 0;
    for (const auto &event : trace.events()) {
        if (event.kind == trace::EventKind::Suspended && event.reason() == reason) {
            waiting.insert(event.task);
            peak = std::max(peak, waiting.size());
        } else if (event.kind == trace::EventKind::Resumed || event.kind == trace::EventKind::Finished) {
            waiting.erase(event.task);
        }
    }
    return int(peak);
}

// How many tasks suspended for `reason` at least once.
inline int tasksSuspendedFor(const trace::Trace &trace, trace::SuspendReason reason)
{
    std::set<trace::TaskId> tasks;
    for (const auto &event : trace.events()) {
        if (event.kind == trace::EventKind::Suspended && event.reason() == reason)
            tasks.insert(event.task);
    }
    return int(tasks.size());
}

// The marks of task `task` whose text contains `text`.
inline int marksContaining(const trace::Trace &trace, trace::TaskId task, const QString &text)
{
    int count = 0;
    for (const auto &event : trace.events()) {
        if (event.kind == trace::EventKind::Mark && event.task == task && trace.string(event.label).contains(text))
            ++count;
    }
    return count;
}

// When `task` resumed from its first suspension for `reason` (-1 if it never did), and when
// that suspension began.
struct Wait {
    qint64 suspendedNs = -1;
    qint64 resumedNs = -1;
    QString resource;
};
inline Wait firstWait(const trace::Trace &trace, trace::TaskId task, trace::SuspendReason reason)
{
    Wait wait;
    for (const auto &event : trace.events()) {
        if (event.task != task)
            continue;
        if (wait.suspendedNs < 0 && event.kind == trace::EventKind::Suspended && event.reason() == reason) {
            wait.suspendedNs = event.timeNs;
            wait.resource = trace.string(event.label);
        } else if (wait.suspendedNs >= 0 && event.kind == trace::EventKind::Resumed) {
            wait.resumedNs = event.timeNs;
            return wait;
        }
    }
    return wait;
}

} // namespace coroscope::testing
