// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/deadlinescheduler.h"
#include "async/suspension.h"

#include <chrono>
#include <optional>
#include <source_location>

namespace coroscope::async {

// asyncio.sleep: suspends the task for `duration` without blocking the loop. Cancellable.
class SleepAwaiter final : public Suspension
{
public:
    SleepAwaiter(std::chrono::nanoseconds duration, std::source_location where);
    SleepAwaiter(SleepAwaiter &&) noexcept = default;

private:
    void start() override;
    void abort() override;

    std::chrono::nanoseconds m_duration;
    std::optional<DeadlineScheduler::Handle> m_deadline;
};

[[nodiscard]] SleepAwaiter sleep(std::chrono::nanoseconds duration,
                                 std::source_location where = std::source_location::current());

} // namespace coroscope::async
