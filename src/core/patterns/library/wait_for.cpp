// SPDX-License-Identifier: GPL-3.0-or-later
// waitFor: the older way, a deadline on one task; on expiry the task is cancelled and waited for.
#include "async/errors.h"
#include "async/spawn.h"
#include "async/timeout.h"
#include "io/httpclient.h"
#include "patterns/pattern.h"

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::HttpClient;

QCoro::Task<QJsonDocument> fetchUrl(QUrl url)
{
    HttpClient http;
    co_return co_await http.getJson(url);
}

} // namespace

QCoro::Task<RunOutcome> runWaitFor(const PatternContext &context)
{
    const auto limit = context.duration(QStringLiteral("limit_ms"));
    const auto url = context.url(QStringLiteral("/delay/%1").arg(context.integer(QStringLiteral("latency_ms"))));

    // wait_for works on a task: the fetch runs as a task of its own...
    auto fetch = spawn(QStringLiteral("fetch_url"), [url] { return fetchUrl(url); });

    // ...and main waits for it for at most `limit`. On expiry wait_for cancels the task, waits
    // until it has finished cancelling, and only then throws TimeoutError.
    QString timedOut;
    try {
        co_await waitFor(fetch, limit);
    } catch (const TimeoutError &error) {
        timedOut = error.message();
    }

    if (timedOut.isEmpty())
        co_return RunOutcome{RunStatus::Ok, QStringLiteral("fetch_url answered within %1 ms").arg(limit.count())};
    // The seed turns the TimeoutError into its own ExternalServiceError here; we report it.
    co_return RunOutcome{RunStatus::Ok, QStringLiteral("TimeoutError: %1; fetch_url ended %2")
                                            .arg(timedOut, QLatin1String(trace::toString(fetch.status())))};
}

} // namespace coroscope::patterns
