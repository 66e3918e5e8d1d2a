// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/deadlinescheduler.h"
#include "async/semaphore.h"
#include "async/sleep.h"
#include "async/timeout.h"
#include "traced.h"

#include <QTest>

using namespace coroscope;
using namespace coroscope::async;
using namespace std::chrono_literals;

namespace {

QCoro::Task<int> slowValue(std::chrono::milliseconds delay)
{
    co_await sleep(delay);
    co_return 42;
}

// Milliseconds from the start of the root task to its first Resumed after a timer suspension
// of `inner`, i.e. when the inner operation was actually cancelled.
qint64 finishedMs(const testing::TracedRun<QString> &run, const QString &task)
{
    const auto *info = run.taskNamed(task);
    return info ? (info->finishedNs - run.trace.startNs()) / 1'000'000 : -1;
}

} // namespace

class TestTimeout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void finishesInTimeGivesTheValue()
    {
        auto run = testing::runTraced(
            []() -> QCoro::Task<int> { co_return co_await timeout(500ms, [] { return slowValue(20ms); }); });
        QCOMPARE(TaskHandle<int>::takeResult(*run.root.state()), 42);
        QCOMPARE(DeadlineScheduler::current().pending(), std::size_t(0)); // its deadline was withdrawn
    }

    void expiryCancelsTheInnerOperationAtTheDeadline()
    {
        auto run = testing::runTraced([]() -> QCoro::Task<QString> {
            auto inner = spawn(QStringLiteral("inner"), []() -> QCoro::Task<QString> {
                try {
                    co_await timeout(100ms, [] { return slowValue(3000ms); });
                } catch (const TimeoutError &error) {
                    co_return error.message();
                }
                co_return QStringLiteral("no timeout");
            });
            co_return co_await inner.join();
        });
        QVERIFY(!run.timedOut);
        QCOMPARE(TaskHandle<QString>::takeResult(*run.root.state()), QStringLiteral("timed out after 100 ms"));
        // Ends at the deadline (tolerance for a busy 2-core machine), not after the 3 s sleep.
        const auto ms = finishedMs(run, QStringLiteral("inner"));
        QVERIFY2(ms >= 95 && ms < 400, qPrintable(QString::number(ms)));
        // The sleep was really stopped: nothing is left scheduled.
        QCOMPARE(DeadlineScheduler::current().pending(), std::size_t(0));
    }

    void expiryWithdrawsASemaphoreWait()
    {
        auto run = testing::runTraced([]() -> QCoro::Task<QString> {
            Semaphore semaphore(1);
            auto permit = co_await semaphore.acquire();
            QString outcome;
            auto acquire = [&semaphore]() -> QCoro::Task<void> { auto inner = co_await semaphore.acquire(); };
            try {
                co_await timeout(50ms, acquire);
                outcome = QStringLiteral("acquired");
            } catch (const TimeoutError &) {
                outcome = QStringLiteral("timeout");
            }
            co_return QStringLiteral("%1, %2 waiting").arg(outcome).arg(semaphore.waiting());
        });
        QCOMPARE(TaskHandle<QString>::takeResult(*run.root.state()), QStringLiteral("timeout, 0 waiting"));
    }

    void outerCancellationIsNotATimeout()
    {
        auto run = testing::runTraced([]() -> QCoro::Task<QString> {
            auto inner = spawn(QStringLiteral("inner"), [] { return timeout(2000ms, [] { return slowValue(3000ms); }); });
            co_await sleep(30ms);
            inner.cancel(QStringLiteral("user pressed stop"));
            try {
                co_await inner.join();
            } catch (const TimeoutError &) {
                co_return QStringLiteral("timeout");
            } catch (const CancelledError &error) {
                co_return error.message();
            }
            co_return QStringLiteral("value");
        });
        QCOMPARE(TaskHandle<QString>::takeResult(*run.root.state()), QStringLiteral("user pressed stop"));
    }

    void waitForCancelsTheTaskAndWaitsForIt()
    {
        auto run = testing::runTraced([]() -> QCoro::Task<QString> {
            auto slow = spawn(QStringLiteral("slow"), [] { return slowValue(3000ms); });
            try {
                co_await waitFor(slow, 80ms);
            } catch (const TimeoutError &error) {
                // Like asyncio.wait_for: by the time we hear of it, the task has finished cancelling.
                co_return QStringLiteral("%1 / done=%2 / %3")
                    .arg(error.message())
                    .arg(slow.isDone())
                    .arg(QLatin1String(trace::toString(slow.status())));
            }
            co_return QStringLiteral("value");
        });
        QCOMPARE(TaskHandle<QString>::takeResult(*run.root.state()),
                 QStringLiteral("slow timed out after 80 ms / done=1 / cancelled"));
        QVERIFY(run.elapsedMs < 1000);
    }

    void waitForReturnsTheValueInTime()
    {
        auto run = testing::runTraced([]() -> QCoro::Task<int> {
            co_return co_await waitFor(spawn(QStringLiteral("quick"), [] { return slowValue(10ms); }), 1000ms);
        });
        QCOMPARE(TaskHandle<int>::takeResult(*run.root.state()), 42);
        QCOMPARE(DeadlineScheduler::current().pending(), std::size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestTimeout)
#include "tst_timeout.moc"
