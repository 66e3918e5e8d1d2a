// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/gather.h"
#include "async/sleep.h"
#include "traced.h"

#include <QTest>

using namespace coroscope;
using namespace coroscope::async;
using namespace std::chrono_literals;

namespace {

QCoro::Task<void> sleepFor(std::chrono::milliseconds delay)
{
    co_await sleep(delay);
}

} // namespace

class TestCancellation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cancellingAParentReachesGrandchildren()
    {
        auto run = testing::runTraced([]() -> QCoro::Task<QString> {
            auto parent = spawn(QStringLiteral("parent"), []() -> QCoro::Task<void> {
                auto child = spawn(QStringLiteral("child"), []() -> QCoro::Task<void> {
                    auto grandchild = spawn(QStringLiteral("grandchild"), [] { return sleepFor(5000ms); });
                    co_await grandchild.join();
                });
                co_await child.join();
            });
            co_await sleep(20ms);
            parent.cancel(QStringLiteral("stop everything"));
            try {
                co_await parent.join();
            } catch (const CancelledError &error) {
                co_return error.message();
            }
            co_return QStringLiteral("not cancelled");
        });
        QVERIFY(!run.timedOut);
        QCOMPARE(TaskHandle<QString>::takeResult(*run.root.state()), QStringLiteral("stop everything"));
        for (const auto *name : {"parent", "child", "grandchild"}) {
            const auto *task = run.taskNamed(QLatin1String(name));
            QVERIFY(task);
            QCOMPARE(task->status, trace::FinishStatus::Cancelled);
            QCOMPARE(run.trace.string(task->error), QStringLiteral("stop everything"));
        }
        QVERIFY(run.elapsedMs < 1000);
    }

    void scopeTreeSemantics()
    {
        CancelScope root;
        auto child = std::make_unique<CancelScope>(&root);
        CancelScope grandchild(child.get());
        // A scope that dies hands its children up, so cancelling from above still reaches them.
        child.reset();
        QCOMPARE(grandchild.parent(), &root);
        root.cancel(QStringLiteral("why"));
        QVERIFY(grandchild.isCancelled());
        QCOMPARE(grandchild.reason(), QStringLiteral("why"));
        // Born into a cancelled scope: cancelled from the start.
        CancelScope late(&root);
        QVERIFY(late.isCancelled());
    }

    void alreadyCancelledTaskThrowsAtItsNextAwait()
    {
        auto run = testing::runTraced([]() -> QCoro::Task<QString> {
            auto task = spawn(QStringLiteral("busy"), []() -> QCoro::Task<int> {
                int awaits = 0;
                co_await sleep(10ms);
                ++awaits;
                co_await sleep(10ms); // cancelled before this one: it throws here
                ++awaits;
                co_return awaits;
            });
            task.cancel();
            try {
                co_await task.join();
            } catch (const CancelledError &) {
                co_return QStringLiteral("cancelled");
            }
            co_return QStringLiteral("ran to the end");
        });
        QCOMPARE(TaskHandle<QString>::takeResult(*run.root.state()), QStringLiteral("cancelled"));
    }

    void suspensionsAreRecordedWithTheLineOfTheAwait()
    {
        const int line = __LINE__ + 1; // the line of the co_await
        auto run = testing::runTraced([]() -> QCoro::Task<void> { co_await sleep(5ms); });
        const trace::Event *suspended = nullptr;
        for (const auto &event : run.trace.events()) {
            if (event.kind == trace::EventKind::Suspended)
                suspended = &event;
        }
        QVERIFY(suspended);
        QCOMPARE(suspended->reason(), trace::SuspendReason::Timer);
        QCOMPARE(run.trace.string(suspended->label), QStringLiteral("sleep 5 ms"));
        const auto location = run.trace.location(suspended->location);
        QCOMPARE(location.line, line);
        QVERIFY(location.file.endsWith(QLatin1String("tst_cancellation.cpp")));
        // created, started, suspended, resumed, finished: in that order for the root task.
        std::vector<trace::EventKind> kinds;
        for (const auto &event : run.trace.events()) {
            if (event.task == run.root.id())
                kinds.push_back(event.kind);
        }
        const std::vector<trace::EventKind> expected{trace::EventKind::Created, trace::EventKind::Started,
                                                     trace::EventKind::Suspended, trace::EventKind::Resumed,
                                                     trace::EventKind::Finished};
        QCOMPARE(kinds, expected);
    }
};

QTEST_GUILESS_MAIN(TestCancellation)
#include "tst_cancellation.moc"
