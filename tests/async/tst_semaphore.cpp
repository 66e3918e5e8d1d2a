// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/gather.h"
#include "async/semaphore.h"
#include "async/sleep.h"
#include "trace/counters.h"
#include "traced.h"

#include <QTest>

using namespace coroscope;
using namespace coroscope::async;
using namespace std::chrono_literals;

namespace {

struct Observed {
    int inside = 0;
    int peak = 0;
    std::vector<int> order;
};

QCoro::Task<void> limited(Semaphore &semaphore, Observed &observed, int id, std::chrono::milliseconds hold)
{
    auto permit = co_await semaphore.acquire();
    observed.order.push_back(id);
    observed.peak = std::max(observed.peak, ++observed.inside);
    co_await sleep(hold);
    --observed.inside;
}

} // namespace

class TestSemaphore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void neverExceedsItsLimitAndServesFifo()
    {
        Observed observed;
        auto run = testing::runTraced([&observed]() -> QCoro::Task<int> {
            Semaphore semaphore(5, QStringLiteral("api"));
            std::vector<TaskHandle<void>> handles;
            for (int i = 0; i < 20; ++i)
                handles.push_back(spawn(QStringLiteral("fetch %1").arg(i),
                                        [&semaphore, &observed, i] { return limited(semaphore, observed, i, 50ms); }));
            co_await gather(std::move(handles));
            co_return semaphore.peakInUse();
        });
        QVERIFY(!run.timedOut);
        QCOMPARE(observed.peak, 5);
        QCOMPARE(TaskHandle<int>::takeResult(*run.root.state()), 5);
        std::vector<int> expected(20);
        std::iota(expected.begin(), expected.end(), 0);
        QCOMPARE(observed.order, expected); // first come, first served
        // 20 tasks, 5 at a time, 50 ms each: four waves, about 200 ms.
        QVERIFY2(run.elapsedMs >= 195 && run.elapsedMs < 600, qPrintable(QString::number(run.elapsedMs)));

        // The permits-in-use counter never goes above the limit and ends at zero.
        double maxCounter = 0, lastCounter = -1;
        for (const auto &event : run.trace.events()) {
            if (event.kind == trace::EventKind::Counter
                && run.trace.string(event.label) == trace::counters::permitsInUse(QStringLiteral("api"))) {
                maxCounter = std::max(maxCounter, event.value);
                lastCounter = event.value;
            }
        }
        QCOMPARE(maxCounter, 5.0);
        QCOMPARE(lastCounter, 0.0);
        // Waiting is a recorded semaphore suspension with the occupancy in its label.
        bool sawWait = false;
        for (const auto &event : run.trace.events()) {
            if (event.kind == trace::EventKind::Suspended && event.reason() == trace::SuspendReason::Semaphore)
                sawWait = sawWait || run.trace.string(event.label) == QStringLiteral("api (5/5 in use)");
        }
        QVERIFY(sawWait);
    }

    void cancelledWaitLeavesTheQueue()
    {
        auto run = testing::runTraced([]() -> QCoro::Task<QString> {
            Semaphore semaphore(1);
            auto holder = spawn(QStringLiteral("holder"), [&semaphore]() -> QCoro::Task<void> {
                auto permit = co_await semaphore.acquire();
                co_await sleep(80ms);
            });
            auto waiter = spawn(QStringLiteral("waiter"),
                                [&semaphore]() -> QCoro::Task<void> { auto permit = co_await semaphore.acquire(); });
            auto third = spawn(QStringLiteral("third"), [&semaphore]() -> QCoro::Task<int> {
                auto permit = co_await semaphore.acquire();
                co_return semaphore.inUse();
            });
            co_await sleep(20ms);
            const auto waitingBefore = semaphore.waiting();
            waiter.cancel();
            co_await gather(returnExceptions, holder, waiter, third);
            co_return QStringLiteral("%1 %2 %3 %4")
                .arg(waitingBefore)
                .arg(QLatin1String(trace::toString(waiter.status())))
                .arg(QLatin1String(trace::toString(third.status())))
                .arg(semaphore.inUse());
        });
        QVERIFY(!run.timedOut);
        // Two were waiting; the cancelled one gave up its place, the third still got a permit,
        // and nothing is held at the end.
        QCOMPARE(TaskHandle<QString>::takeResult(*run.root.state()), QStringLiteral("2 cancelled ok 0"));
    }
};

QTEST_GUILESS_MAIN(TestSemaphore)
#include "tst_semaphore.moc"
