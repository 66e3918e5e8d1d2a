// SPDX-License-Identifier: GPL-3.0-or-later
// TaskGroup: a batch that fails as a whole. One item breaks, its running siblings are cancelled.
#include "async/taskgroup.h"

#include "async/errors.h"
#include "io/httpclient.h"
#include "patterns/pattern.h"

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::ClientMode;
using coroscope::io::HttpClient;

// Every item talks over a connection of its own, as items bound for different services would.
// (One shared client opens at most 6 connections per host and queues the rest, which would
// hold the broken item's requests back behind the slow ones: see the http-reuse pattern.)
QCoro::Task<QJsonDocument> processItem(QUrl product)
{
    HttpClient http(ClientMode::FreshPerRequest);
    co_return co_await http.getJson(product);
}

// The broken item: its first step works, then its service gives up with a 500.
QCoro::Task<QJsonDocument> processBrokenItem(QUrl firstStep, QUrl brokenStep)
{
    HttpClient http(ClientMode::FreshPerRequest);
    co_await http.get(firstStep);
    co_return co_await http.getJson(brokenStep);
}

} // namespace

QCoro::Task<RunOutcome> runTaskGroup(const PatternContext &context)
{
    const int items = context.integer(QStringLiteral("items"));
    const int latency = context.integer(QStringLiteral("latency_ms"));
    const int failing = context.integer(QStringLiteral("failing_item"));
    const int failAfter = context.integer(QStringLiteral("fail_after_ms"));
    if (failing > items)
        throw Error(
            ErrorKind::InvalidArgument,
            QStringLiteral("failing_item must be 0 (none) or one of the %1 items, got %2").arg(items).arg(failing));

    std::vector<TaskHandle<QJsonDocument>> tasks;
    QString failure;
    {
        // Python's `async with asyncio.TaskGroup() as tg:`. The block ends at join().
        TaskGroup group(QStringLiteral("batch"));
        for (int item = 1; item <= items; ++item) {
            const auto name = QStringLiteral("process_item %1").arg(item);
            if (item == failing) {
                const auto firstStep = context.url(QStringLiteral("/delay/%1").arg(failAfter));
                const auto brokenStep = context.url(QStringLiteral("/status/500"));
                tasks.push_back(group.spawn(name, [=] { return processBrokenItem(firstStep, brokenStep); }));
            } else {
                const auto product = context.url(QStringLiteral("/products/%1?latency_ms=%2").arg(item).arg(latency));
                tasks.push_back(group.spawn(name, [=] { return processItem(product); }));
            }
        }
        // The first failure cancels every sibling still running; join() returns only once all
        // of them have really finished, then throws one TaskGroupError with every failure in it.
        try {
            co_await group.join();
        } catch (const TaskGroupError &error) {
            failure = error.message();
        }
    }

    int done = 0;
    int failed = 0;
    int cancelled = 0;
    for (const auto &task : tasks) {
        switch (task.status()) {
        case trace::FinishStatus::Ok: ++done; break;
        case trace::FinishStatus::Error: ++failed; break;
        case trace::FinishStatus::Cancelled: ++cancelled; break;
        }
    }
    if (failure.isEmpty())
        co_return RunOutcome{RunStatus::Ok, QStringLiteral("all %1 items processed").arg(done)};
    co_return RunOutcome{RunStatus::Ok,
                         QStringLiteral("TaskGroup failed as expected: %1 failed, %2 cancelled, %3 done; %4")
                             .arg(failed)
                             .arg(cancelled)
                             .arg(done)
                             .arg(failure)};
}

} // namespace coroscope::patterns
