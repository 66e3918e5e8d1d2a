// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/trace.h"

#include <vector>

namespace coroscope::classroom {

// Why a task could go on after a wait.
enum class WakeKind {
    ChildFinished, // the last child it joined finished
    PermitReleased, // a task holding a permit finished and handed it on
    Reply, // its request (network, database, thread pool) was answered
    TimerFired,
};
const char *toString(WakeKind kind);

// Who woke whom: from the event that ended a wait to the Resumed event it allowed. Indices into
// trace.events().
struct WakeEdge {
    qsizetype from = -1;
    qsizetype to = -1;
    WakeKind kind = WakeKind::Reply;
};

// Every wake edge of a trace, in the order of the resumes. A resume whose cause is not in the trace
// (a semaphore nobody else held, a cancellation) has none. A permit's release is not an event of
// its own: the edge starts at the last other task that finished before the waiter resumed.
std::vector<WakeEdge> wakeEdges(const trace::Trace &trace);

} // namespace coroscope::classroom
