// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/gather.h"
#include "async/sleep.h"
#include "traced.h"

#include <QTest>

using namespace coroscope;
using namespace coroscope::async;
using namespace std::chrono_literals;

namespace {

QCoro::Task<int> valueAfter(int value, std::chrono::milliseconds delay)
{
    co_await sleep(delay);
    co_return value;
}

QCoro::Task<int> failAfter(QString message, std::chrono::milliseconds delay)
{
    co_await sleep(delay);
    throw Error(ErrorKind::Other, message);
}

} // namespace

class TestGather : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void resultsComeBackInInputOrder()
    {
        // The slowest task is first: results must still follow the order of the arguments.
        auto run = testing::runTraced([]() -> QCoro::Task<std::tuple<int, int, int>> {
            co_return co_await gather(spawn(QStringLiteral("slow"), [] { return valueAfter(1, 150ms); }),
                                      spawn(QStringLiteral("fast"), [] { return valueAfter(2, 10ms); }),
                                      spawn(QStringLiteral("middle"), [] { return valueAfter(3, 80ms); }));
        });
        QVERIFY(!run.timedOut);
        const auto [a, b, c] = TaskHandle<std::tuple<int, int, int>>::takeResult(*run.root.state());
        QCOMPARE(a, 1);
        QCOMPARE(b, 2);
        QCOMPARE(c, 3);
        // Concurrent, not sequential: about the slowest child, far below the sum (240 ms).
        QVERIFY2(run.elapsedMs < 230, qPrintable(QString::number(run.elapsedMs)));
        QCOMPARE(run.trace.tasks().size(), std::size_t(4));
    }

    void vectorOfTenThousand()
    {
        auto run = testing::runTraced([]() -> QCoro::Task<long long> {
            std::vector<TaskHandle<int>> handles;
            for (int i = 0; i < 10000; ++i)
                handles.push_back(spawn(QStringLiteral("child"), [i] { return valueAfter(i, 20ms); }));
            const auto values = co_await gather(std::move(handles));
            long long sum = 0;
            for (int i = 0; i < int(values.size()); ++i) {
                if (values[std::size_t(i)] != i)
                    throw Error(ErrorKind::Other, QStringLiteral("out of order at %1").arg(i));
                sum += values[std::size_t(i)];
            }
            co_return sum;
        });
        QVERIFY(!run.timedOut);
        QCOMPARE(TaskHandle<long long>::takeResult(*run.root.state()), 9999LL * 10000 / 2);
    }

    void firstErrorPropagatesWhileOthersKeepRunning()
    {
        auto run = testing::runTraced([]() -> QCoro::Task<QString> {
            auto slow = spawn(QStringLiteral("slow"), [] { return valueAfter(1, 120ms); });
            QString message;
            try {
                co_await gather(slow,
                                spawn(QStringLiteral("bad"), [] { return failAfter(QStringLiteral("boom"), 20ms); }));
                co_return QStringLiteral("no error");
            } catch (const Error &error) {
                message = error.message();
            }
            // asyncio: the other awaitables are not cancelled by the error.
            if (slow.isDone())
                co_return QStringLiteral("slow finished too early");
            co_await slow.join();
            co_return message;
        });
        QVERIFY(!run.timedOut);
        QCOMPARE(TaskHandle<QString>::takeResult(*run.root.state()), QStringLiteral("boom"));
        QCOMPARE(run.taskNamed(QStringLiteral("slow"))->status, trace::FinishStatus::Ok);
    }

    void returnExceptionsPutsErrorsInPlace()
    {
        using Results = std::tuple<Outcome<int>, Outcome<int>, Outcome<int>>;
        auto run = testing::runTraced([]() -> QCoro::Task<Results> {
            co_return co_await gather(
                returnExceptions, spawn(QStringLiteral("user"), [] { return valueAfter(7, 30ms); }),
                spawn(QStringLiteral("orders"), [] { return failAfter(QStringLiteral("orders down"), 10ms); }),
                spawn(QStringLiteral("notifications"), [] { return valueAfter(9, 50ms); }));
        });
        QVERIFY(!run.timedOut);
        auto [user, orders, notifications] = TaskHandle<Results>::takeResult(*run.root.state());
        QVERIFY(user.ok());
        QCOMPARE(user.value(), 7);
        QVERIFY(!orders.ok());
        QCOMPARE(orders.errorMessage(), QStringLiteral("orders down"));
        QCOMPARE(orders.valueOr(-1), -1);
        QCOMPARE(notifications.value(), 9);
    }
};

QTEST_GUILESS_MAIN(TestGather)
#include "tst_gather.moc"
