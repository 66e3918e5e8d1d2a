// SPDX-License-Identifier: GPL-3.0-or-later
// timeout: a deadline around a block of awaits; at the deadline the request is aborted for real.
#include "async/timeout.h"

#include "async/errors.h"
#include "io/httpclient.h"
#include "patterns/pattern.h"

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

} // namespace

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
        co_return RunOutcome{
            RunStatus::Ok, QStringLiteral("answered in %1 ms, within the %2 ms limit").arg(elapsed).arg(limit.count())};
    co_return RunOutcome{RunStatus::Ok,
                         QStringLiteral("%1: the request was aborted after %2 ms").arg(timedOut).arg(elapsed)};
}

} // namespace coroscope::patterns
