// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/trace.h"

#include <vector>

namespace coroscope::report {

// A trace regrouped the way every exporter draws it: one lane per task, parents before their
// children (children in creation order), each lane holding the task's life, its suspensions
// and its marks. Counters and marks outside any task are kept apart.
struct TaskLanes {
    struct Suspension {
        qint64 beginNs = 0;
        qint64 endNs = 0;
        trace::SuspendReason reason = trace::SuspendReason::Other;
        trace::StringId resource = 0;
        trace::LocationId location = 0;
        bool resumed = true; // false: still suspended when the trace ends
    };
    struct Mark {
        qint64 timeNs = 0;
        trace::StringId text = 0;
    };
    struct Lane {
        trace::TaskId task = 0;
        trace::TaskId parent = 0;
        trace::StringId name = 0;
        trace::LocationId location = 0;
        int depth = 0;
        qint64 createdNs = 0;
        qint64 startedNs = -1; // -1: never started
        qint64 endNs = 0; // finished, or the end of the trace while running
        bool finished = false;
        trace::FinishStatus status = trace::FinishStatus::Ok;
        trace::StringId error = 0;
        std::vector<Suspension> suspensions;
        std::vector<Mark> marks;
    };
    struct CounterPoint {
        qint64 timeNs = 0;
        double value = 0;
    };
    struct Counter {
        trace::StringId name = 0;
        std::vector<CounterPoint> points;
    };

    std::vector<Lane> lanes;
    std::vector<Mark> untaskedMarks; // marks recorded outside any task (task 0)
    std::vector<Counter> counters; // in the order of trace.counterNames()

    static TaskLanes build(const trace::Trace &trace);
};

} // namespace coroscope::report
