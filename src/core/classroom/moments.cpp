// SPDX-License-Identifier: GPL-3.0-or-later
#include "classroom/moments.h"

#include "trace/counters.h"

#include <set>

namespace coroscope::classroom {

using namespace coroscope::trace;

const char *toString(MomentKind kind)
{
    switch (kind) {
    case MomentKind::FirstSuspension: return "first suspension";
    case MomentKind::FirstSemaphoreWait: return "first semaphore wait";
    case MomentKind::TimeoutFired: return "timeout";
    case MomentKind::ErrorPropagating: return "error propagating";
    case MomentKind::CancellationSpreading: return "cancellation spreading";
    case MomentKind::LoopBlocked: return "blocked loop";
    }
    return "?";
}

std::vector<Moment> teachingMoments(const Trace &trace)
{
    std::vector<Moment> moments;
    std::set<MomentKind> seen;
    const auto lagName = counters::loopLagMs();
    for (auto &caption : narrate(trace)) {
        const auto &event = trace.events()[size_t(caption.event)];
        std::vector<MomentKind> kinds;
        switch (event.kind) {
        case EventKind::Suspended:
            kinds.push_back(MomentKind::FirstSuspension);
            if (event.reason() == SuspendReason::Semaphore && isSemaphoreFull(trace.string(event.label)))
                kinds.push_back(MomentKind::FirstSemaphoreWait);
            break;
        case EventKind::Finished:
            if (event.status() == FinishStatus::Error)
                kinds.push_back(MomentKind::ErrorPropagating);
            else if (event.status() == FinishStatus::Cancelled)
                kinds.push_back(MomentKind::CancellationSpreading);
            break;
        case EventKind::Mark:
            if (isTimeoutMark(trace.string(event.label)))
                kinds.push_back(MomentKind::TimeoutFired);
            break;
        case EventKind::Counter:
            // The narrator captions the loop's lag only when it was blocked.
            if (trace.string(event.label) == lagName)
                kinds.push_back(MomentKind::LoopBlocked);
            break;
        case EventKind::Created:
        case EventKind::Started:
        case EventKind::Resumed: break;
        }
        for (const auto kind : kinds) {
            if (kind != MomentKind::TimeoutFired && !seen.insert(kind).second)
                continue;
            moments.push_back({kind, caption});
            break; // one stop per event
        }
    }
    return moments;
}

} // namespace coroscope::classroom
