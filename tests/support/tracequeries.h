// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Questions tests ask of a finished trace: one task's events, a counter within a time window.

#include "trace/trace.h"

#include <QString>

#include <algorithm>
#include <vector>

namespace coroscope::testing {

// The events of `kind` that task `task` recorded, in time order.
inline std::vector<trace::Event> eventsOf(const trace::Trace &trace, trace::TaskId task, trace::EventKind kind)
{
    std::vector<trace::Event> found;
    for (const auto &event : trace.events()) {
        if (event.task == task && event.kind == kind)
            found.push_back(event);
    }
    return found;
}

// The texts of the marks task `task` recorded, in time order.
inline QStringList marksOf(const trace::Trace &trace, trace::TaskId task)
{
    QStringList texts;
    for (const auto &event : eventsOf(trace, task, trace::EventKind::Mark))
        texts.append(trace.string(event.label));
    return texts;
}

// The first mark of `task` whose text contains `part`; its timeNs is -1 if there is none.
inline trace::Event markContaining(const trace::Trace &trace, trace::TaskId task, const QString &part)
{
    for (const auto &event : eventsOf(trace, task, trace::EventKind::Mark)) {
        if (trace.string(event.label).contains(part))
            return event;
    }
    trace::Event none;
    none.timeNs = -1;
    return none;
}

// Samples of counter `name` taken in [fromNs, toNs].
inline std::vector<double> counterSamples(const trace::Trace &trace, const QString &name, qint64 fromNs, qint64 toNs)
{
    std::vector<double> values;
    for (const auto &event : trace.events()) {
        if (event.kind == trace::EventKind::Counter && event.timeNs >= fromNs && event.timeNs <= toNs
            && trace.string(event.label) == name)
            values.push_back(event.value);
    }
    return values;
}

// The highest sample of counter `name` in [fromNs, toNs], or -1 if there is none.
inline double counterMax(const trace::Trace &trace, const QString &name, qint64 fromNs, qint64 toNs)
{
    const auto values = counterSamples(trace, name, fromNs, toNs);
    return values.empty() ? -1 : *std::max_element(values.begin(), values.end());
}

// The value counter `name` had at `atNs` (its last sample until then), or -1 if none yet.
inline double counterAt(const trace::Trace &trace, const QString &name, qint64 atNs)
{
    const auto values = counterSamples(trace, name, 0, atNs);
    return values.empty() ? -1 : values.back();
}

} // namespace coroscope::testing
