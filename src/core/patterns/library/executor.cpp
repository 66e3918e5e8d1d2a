// SPDX-License-Identifier: GPL-3.0-or-later
// CPU-bound work: in the thread pool (run_in_executor), never on the event loop.
#include "async/sleep.h"
#include "async/spawn.h"
#include "async/threadpool.h"
#include "patterns/pattern.h"

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

} // namespace

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

} // namespace coroscope::patterns
