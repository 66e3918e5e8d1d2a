// SPDX-License-Identifier: GPL-3.0-or-later
// Timeline shapes of the context-manager, background-task and executor patterns, run for real.
#include "patterntesting.h"
#include "trace/counters.h"
#include "tracequeries.h"

#include <QRegularExpression>
#include <QTest>

using namespace coroscope;
using namespace coroscope::testing;

namespace {

// The N of the first mark of `task` matching "<what> after N ms", or -1.
int durationMarked(const trace::Trace &trace, trace::TaskId task, const QString &what)
{
    const QRegularExpression pattern(QRegularExpression::escape(what) + QStringLiteral(" after (\\d+) ms"));
    for (const auto &text : marksOf(trace, task)) {
        if (const auto match = pattern.match(text); match.hasMatch())
            return match.captured(1).toInt();
    }
    return -1;
}

const trace::Event *firstEvent(const trace::Trace &trace, trace::TaskId task, trace::EventKind kind)
{
    for (const auto &event : trace.events()) {
        if (event.task == task && event.kind == kind)
            return &event;
    }
    return nullptr;
}

} // namespace

class TestContext : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.start()); }

    void timedOperationRecordsTheDurationEvenWhenTheBodyThrows()
    {
        const int latency = 200;
        auto run = m_fixture.run(QStringLiteral("timed-operation"), {{QStringLiteral("latency_ms"), latency}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        QVERIFY2(run->outcome().summary.contains(QStringLiteral("503")), qPrintable(run->outcome().summary));
        const auto &trace = run->trace();

        const auto *ok = taskNamed(trace, QStringLiteral("process_order(1)"));
        const auto *failing = taskNamed(trace, QStringLiteral("process_order(2)"));
        QVERIFY(ok && failing);
        QCOMPARE(ok->status, trace::FinishStatus::Ok);
        QCOMPARE(failing->status, trace::FinishStatus::Error);

        const int okMs = durationMarked(trace, ok->id, QStringLiteral("process_order completed"));
        const int failedMs = durationMarked(trace, failing->id, QStringLiteral("process_order failed"));
        QVERIFY2(okMs >= latency && okMs < latency + 400, qPrintable(marksOf(trace, ok->id).join(QStringLiteral("; "))));
        QVERIFY2(failedMs >= latency && failedMs < latency + 400,
                 qPrintable(marksOf(trace, failing->id).join(QStringLiteral("; "))));
        // The failing order's mark is its last word: recorded while the exception left the scope.
        const auto mark = markContaining(trace, failing->id, QStringLiteral("process_order failed"));
        QVERIFY(mark.timeNs <= failing->finishedNs);
        QVERIFY(msBetween(failing->createdNs, mark.timeNs) >= latency);
    }

    void resourceCleanupLeaksOnlyWithoutTheGuard()
    {
        const int orders = 3;
        auto run = m_fixture.run(QStringLiteral("resource-cleanup"),
                                 {{QStringLiteral("orders"), orders}, {QStringLiteral("latency_ms"), 30}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        QVERIFY2(run->outcome().summary.contains(
                     QStringLiteral("closing by hand left 3 connection(s) open, the guard left 0")),
                 qPrintable(run->outcome().summary));
        const auto &trace = run->trace();
        const auto open = QStringLiteral("open resources");

        const auto *bad = taskNamed(trace, QStringLiteral("bad: close by hand"));
        const auto *good = taskNamed(trace, QStringLiteral("good: close in a destructor"));
        QVERIFY(bad && good);
        // Without the guard every failed order leaves its connection open until the pool goes.
        const auto disposed = markContaining(trace, bad->id, QStringLiteral("pool disposed: closing 3"));
        QVERIFY2(disposed.timeNs >= 0, qPrintable(marksOf(trace, bad->id).join(QStringLiteral("; "))));
        QCOMPARE(counterMax(trace, open, bad->createdNs, bad->finishedNs), double(orders));
        QCOMPARE(counterAt(trace, open, disposed.timeNs), double(orders));
        // With it, never more than the one in use, and none once the orders are done.
        const auto done = markContaining(trace, good->id, QStringLiteral("0 connection(s) still open"));
        QVERIFY2(done.timeNs >= 0, qPrintable(marksOf(trace, good->id).join(QStringLiteral("; "))));
        QCOMPARE(counterMax(trace, open, good->createdNs, good->finishedNs), 1.0);
        QCOMPARE(counterAt(trace, open, done.timeNs), 0.0);
        QVERIFY(markContaining(trace, good->id, QStringLiteral("pool disposed")).timeNs < 0);

        // Both versions failed the same way on every order.
        const auto handlers = tasksStartingWith(trace, QStringLiteral("handle_order("));
        QCOMPARE(handlers.size(), std::size_t(2 * orders));
        for (const auto *handler : handlers)
            QCOMPARE(handler->status, trace::FinishStatus::Error);
    }

    void backgroundTaskRunsAfterTheResponse()
    {
        const int orderMs = 100;
        const int emailMs = 400;
        auto run = m_fixture.run(QStringLiteral("background-task"),
                                 {{QStringLiteral("order_ms"), orderMs}, {QStringLiteral("email_ms"), emailMs}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        const auto &trace = run->trace();
        const auto *root = taskNamed(trace, QStringLiteral("background-task"));
        const auto *handler = taskNamed(trace, QStringLiteral("create_order"));
        const auto *email = taskNamed(trace, QStringLiteral("send_email"));
        QVERIFY(root && handler && email);
        QCOMPARE(handler->status, trace::FinishStatus::Ok);
        QCOMPARE(email->status, trace::FinishStatus::Ok);

        // The response goes out when the handler is done; the email starts only after it.
        const auto response = markContaining(trace, root->id, QStringLiteral("response sent"));
        QVERIFY(response.timeNs >= handler->finishedNs);
        QVERIFY(handler->finishedNs <= email->createdNs);
        QVERIFY(response.timeNs <= email->createdNs);
        const auto responseMs = msBetween(handler->createdNs, handler->finishedNs);
        QVERIFY2(responseMs >= orderMs && responseMs < orderMs + 300, qPrintable(QString::number(responseMs)));
        QVERIFY(msBetween(handler->finishedNs, email->finishedNs) >= emailMs);

        const auto *wait = firstEvent(trace, email->id, trace::EventKind::Suspended);
        QVERIFY(wait);
        QCOMPARE(wait->reason(), trace::SuspendReason::Network);
        QCOMPARE(trace.string(wait->label), QStringLiteral("POST /delay/%1").arg(emailMs));
    }

    void executorKeepsTheLoopFree()
    {
        const int workMs = 300;
        auto run = m_fixture.run(QStringLiteral("executor"), {{QStringLiteral("work_ms"), workMs}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        const auto &trace = run->trace();
        const auto *root = taskNamed(trace, QStringLiteral("executor"));
        const auto *bad = taskNamed(trace, QStringLiteral("bad: on the event loop"));
        const auto *good = taskNamed(trace, QStringLiteral("good: in the thread pool"));
        const auto *job = taskNamed(trace, QStringLiteral("cpu_intensive_sync"));
        QVERIFY(root && bad && good && job);

        const auto lag = trace::counters::loopLagMs();
        const auto stalled = counterMax(trace, lag, bad->createdNs, good->createdNs);
        const auto free = counterMax(trace, lag, good->createdNs, good->finishedNs);
        QVERIFY2(stalled > workMs / 2, qPrintable(QString::number(stalled)));
        QVERIFY2(free >= 0 && free < 50, qPrintable(QString::number(free)));

        // On the loop the work has nothing to wait for; in the pool it is a child on another thread.
        QVERIFY(eventsOf(trace, bad->id, trace::EventKind::Suspended).empty());
        const auto waits = eventsOf(trace, good->id, trace::EventKind::Suspended);
        QCOMPARE(waits.size(), std::size_t(1));
        QCOMPARE(waits.front().reason(), trace::SuspendReason::ThreadPool);
        QCOMPARE(job->parent, good->id);
        QVERIFY(msBetween(job->createdNs, job->finishedNs) >= workMs);
        const auto *jobStarted = firstEvent(trace, job->id, trace::EventKind::Started);
        const auto *rootStarted = firstEvent(trace, root->id, trace::EventKind::Started);
        QVERIFY(jobStarted && rootStarted);
        QVERIFY(jobStarted->thread != rootStarted->thread);
    }

    void executorRefusesTooLittleWork()
    {
        const auto *pattern = patterns::Catalog::instance().find(QStringLiteral("executor"));
        QVERIFY(pattern);
        const auto values = patterns::resolveParameters(pattern->info().parameters, {{QStringLiteral("work_ms"), 5}});
        QCOMPARE(values.errors.size(), 1);
        QVERIFY2(values.errors.front().contains(QStringLiteral("work_ms must be between 10 and 5000 ms")),
                 qPrintable(values.errors.front()));
    }

private:
    PatternFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestContext)
#include "tst_context.moc"
