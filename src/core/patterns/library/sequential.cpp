// SPDX-License-Identifier: GPL-3.0-or-later
// Sequential awaits: the baseline every other pattern is compared with.
#include "async/sleep.h"
#include "async/spawn.h"
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;

QCoro::Task<int> fetchItem(int id, std::chrono::milliseconds latency)
{
    co_await sleep(latency);
    co_return id;
}

QCoro::Task<RunOutcome> runSequential(const PatternContext &context)
{
    const int count = context.integer(QStringLiteral("tasks"));
    const auto latency = context.duration(QStringLiteral("latency_ms"));
    int sum = 0;
    for (int id = 1; id <= count; ++id)
        sum += co_await fetchItem(id, latency); // one at a time: each waits for the previous
    co_return RunOutcome{RunStatus::Ok, QStringLiteral("fetched %1 items one after another (sum %2)").arg(count).arg(sum)};
}

} // namespace

std::unique_ptr<Pattern> makeSequential()
{
    PatternInfo info;
    info.id = QStringLiteral("sequential");
    info.title = QStringLiteral("Sequential awaits");
    info.category = QStringLiteral("Basics");
    info.summary = QStringLiteral("Await one call after another: the baseline.");
    info.parameters = {
        {QStringLiteral("tasks"), QStringLiteral("Calls"), ParameterSpec::Type::Integer, 10, 1, 200, QStringLiteral("calls"),
         QStringLiteral("How many calls to make")},
        {QStringLiteral("latency_ms"), QStringLiteral("Latency"), ParameterSpec::Type::DurationMs, 100, 0, 5000,
         QStringLiteral("ms"), QStringLiteral("Server latency per call")},
    };
    info.sourceFile = QStringLiteral(":/patterns/library/sequential.cpp");
    return definePattern(std::move(info), &runSequential);
}

} // namespace coroscope::patterns
