// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"

namespace coroscope::trace {

// An event from its parts in the order people think of them (when, what, which task), for
// importers, tests and benchmarks; the aggregate's own member order is chosen for size.
constexpr Event makeEvent(qint64 timeNs, EventKind kind, TaskId task, StringId label = 0, quint8 detail = 0,
                          double value = 0, ThreadIndex thread = 0, LocationId location = 0)
{
    return Event{timeNs, value, task, label, location, thread, kind, detail};
}

} // namespace coroscope::trace
