// SPDX-License-Identifier: GPL-3.0-or-later
// CPU-bound work: in the thread pool (run_in_executor), never on the event loop.
#include "async/sleep.h"
#include "async/spawn.h"
#include "async/threadpool.h"
#include "patterns/library.h"

#include <QCryptographicHash>
#include <QElapsedTimer>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using namespace std::chrono_literals;

// cpu_intensive_sync: plain blocking code that keeps a core busy for `budget` (hashing, as a
// stand-in for resizing images or rendering a report). It never yields to anyone.
QByteArray cpuIntensive(QByteArray data, std::chrono::milliseconds budget)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < budget.count())
        data = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
    return data;
}

// Bad: called straight from a coroutine, it holds the event loop until it is done.
QCoro::Task<QByteArray> processOnTheLoop(QByteArray data, std::chrono::milliseconds budget)
{
    co_return cpuIntensive(data, budget);
}

// Good: a worker thread does it; this task waits in a suspension and the loop stays free.
QCoro::Task<QByteArray> processInThreadPool(QByteArray data, std::chrono::milliseconds budget)
{
    auto job = [data, budget] { return cpuIntensive(data, budget); };
    co_return co_await runInThreadPool(job, QStringLiteral("cpu_intensive_sync"));
}

QCoro::Task<RunOutcome> runExecutor(const PatternContext &context)
{
    const auto budget = context.duration(QStringLiteral("work_ms"));
    const auto data = QByteArrayLiteral("order #5001");

    auto bad = spawn(QStringLiteral("bad: on the event loop"), [=] { return processOnTheLoop(data, budget); });
    const auto first = co_await bad.join();
    // A breather, so that the heartbeat reports the stall before the second version starts.
    co_await sleep(50ms);
    auto good = spawn(QStringLiteral("good: in the thread pool"), [=] { return processInThreadPool(data, budget); });
    const auto second = co_await good.join();

    co_return RunOutcome{RunStatus::Ok, QStringLiteral("%1 ms of hashing each way (digests %2 and %3): compare the "
                                                       "event-loop lag during the two")
                                            .arg(budget.count())
                                            .arg(QString::fromLatin1(first.toHex().left(8)),
                                                 QString::fromLatin1(second.toHex().left(8)))};
}

} // namespace

std::unique_ptr<Pattern> makeExecutor()
{
    PatternInfo info;
    info.id = QStringLiteral("executor");
    info.title = QStringLiteral("CPU-bound work in the thread pool");
    info.category = QStringLiteral("Background work");
    info.seedSection = QStringLiteral("CPU-Bound Work: run_in_executor");
    info.summary = QStringLiteral("Hand CPU-heavy work to a worker thread so that the event loop keeps serving everyone else.");
    info.explanation = QStringLiteral(
        "A coroutine gives the loop back only at a co_await. Plain computation has none, so while it runs on the "
        "loop nothing else does: no timer fires, no response is read, no other task moves. runInThreadPool is "
        "loop.run_in_executor: the function runs on a worker thread, the task waits in a suspension, and the "
        "loop carries on. The work takes as long either way; what changes is who has to wait for it.");
    info.whatToLookFor = QStringLiteral(
        "The \"event-loop lag\" counter: one spike of about work_ms when the first task computes on the loop, "
        "and nothing to speak of during the second. The first task has no suspension at all; the second waits "
        "in a thread-pool suspension while cpu_intensive_sync runs as a task on an executor thread's lane.");
    info.parameters = {
        {QStringLiteral("work_ms"), QStringLiteral("Work"), ParameterSpec::Type::DurationMs, 300, 10, 5000,
         QStringLiteral("ms"), QStringLiteral("How long the computation keeps a core busy")},
    };
    info.sourceFile = QStringLiteral(":/patterns/library/executor.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/executor.py");
    return definePattern(std::move(info), &runExecutor);
}

} // namespace coroscope::patterns
