// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/duration.h"
#include "async/errors.h"
#include "async/sleep.h"
#include "async/spawn.h"

#include <QCoroTask>

#include <chrono>
#include <functional>
#include <initializer_list>
#include <random>
#include <source_location>
#include <vector>

namespace coroscope::async {

// tenacity's retry(stop_after_attempt, wait_exponential, retry_if_exception_type), as a value.
struct RetryPolicy {
    int maxAttempts = 3;
    std::chrono::milliseconds initialDelay{100};
    double multiplier = 2.0;
    std::chrono::milliseconds maxDelay{10'000};
    // Each delay is scaled by a random factor in [1 - jitter, 1 + jitter].
    double jitter = 0.0;
    quint32 seed = 1; // jitter is reproducible: a run can be replayed and compared
    std::vector<ErrorKind> retryOn{ErrorKind::Connection, ErrorKind::Timeout};

    bool shouldRetry(ErrorKind kind) const;
    // The wait before attempt `attempt + 1` (attempt counts from 1), before jitter.
    std::chrono::nanoseconds baseDelay(int attempt) const;
};

namespace detail {
std::chrono::nanoseconds jittered(std::chrono::nanoseconds delay, double jitter, std::mt19937 &random);
QString attemptName(const QString &name, int attempt);
void markRetry(int attempt, const std::exception_ptr &error, std::chrono::nanoseconds delay);
// At least as long as the server's Retry-After, if the error is an HttpError that names one.
std::chrono::nanoseconds honouringRetryAfter(std::chrono::nanoseconds delay, const std::exception_ptr &error);
} // namespace detail

// Runs `attempt()` as a child task "name #1", "name #2", ... until one succeeds, an error of a
// kind the policy does not retry occurs, or the attempts run out (the last error is thrown).
// Between attempts the task sleeps for the backoff delay: growing gaps on the timeline. A
// server's Retry-After (429, 503) stretches a wait to at least that long.
template<TaskFactory F>
QCoro::Task<FactoryResult<F>> retry(RetryPolicy policy, QString name, F attempt,
                                    std::source_location where = std::source_location::current())
{
    std::mt19937 random(policy.seed);
    for (int number = 1;; ++number) {
        auto handle = spawn(detail::attemptName(name, number), attempt, where);
        std::exception_ptr error;
        try {
            co_return co_await handle.join(where);
        } catch (const CancelledError &) {
            throw; // cancelling the retrying task is not a failure to retry
        } catch (...) {
            error = std::current_exception();
        }
        const auto kind = kindOf(error);
        if (number >= policy.maxAttempts || !policy.shouldRetry(kind))
            std::rethrow_exception(error);
        const auto delay = detail::honouringRetryAfter(detail::jittered(policy.baseDelay(number), policy.jitter, random),
                                                       error);
        detail::markRetry(number, error, delay);
        co_await sleep(delay, where);
    }
}

} // namespace coroscope::async
