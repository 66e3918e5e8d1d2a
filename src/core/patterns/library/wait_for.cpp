// SPDX-License-Identifier: GPL-3.0-or-later
// waitFor: the older way, a deadline on one task; on expiry the task is cancelled and waited for.
#include "async/errors.h"
#include "async/spawn.h"
#include "async/timeout.h"
#include "io/httpclient.h"
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::HttpClient;

QCoro::Task<QJsonDocument> fetchUrl(QUrl url)
{
    HttpClient http;
    co_return co_await http.getJson(url);
}

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

} // namespace

std::unique_ptr<Pattern> makeWaitFor()
{
    PatternInfo info;
    info.id = QStringLiteral("wait-for");
    info.title = QStringLiteral("wait_for: a deadline on one task");
    info.category = QStringLiteral("Timeouts");
    info.seedSection = QStringLiteral("Timeouts: asyncio.wait_for (older Python)");
    info.summary = QStringLiteral("Wait for a task for at most a given time; if it is late, cancel it and raise TimeoutError.");
    info.explanation = QStringLiteral(
        "Before asyncio.timeout there was wait_for, still common in older code. It puts the deadline on one "
        "awaitable, which runs as a task of its own. If the task has not finished by the deadline, wait_for "
        "cancels it and then waits until the cancellation has actually taken effect, so nothing is left "
        "running behind your back; only then does it raise TimeoutError. The caller typically translates "
        "that into an error of its own domain (\"the service timed out\").");
    info.whatToLookFor = QStringLiteral(
        "Two tasks. fetch_url sits in a network suspension; main waits for it in a child-join suspension. "
        "At the limit fetch_url's request is aborted and the task ends grey (cancelled), and right after "
        "that main resumes. Wall time is about the limit, not the latency.");
    info.parameters = {
        {QStringLiteral("latency_ms"), QStringLiteral("Latency"), ParameterSpec::Type::DurationMs, 2000, 0, 30000,
         QStringLiteral("ms"), QStringLiteral("How long the server takes to answer")},
        {QStringLiteral("limit_ms"), QStringLiteral("Limit"), ParameterSpec::Type::DurationMs, 500, 1, 30000,
         QStringLiteral("ms"), QStringLiteral("How long main waits for fetch_url")},
    };
    info.sourceFile = QStringLiteral(":/patterns/library/wait_for.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/wait_for.py");
    return definePattern(std::move(info), &runWaitFor);
}

} // namespace coroscope::patterns
