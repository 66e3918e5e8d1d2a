// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"

#include <optional>

namespace coroscope::timeline {
class TimelineModel;
}

namespace coroscope::app {

using timeline::TimelineModel;

// A still picture that shows what a finished run is about: a moment when (nearly) the most tasks
// wait at once, nearest the middle of the run, and the task to select then.
struct ShowcaseMoment {
    qint64 timeNs = 0;
    trace::TaskId task = 0;
};

// nullopt when the timeline shows no trace.
std::optional<ShowcaseMoment> pickShowcaseMoment(const TimelineModel &timeline);

} // namespace coroscope::app
