// SPDX-License-Identifier: GPL-3.0-or-later
#include "trace/tickclock.h"

#include <QFile>

#include <thread>

namespace coroscope::trace {
namespace {

// Measures the TSC against steady_clock over a few milliseconds, once per process: an error of
// a few parts per million, microseconds over a long run.
double calibrate()
{
    using Clock = std::chrono::steady_clock;
    const auto startTime = Clock::now();
    const auto startTicks = TickClock::ticks();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    const auto endTicks = TickClock::ticks();
    const auto endTime = Clock::now();
    const double ns = double(std::chrono::duration_cast<std::chrono::nanoseconds>(endTime - startTime).count());
    return endTicks > startTicks ? ns / double(endTicks - startTicks) : 1.0;
}

} // namespace

bool TickClock::cpuHasInvariantTsc()
{
#ifdef COROSCOPE_HAS_TSC
    // Only a constant, non-stop TSC counts time; Linux says so in the CPU flags.
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (!cpuinfo.open(QIODevice::ReadOnly))
        return false;
    const auto text = cpuinfo.readAll();
    return text.contains(" constant_tsc") && text.contains(" nonstop_tsc");
#else
    return false;
#endif
}

double TickClock::nanosecondsPerTick()
{
    static const double factor = usesTsc() ? calibrate() : 1.0;
    return factor;
}

} // namespace coroscope::trace
