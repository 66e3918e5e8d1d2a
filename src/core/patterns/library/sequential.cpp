// SPDX-License-Identifier: GPL-3.0-or-later
// Sequential awaits: the baseline every other pattern is measured against.
#include "io/httpclient.h"
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::HttpClient;

QCoro::Task<RunOutcome> runSequential(const PatternContext &context)
{
    const int calls = context.integer(QStringLiteral("calls"));
    const int latencyMs = context.integer(QStringLiteral("latency_ms"));
    HttpClient http;

    for (int call = 1; call <= calls; ++call) {
        // Each await finishes before the next request is even sent.
        co_await http.get(context.url(QStringLiteral("/delay/%1").arg(latencyMs)));
    }

    co_return RunOutcome{RunStatus::Ok, QStringLiteral("%1 calls, one after another").arg(calls)};
}

} // namespace

std::unique_ptr<Pattern> makeSequential()
{
    PatternInfo info;
    info.id = QStringLiteral("sequential");
    info.title = QStringLiteral("Sequential awaits");
    info.category = QStringLiteral("Basics");
    info.seedSection = QStringLiteral("Basic Patterns: Calling Async Functions");
    info.summary = QStringLiteral("The baseline: await one request after another, as slow as the sum of all waits.");
    info.explanation = QStringLiteral(
        "co_await suspends the calling coroutine until the awaited work is done. Awaiting calls one by one "
        "is the right default when each call needs the previous result. When the calls are independent, "
        "the task spends its whole life waiting, one request at a time.");
    info.whatToLookFor = QStringLiteral(
        "One task, one network suspension after another, never overlapping. Wall time is roughly "
        "calls × latency. Keep this picture in mind for the gather pattern.");
    info.parameters = {
        {QStringLiteral("calls"), QStringLiteral("Calls"), ParameterSpec::Type::Integer, 10, 1, 200, QStringLiteral("calls"),
         QStringLiteral("How many requests to make")},
        {QStringLiteral("latency_ms"), QStringLiteral("Latency"), ParameterSpec::Type::DurationMs, 100, 0, 5000,
         QStringLiteral("ms"), QStringLiteral("How long the server takes to answer each request")},
    };
    info.sourceFile = QStringLiteral(":/patterns/library/sequential.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/sequential.py");
    return definePattern(std::move(info), &runSequential);
}

} // namespace coroscope::patterns
