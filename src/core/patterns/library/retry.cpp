// SPDX-License-Identifier: GPL-3.0-or-later
// Retries with exponential backoff against a flaky service.
#include "async/errors.h"
#include "async/retry.h"
#include "io/httpclient.h"
#include "patterns/library.h"

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
        return getResource(context.url(
            QStringLiteral("/flaky?fail=%1&seed=%2&attempt=%3").arg(failRate).arg(seed).arg(*attempts)));
    };

    // Each attempt runs as a child task "get_resource #n"; between them the task sleeps.
    QString failure;
    try {
        co_await retry(policy, QStringLiteral("get_resource"), attempt);
    } catch (const HttpError &error) {
        failure = error.message();
    }

    if (!failure.isEmpty())
        co_return RunOutcome{RunStatus::Error,
                             QStringLiteral("gave up after %1 attempts; the last one failed: %2").arg(*attempts).arg(failure)};
    co_return RunOutcome{RunStatus::Ok, QStringLiteral("succeeded on attempt %1 after %2 failure(s)").arg(*attempts).arg(*attempts - 1)};
}

} // namespace

std::unique_ptr<Pattern> makeRetry()
{
    PatternInfo info;
    info.id = QStringLiteral("retry");
    info.title = QStringLiteral("Retries with exponential backoff");
    info.category = QStringLiteral("HTTP");
    info.seedSection = QStringLiteral("HTTP Client Patterns: Retries with Exponential Backoff");
    info.summary = QStringLiteral("Try a flaky request again, waiting twice as long after each failure, up to a limit.");
    info.explanation = QStringLiteral(
        "Some failures are transient: a service restarting, a dropped connection, a 503 under load. Trying "
        "again usually works, but trying again at once, and everybody at once, keeps an overloaded service "
        "down. Exponential backoff waits a little after the first failure and twice as long after each "
        "further one, giving the service room to recover; a cap on attempts keeps a dead service from "
        "holding you forever. Only some errors deserve a retry: a 404 will be a 404 next time too. The "
        "flaky endpoint fails from a seeded sequence, so a seed always gives the same story.");
    info.whatToLookFor = QStringLiteral(
        "One child task per attempt, \"get_resource #1\", \"#2\", ... Each failed attempt ends red after a "
        "short network suspension, and main gets a mark saying which attempt failed and how long it will "
        "wait. Between the attempts main sits in timer suspensions that double each time: the gaps grow "
        "100, 200, 400 ms with the defaults. The last attempt is green, or, if the attempts run out, red "
        "and the run ends with an error.");
    info.parameters = {
        {QStringLiteral("fail_rate"), QStringLiteral("Failure rate"), ParameterSpec::Type::Real, 0.5, 0, 1, QString(),
         QStringLiteral("The chance that any one attempt fails with 503")},
        {QStringLiteral("seed"), QStringLiteral("Seed"), ParameterSpec::Type::Integer, 7, 0, 1000000000, QString(),
         QStringLiteral("Which failure sequence /flaky plays (7 with rate 0.5: three failures, then success)")},
        {QStringLiteral("max_attempts"), QStringLiteral("Attempts"), ParameterSpec::Type::Integer, 5, 1, 20,
         QStringLiteral("attempts"), QStringLiteral("How many attempts before giving up")},
        {QStringLiteral("initial_delay_ms"), QStringLiteral("First wait"), ParameterSpec::Type::DurationMs, 100, 0, 5000,
         QStringLiteral("ms"), QStringLiteral("The wait after the first failure; each later wait is twice the one before")},
    };
    info.sourceFile = QStringLiteral(":/patterns/library/retry.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/retry.py");
    return definePattern(std::move(info), &runRetry);
}

} // namespace coroscope::patterns
