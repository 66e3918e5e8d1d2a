// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "classroom/narration.h"

#include <vector>

namespace coroscope::classroom {

// The moments a teacher stops to talk about.
enum class MomentKind {
    FirstSuspension, // the first co_await that really waits
    FirstSemaphoreWait, // the first task turned away by a semaphore
    TimeoutFired, // a deadline expires
    ErrorPropagating, // the first task that fails, its error on its way to whoever awaits it
    CancellationSpreading, // the first task cancelled
    LoopBlocked, // the first time the event loop could not run for a while
};
const char *toString(MomentKind kind);

struct Moment {
    MomentKind kind = MomentKind::FirstSuspension;
    Caption caption; // its event, time, task and what to say
};

// The first moment of each kind (every timeout), in the order they happened.
std::vector<Moment> teachingMoments(const trace::Trace &trace);

} // namespace coroscope::classroom
