// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/deadlinescheduler.h"
#include "async/duration.h"
#include "async/errors.h"
#include "async/spawn.h"
#include "async/taskcontext.h"

#include <QCoroTask>

#include <chrono>
#include <functional>
#include <optional>
#include <source_location>

namespace coroscope::async {

// A cancel scope that cancels itself at a deadline: the engine of timeout() and waitFor().
// While it lives it is the innermost scope of the calling task, so every co_await inside
// (and every task spawned inside) is cancelled for real when time runs out.
class DeadlineScope
{
public:
    DeadlineScope(std::chrono::nanoseconds limit, std::source_location where);
    ~DeadlineScope();
    DeadlineScope(const DeadlineScope &) = delete;
    DeadlineScope &operator=(const DeadlineScope &) = delete;

    CancelScope &scope() { return m_scope; }
    bool expired() const { return m_expired; }
    // Turns the CancelledError our deadline caused into a TimeoutError; other errors pass.
    [[noreturn]] void rethrow(std::exception_ptr error) const;

private:
    TaskContext *m_context;
    CancelScope m_scope;
    std::chrono::nanoseconds m_limit;
    std::optional<DeadlineScheduler::Handle> m_deadline;
    bool m_expired = false;
};

namespace detail {
QString waitForCancelReason(std::chrono::nanoseconds limit);
[[noreturn]] void throwWaitForTimeout(const QString &task, std::chrono::nanoseconds limit);
} // namespace detail

// asyncio.timeout: runs `body()` (a callable returning QCoro::Task<T>) in the calling task and
// throws TimeoutError if it has not finished after `limit`; whatever it was waiting on is
// cancelled (a request aborted, a timer stopped, a semaphore wait withdrawn).
template<TaskFactory F>
QCoro::Task<FactoryResult<F>> timeout(std::chrono::nanoseconds limit, F body,
                                      std::source_location where = std::source_location::current())
{
    DeadlineScope deadline(limit, where);
    std::exception_ptr error;
    try {
        if constexpr (std::is_void_v<FactoryResult<F>>) {
            co_await std::invoke(body);
            co_return;
        } else {
            co_return co_await std::invoke(body);
        }
    } catch (...) {
        error = std::current_exception();
    }
    deadline.rethrow(error);
}

// asyncio.wait_for: waits for an already spawned task for at most `limit`. On expiry the task
// is cancelled, waited for until it has finished cancelling, and TimeoutError is thrown.
template<typename T>
QCoro::Task<T> waitFor(TaskHandle<T> task, std::chrono::nanoseconds limit,
                       std::source_location where = std::source_location::current())
{
    bool expired = false;
    auto &scheduler = DeadlineScheduler::current();
    auto deadline = scheduler.schedule(DeadlineScheduler::Clock::now() + limit, [task, &expired, limit] {
        expired = true;
        task.cancel(detail::waitForCancelReason(limit));
    });
    std::exception_ptr error;
    try {
        if constexpr (std::is_void_v<T>) {
            co_await task.join(where);
            if (!expired)
                scheduler.cancel(deadline);
            co_return;
        } else {
            auto value = co_await task.join(where);
            if (!expired)
                scheduler.cancel(deadline);
            co_return value;
        }
    } catch (...) {
        error = std::current_exception();
    }
    if (!expired)
        scheduler.cancel(deadline);
    if (expired && kindOf(error) == ErrorKind::Cancelled)
        detail::throwWaitForTimeout(task.name(), limit);
    std::rethrow_exception(error);
}

} // namespace coroscope::async
