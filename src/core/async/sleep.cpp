// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/sleep.h"

#include "async/duration.h"

namespace coroscope::async {

SleepAwaiter::SleepAwaiter(std::chrono::nanoseconds duration, std::source_location where)
    : Suspension(trace::SuspendReason::Timer, QStringLiteral("sleep %1").arg(formatDuration(duration)), where)
    , m_duration(duration)
{
}

void SleepAwaiter::start()
{
    m_deadline = DeadlineScheduler::current().schedule(DeadlineScheduler::Clock::now() + m_duration, [this] {
        m_deadline.reset();
        complete();
    });
}

void SleepAwaiter::abort()
{
    if (m_deadline) {
        DeadlineScheduler::current().cancel(*m_deadline);
        m_deadline.reset();
    }
}

SleepAwaiter sleep(std::chrono::nanoseconds duration, std::source_location where)
{
    return SleepAwaiter(duration, where);
}

} // namespace coroscope::async
