// SPDX-License-Identifier: GPL-3.0-or-later
// timeout: a deadline around a block of awaits; at the deadline the request is aborted for real.
#include "async/errors.h"
#include "async/timeout.h"
#include "io/httpclient.h"
#include "patterns/library.h"

#include <QElapsedTimer>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::HttpClient;

QCoro::Task<QJsonDocument> fetch(QUrl url)
{
    HttpClient http;
    co_return co_await http.getJson(url);
}

QCoro::Task<RunOutcome> runTimeout(const PatternContext &context)
{
    const auto limit = context.duration(QStringLiteral("limit_ms"));
    const auto url = context.url(QStringLiteral("/delay/%1").arg(context.integer(QStringLiteral("latency_ms"))));

    // Python's `async with asyncio.timeout(limit):` around the request. The body runs in this
    // task; at the deadline whatever it is waiting on is cancelled and TimeoutError comes out.
    auto body = [url] { return fetch(url); };
    QString timedOut;
    QElapsedTimer clock;
    clock.start();
    try {
        co_await timeout(limit, body);
    } catch (const TimeoutError &error) {
        timedOut = error.message();
    }
    const auto elapsed = clock.elapsed();

    if (timedOut.isEmpty())
        co_return RunOutcome{RunStatus::Ok, QStringLiteral("answered in %1 ms, within the %2 ms limit").arg(elapsed).arg(limit.count())};
    co_return RunOutcome{RunStatus::Ok, QStringLiteral("%1: the request was aborted after %2 ms").arg(timedOut).arg(elapsed)};
}

} // namespace

std::unique_ptr<Pattern> makeTimeout()
{
    PatternInfo info;
    info.id = QStringLiteral("timeout");
    info.title = QStringLiteral("timeout: a deadline around a block");
    info.category = QStringLiteral("Timeouts");
    info.seedSection = QStringLiteral("Timeouts: asyncio.timeout (Python 3.11+)");
    info.summary = QStringLiteral("Give a slow request a deadline: when it passes, the request is aborted and TimeoutError raised.");
    info.explanation = QStringLiteral(
        "A timeout block puts a deadline on everything awaited inside it. When the deadline passes, the "
        "task is cancelled at the await it is stuck in: here the HTTP request is aborted and its connection "
        "closed, so the server stops working on it too. The cancellation is then turned into a TimeoutError "
        "at the end of the block, which the caller catches like any other error. Without a deadline a call "
        "to a hung service waits as long as the service likes.");
    info.whatToLookFor = QStringLiteral(
        "main has one network suspension (GET /delay/...) that ends exactly at the limit, not at the "
        "latency, with a mark \"timeout after ...\" at that moment. The \"requests in flight\" counter drops "
        "to zero there. Wall time is about the limit. Set the limit above the latency to see the request "
        "answer in time.");
    info.parameters = {
        {QStringLiteral("latency_ms"), QStringLiteral("Latency"), ParameterSpec::Type::DurationMs, 2000, 0, 30000,
         QStringLiteral("ms"), QStringLiteral("How long the server takes to answer")},
        {QStringLiteral("limit_ms"), QStringLiteral("Limit"), ParameterSpec::Type::DurationMs, 500, 1, 30000,
         QStringLiteral("ms"), QStringLiteral("The deadline")},
    };
    info.sourceFile = QStringLiteral(":/patterns/library/timeout.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/timeout.py");
    return definePattern(std::move(info), &runTimeout);
}

} // namespace coroscope::patterns
