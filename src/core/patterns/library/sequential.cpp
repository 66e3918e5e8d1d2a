// SPDX-License-Identifier: GPL-3.0-or-later
// Sequential awaits: the baseline every other pattern is measured against.
#include "io/httpclient.h"
#include "patterns/pattern.h"

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::HttpClient;

} // namespace

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

} // namespace coroscope::patterns
