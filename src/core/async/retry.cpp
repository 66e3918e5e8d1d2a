// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/retry.h"

#include <algorithm>
#include <cmath>

namespace coroscope::async {

bool RetryPolicy::shouldRetry(ErrorKind kind) const
{
    return std::find(retryOn.begin(), retryOn.end(), kind) != retryOn.end();
}

std::chrono::nanoseconds RetryPolicy::baseDelay(int attempt) const
{
    const double scaled = double(initialDelay.count()) * std::pow(multiplier, std::max(0, attempt - 1));
    const double capped = std::min(scaled, double(maxDelay.count()));
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::duration<double, std::milli>(capped));
}

namespace detail {

std::chrono::nanoseconds jittered(std::chrono::nanoseconds delay, double jitter, std::mt19937 &random)
{
    if (jitter <= 0)
        return delay;
    std::uniform_real_distribution<double> factor(1.0 - jitter, 1.0 + jitter);
    return std::chrono::nanoseconds(qint64(double(delay.count()) * factor(random)));
}

QString attemptName(const QString &name, int attempt)
{
    return QStringLiteral("%1 #%2").arg(name).arg(attempt);
}

namespace {

std::chrono::milliseconds retryAfterOf(const std::exception_ptr &error)
{
    try {
        std::rethrow_exception(error);
    } catch (const HttpError &http) {
        return http.retryAfter();
    } catch (...) {
        return {};
    }
}

} // namespace

std::chrono::nanoseconds honouringRetryAfter(std::chrono::nanoseconds delay, const std::exception_ptr &error)
{
    return std::max<std::chrono::nanoseconds>(delay, retryAfterOf(error));
}

void markRetry(int attempt, const std::exception_ptr &error, std::chrono::nanoseconds delay)
{
    const auto retryAfter = retryAfterOf(error);
    const auto why = retryAfter.count() > 0 && delay <= retryAfter ? QStringLiteral(" (the server's Retry-After)")
                                                                   : QString();
    if (auto *context = TaskContext::current())
        context->mark(QStringLiteral("attempt %1 failed (%2); retrying in %3%4")
                          .arg(attempt)
                          .arg(describe(error), formatDuration(delay), why));
}

} // namespace detail
} // namespace coroscope::async
