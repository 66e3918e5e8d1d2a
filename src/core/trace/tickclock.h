// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <chrono>

#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#define COROSCOPE_HAS_TSC 1
#endif

namespace coroscope::trace {

// The recorder's clock. Reading the CPU's time-stamp counter costs a third of clock_gettime,
// and recording is on the path of every await; ticks become nanoseconds when a batch is
// drained, not when an event is recorded. Without an invariant TSC it falls back to
// steady_clock, whose ticks are nanoseconds already.
class TickClock
{
public:
    static qint64 ticks()
    {
#ifdef COROSCOPE_HAS_TSC
        if (usesTsc()) [[likely]]
            return qint64(__rdtsc());
#endif
        return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }

    static double nanosecondsPerTick();
    // Inline, with its answer kept in a function-local static: ticks() asks on every event.
    static bool usesTsc()
    {
        static const bool tsc = cpuHasInvariantTsc();
        return tsc;
    }

private:
    static bool cpuHasInvariantTsc();
};

} // namespace coroscope::trace
