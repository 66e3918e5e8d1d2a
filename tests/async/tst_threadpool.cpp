// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/heartbeat.h"
#include "async/sleep.h"
#include "async/threadpool.h"
#include "trace/summary.h"
#include "traced.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <thread>

using namespace coroscope;
using namespace coroscope::async;
using namespace std::chrono_literals;

class TestThreadPool : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsElsewhereAndResumesOnTheCallersThread()
    {
        auto run = testing::runTraced([]() -> QCoro::Task<bool> {
            auto *before = QThread::currentThread();
            QThread *worker = nullptr;
            auto job = [&worker] {
                worker = QThread::currentThread();
                return 6 * 7;
            };
            const int value = co_await runInThreadPool(job);
            co_return value == 42 && worker != before &&QThread::currentThread() == before;
        });
        QVERIFY(TaskHandle<bool>::takeResult(*run.root.state()));
        // The job shows up as a child task on another thread's lane.
        const auto *job = run.taskNamed(QStringLiteral("thread-pool job"));
        QVERIFY(job);
        bool startedElsewhere = false;
        for (const auto &event : run.trace.events()) {
            if (event.task == job->id && event.kind == trace::EventKind::Started)
                startedElsewhere = event.thread != 0;
        }
        QVERIFY(startedElsewhere);
    }

    void cancellationDoesNotInterruptTheJobButDropsItsResult()
    {
        auto jobFinished = std::make_shared<std::atomic<bool>>(false);
        auto run = testing::runTraced([jobFinished]() -> QCoro::Task<QString> {
            auto task = spawn(QStringLiteral("caller"), [jobFinished]() -> QCoro::Task<int> {
                auto job = [jobFinished] {
                    std::this_thread::sleep_for(300ms);
                    jobFinished->store(true);
                    return 1;
                };
                co_return co_await runInThreadPool(job, QStringLiteral("slow job"));
            });
            co_await sleep(30ms);
            task.cancel();
            try {
                co_await task.join();
            } catch (const CancelledError &) {
                // The awaiter is released at once, while the job is still running.
                co_return jobFinished->load() ? QStringLiteral("job already done") : QStringLiteral("released early");
            }
            co_return QStringLiteral("not cancelled");
        });
        QCOMPARE(TaskHandle<QString>::takeResult(*run.root.state()), QStringLiteral("released early"));
        // Let the job finish and report back, then look at what the trace says about it.
        QTRY_VERIFY_WITH_TIMEOUT(jobFinished->load(), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(pendingAwaits(), 0, 5000);
        trace::Trace later;
        run.recorder->drainInto(later);
        bool dropped = false;
        for (const auto &event : later.events())
            dropped = dropped || later.string(event.label).contains(QStringLiteral("result dropped"));
        QVERIFY(dropped);
    }

    void heartbeatShowsABlockedLoop()
    {
        auto recorder = std::make_shared<trace::Recorder>();
        LoopHeartbeat heartbeat(recorder, 10ms);
        heartbeat.start();
        QTest::qWait(50);
        std::this_thread::sleep_for(300ms); // the pitfall: blocking the loop's thread
        QTest::qWait(50);
        heartbeat.stop();
        trace::Trace trace;
        recorder->drainInto(trace);
        const auto summary = trace::summarize(trace);
        // The lag measured is about the time the loop was blocked.
        QVERIFY2(summary.loopLagMaxMs > 250 && summary.loopLagMaxMs < 600,
                 qPrintable(QString::number(summary.loopLagMaxMs)));
        QVERIFY(summary.loopLagP50Ms < 50);
    }
};

QTEST_GUILESS_MAIN(TestThreadPool)
#include "tst_threadpool.moc"
