// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"

#include <QString>

#include <array>

namespace coroscope::trace {

class Trace;

// What a run amounts to, computed from its trace alone (so imported traces get one too).
struct Summary {
    qint64 wallNs = 0;
    int tasks = 0;
    int peakConcurrency = 0; // tasks started and not yet finished at once, the root task excluded
    int errors = 0;
    int cancellations = 0;
    double loopLagMaxMs = 0;
    double loopLagP50Ms = 0;
    double loopLagP99Ms = 0;
    std::array<qint64, SuspendReasonCount> suspendedNsByReason{};

    // One line for a terminal or a status bar.
    QString toText() const;
};

Summary summarize(const Trace &trace);

} // namespace coroscope::trace
