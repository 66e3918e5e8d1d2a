// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/sleep.h"
#include "async/taskgroup.h"
#include "traced.h"

#include <QTest>

using namespace coroscope;
using namespace coroscope::async;
using namespace std::chrono_literals;

namespace {

QCoro::Task<int> work(int value, std::chrono::milliseconds delay)
{
    co_await sleep(delay);
    co_return value;
}

QCoro::Task<int> failingAtOnce(QString message)
{
    throw Error(ErrorKind::Other, message);
    co_return 0;
}

QCoro::Task<int> failing(QString message, std::chrono::milliseconds delay)
{
    co_await sleep(delay);
    throw Error(ErrorKind::Other, message);
}

} // namespace

class TestTaskGroup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void allChildrenSucceed()
    {
        auto run = testing::runTraced([]() -> QCoro::Task<int> {
            TaskGroup group;
            std::vector<TaskHandle<int>> handles;
            for (int i = 1; i <= 5; ++i)
                handles.push_back(group.spawn(QStringLiteral("item %1").arg(i), [i] { return work(i, 30ms); }));
            co_await group.join();
            int sum = 0;
            for (auto &handle : handles) {
                if (!handle.isDone())
                    throw Error(ErrorKind::Other, QStringLiteral("a child outlived join()"));
                sum += TaskHandle<int>::takeResult(*handle.state());
            }
            co_return sum;
        });
        QVERIFY(!run.timedOut);
        QCOMPARE(TaskHandle<int>::takeResult(*run.root.state()), 15);
        QVERIFY(run.elapsedMs < 140); // concurrent: about one child's delay, not five
    }

    void failureCancelsSiblingsAndJoinWaitsForAll()
    {
        auto run = testing::runTraced([]() -> QCoro::Task<QString> {
            TaskGroup group(QStringLiteral("batch"));
            group.spawn(QStringLiteral("slow 1"), [] { return work(1, 2000ms); });
            group.spawn(QStringLiteral("bad"), [] { return failing(QStringLiteral("item 3 is broken"), 30ms); });
            group.spawn(QStringLiteral("slow 2"), [] { return work(2, 2000ms); });
            try {
                co_await group.join();
            } catch (const TaskGroupError &error) {
                co_return QStringLiteral("%1 failure(s): %2")
                    .arg(error.failures().size())
                    .arg(describe(error.failures().front()));
            }
            co_return QStringLiteral("no error");
        });
        QVERIFY(!run.timedOut);
        QCOMPARE(TaskHandle<QString>::takeResult(*run.root.state()), QStringLiteral("1 failure(s): item 3 is broken"));
        // The siblings were cancelled, not waited out: far below their 2 s.
        QVERIFY2(run.elapsedMs < 1000, qPrintable(QString::number(run.elapsedMs)));
        const auto *slow1 = run.taskNamed(QStringLiteral("slow 1"));
        const auto *slow2 = run.taskNamed(QStringLiteral("slow 2"));
        const auto *bad = run.taskNamed(QStringLiteral("bad"));
        const auto *root = run.taskNamed(QStringLiteral("main"));
        QCOMPARE(slow1->status, trace::FinishStatus::Cancelled);
        QCOMPARE(slow2->status, trace::FinishStatus::Cancelled);
        QCOMPARE(bad->status, trace::FinishStatus::Error);
        // Every child finished before the group exited (the root resumed after the join).
        qint64 lastChildEnd = std::max({slow1->finishedNs, slow2->finishedNs, bad->finishedNs});
        qint64 rootResumedAfterJoin = -1;
        for (const auto &event : run.trace.events()) {
            if (event.task == root->id && event.kind == trace::EventKind::Resumed)
                rootResumedAfterJoin = event.timeNs;
        }
        QVERIFY(rootResumedAfterJoin >= lastChildEnd);
        // The cancellation says why.
        QVERIFY(run.trace.string(slow1->error).contains(QStringLiteral("bad")));
    }

    void everyFailureIsCollected()
    {
        auto run = testing::runTraced([]() -> QCoro::Task<int> {
            TaskGroup group;
            // Both fail before reaching a co_await, so neither can be cancelled: both are reported.
            group.spawn(QStringLiteral("a"), [] { return failingAtOnce(QStringLiteral("a failed")); });
            group.spawn(QStringLiteral("b"), [] { return failingAtOnce(QStringLiteral("b failed")); });
            std::size_t failures = 0;
            try {
                co_await group.join();
            } catch (const TaskGroupError &error) {
                failures = error.failures().size();
            }
            co_return int(failures);
        });
        QVERIFY(!run.timedOut);
        QCOMPARE(TaskHandle<int>::takeResult(*run.root.state()), 2);
    }

    void cancellingTheParentCancelsTheGroup()
    {
        auto run = testing::runTraced([]() -> QCoro::Task<QString> {
            auto parent = spawn(QStringLiteral("parent"), []() -> QCoro::Task<void> {
                TaskGroup group;
                group.spawn(QStringLiteral("child"), [] { return work(1, 5000ms); });
                co_await group.join();
            });
            co_await sleep(30ms);
            parent.cancel(QStringLiteral("stop"));
            try {
                co_await parent.join();
            } catch (const CancelledError &) {
                co_return QStringLiteral("cancelled");
            }
            co_return QStringLiteral("finished");
        });
        QVERIFY(!run.timedOut);
        QCOMPARE(TaskHandle<QString>::takeResult(*run.root.state()), QStringLiteral("cancelled"));
        QCOMPARE(run.taskNamed(QStringLiteral("child"))->status, trace::FinishStatus::Cancelled);
        QVERIFY(run.elapsedMs < 2000);
    }
};

QTEST_GUILESS_MAIN(TestTaskGroup)
#include "tst_taskgroup.moc"
