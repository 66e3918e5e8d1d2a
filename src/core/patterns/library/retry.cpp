// SPDX-License-Identifier: GPL-3.0-or-later
// Retries with exponential backoff against a flaky service.
#include "async/retry.h"

#include "async/errors.h"
#include "io/httpclient.h"
#include "patterns/pattern.h"

#include <memory>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::HttpClient;

// One try, the function tenacity's decorator wraps: any error status (the 503 too) throws.
QCoro::Task<QJsonDocument> getResource(QUrl url)
{
    HttpClient http;
    co_return co_await http.getJson(url);
}

} // namespace

QCoro::Task<RunOutcome> runRetry(const PatternContext &context)
{
    const double failRate = context.real(QStringLiteral("fail_rate"));
    const int seed = context.integer(QStringLiteral("seed"));

    RetryPolicy policy;
    policy.maxAttempts = context.integer(QStringLiteral("max_attempts"));
    policy.initialDelay = context.duration(QStringLiteral("initial_delay_ms"));
    policy.multiplier = 2.0; // each wait twice the one before
    // The seed retries timeouts and connection errors. /flaky fails with 503 Service Unavailable,
    // an HTTP error, so HTTP errors are retried too (a real policy would pick 502/503/504 only).
    policy.retryOn = {ErrorKind::Connection, ErrorKind::Timeout, ErrorKind::Http};

    // /flaky fails attempt n of a seeded sequence as a pure function of (seed, n): asking for
    // &attempt=n makes every run with the same seed fail the same way.
    auto attempts = std::make_shared<int>(0);
    auto attempt = [context, failRate, seed, attempts] {
        ++*attempts;
        return getResource(
            context.url(QStringLiteral("/flaky?fail=%1&seed=%2&attempt=%3").arg(failRate).arg(seed).arg(*attempts)));
    };

    // Each attempt runs as a child task "get_resource #n"; between them the task sleeps.
    QString failure;
    try {
        co_await retry(policy, QStringLiteral("get_resource"), attempt);
    } catch (const HttpError &error) {
        failure = error.message();
    }

    if (!failure.isEmpty())
        co_return RunOutcome{
            RunStatus::Error,
            QStringLiteral("gave up after %1 attempts; the last one failed: %2").arg(*attempts).arg(failure)};
    co_return RunOutcome{
        RunStatus::Ok, QStringLiteral("succeeded on attempt %1 after %2 failure(s)").arg(*attempts).arg(*attempts - 1)};
}

} // namespace coroscope::patterns
