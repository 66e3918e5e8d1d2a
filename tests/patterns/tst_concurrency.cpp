// SPDX-License-Identifier: GPL-3.0-or-later
// Timeline shapes of gather-errors, taskgroup, semaphore and pitfall-unbounded, run for real
// against the lab server.
#include "patterntesting.h"
#include "timelinequeries.h"
#include "trace/counters.h"

#include <QTest>

using namespace coroscope;
using namespace coroscope::testing;

class TestConcurrency : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.start()); }

    void gatherErrorsFillsInTheFailedService()
    {
        auto run = m_fixture.run(
            QStringLiteral("gather-errors"),
            {{QStringLiteral("latency_ms"), 300}, {QStringLiteral("failing_service"), QStringLiteral("orders")}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        const auto &summary = run->outcome().summary;
        QVERIFY2(summary.contains(QStringLiteral(
                     ": 0 orders, 2 notifications; failed: orders (GET /status/503: 503 Service Unavailable)")),
                 qPrintable(summary));

        const auto &trace = run->trace();
        const auto *root = rootOf(trace, QStringLiteral("gather-errors"));
        const auto *user = taskNamed(trace, QStringLiteral("get_user"));
        const auto *orders = taskNamed(trace, QStringLiteral("get_orders"));
        const auto *notifications = taskNamed(trace, QStringLiteral("get_notifications"));
        QVERIFY(root && user && orders && notifications);
        QCOMPARE(orders->status, trace::FinishStatus::Error);
        QCOMPARE(user->status, trace::FinishStatus::Ok);
        QCOMPARE(notifications->status, trace::FinishStatus::Ok);
        QCOMPARE(root->status, trace::FinishStatus::Ok);
        // The failure did not end the wait: the others ran their whole latency after it.
        QVERIFY2(msBetween(orders->finishedNs, user->finishedNs) > 200,
                 qPrintable(QString::number(msBetween(orders->finishedNs, user->finishedNs))));
        QVERIFY(root->finishedNs >= notifications->finishedNs);
        QCOMPARE(marksContaining(trace, root->id, QStringLiteral("orders failed")), 1);
        // One latency, not three.
        const auto wall = msBetween(root->createdNs, root->finishedNs);
        QVERIFY2(wall >= 295 && wall < 800, qPrintable(QString::number(wall)));
    }

    void gatherErrorsCannotDoWithoutTheUser()
    {
        auto run = m_fixture.run(QStringLiteral("gather-errors"),
                                 {{QStringLiteral("failing_service"), QStringLiteral("user")}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Error);
        QVERIFY2(run->outcome().summary.startsWith(QStringLiteral("no dashboard without the user: GET /status/503")),
                 qPrintable(run->outcome().summary));
        // Even so, gather waited for the two healthy services before main could decide.
        const auto &trace = run->trace();
        QCOMPARE(taskNamed(trace, QStringLiteral("get_orders"))->status, trace::FinishStatus::Ok);
        QCOMPARE(taskNamed(trace, QStringLiteral("get_notifications"))->status, trace::FinishStatus::Ok);
    }

    void gatherErrorsRejectsAnUnknownService()
    {
        auto run = m_fixture.run(QStringLiteral("gather-errors"),
                                 {{QStringLiteral("failing_service"), QStringLiteral("payments")}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Error);
        QCOMPARE(run->outcome().summary,
                 QStringLiteral("failing_service must be none, user, orders, notifications (got \"payments\")"));
        QVERIFY(!taskNamed(run->trace(), QStringLiteral("get_user"))); // nothing was started
    }

    void taskGroupCancelsTheSiblingsOfAFailure()
    {
        auto run = m_fixture.run(QStringLiteral("taskgroup"), {{QStringLiteral("items"), 8},
                                                               {QStringLiteral("latency_ms"), 2000},
                                                               {QStringLiteral("failing_item"), 3},
                                                               {QStringLiteral("fail_after_ms"), 200}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        const auto &summary = run->outcome().summary;
        QVERIFY2(summary.startsWith(QStringLiteral("TaskGroup failed as expected: 1 failed, 7 cancelled, 0 done; "
                                                   "batch: 1 child task(s) failed: GET /status/500: 500")),
                 qPrintable(summary));

        const auto &trace = run->trace();
        const auto *root = rootOf(trace, QStringLiteral("taskgroup"));
        QVERIFY(root);
        const auto items = tasksStartingWith(trace, QStringLiteral("process_item "));
        QCOMPARE(items.size(), std::size_t(8));
        const auto *failing = taskNamed(trace, QStringLiteral("process_item 3"));
        QCOMPARE(failing->status, trace::FinishStatus::Error);

        // main resumed from the join only after every child had finished, cancelled ones included.
        const auto join = firstWait(trace, root->id, trace::SuspendReason::ChildJoin);
        QVERIFY2(join.resource.startsWith(QStringLiteral("batch: join 8")), qPrintable(join.resource));
        QVERIFY(join.resumedNs > 0);
        for (const auto *item : items) {
            QCOMPARE(item->parent, root->id);
            QVERIFY(item->finishedNs <= join.resumedNs);
            if (item != failing) {
                QCOMPARE(item->status, trace::FinishStatus::Cancelled);
                // Cut short when the sibling failed, not at the end of its own latency.
                QVERIFY2(msBetween(failing->finishedNs, item->finishedNs) < 300,
                         qPrintable(QString::number(msBetween(failing->finishedNs, item->finishedNs))));
            }
        }
        const auto wall = msBetween(root->createdNs, root->finishedNs);
        QVERIFY2(wall >= 195 && wall < 1000, qPrintable(QString::number(wall)));
    }

    void taskGroupWithoutAFailureFinishesEverything()
    {
        auto run = m_fixture.run(
            QStringLiteral("taskgroup"),
            {{QStringLiteral("items"), 4}, {QStringLiteral("latency_ms"), 100}, {QStringLiteral("failing_item"), 0}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        QCOMPARE(run->outcome().summary, QStringLiteral("all 4 items processed"));
        for (const auto *item : tasksStartingWith(run->trace(), QStringLiteral("process_item ")))
            QCOMPARE(item->status, trace::FinishStatus::Ok);
    }

    void taskGroupRejectsAFailingItemOutsideTheBatch()
    {
        auto run = m_fixture.run(QStringLiteral("taskgroup"),
                                 {{QStringLiteral("items"), 4}, {QStringLiteral("failing_item"), 9}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Error);
        QCOMPARE(run->outcome().summary, QStringLiteral("failing_item must be 0 (none) or one of the 4 items, got 9"));
    }

    void semaphoreKeepsAtMostLimitInFlight()
    {
        auto run = m_fixture.run(
            QStringLiteral("semaphore"),
            {{QStringLiteral("products"), 20}, {QStringLiteral("limit"), 5}, {QStringLiteral("latency_ms"), 100}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        QVERIFY2(run->outcome().summary.startsWith(QStringLiteral("20 products")), qPrintable(run->outcome().summary));
        QVERIFY2(run->outcome().summary.endsWith(QStringLiteral("at most 5 requests at a time")),
                 qPrintable(run->outcome().summary));

        const auto &trace = run->trace();
        const auto *root = rootOf(trace, QStringLiteral("semaphore"));
        QVERIFY(root);
        // Four waves of five: about 400 ms, never the 100 ms of all at once.
        const auto wall = msBetween(root->createdNs, root->finishedNs);
        QVERIFY2(wall >= 380 && wall < 1500, qPrintable(QString::number(wall)));
        QCOMPARE(counterPeak(trace, trace::counters::permitsInUse(QStringLiteral("product API"))), 5.0);
        QCOMPARE(peakSuspended(trace, trace::SuspendReason::Network), 5);
        // Everyone after the first five had to queue for a permit.
        QVERIFY(tasksSuspendedFor(trace, trace::SuspendReason::Semaphore) >= 15);
        const auto fetches = tasksStartingWith(trace, QStringLiteral("fetch_with_limit "));
        QCOMPARE(fetches.size(), std::size_t(20));
        for (const auto *fetch : fetches)
            QCOMPARE(fetch->status, trace::FinishStatus::Ok);
    }

    void semaphoreRejectsAZeroLimit()
    {
        const auto *pattern = patterns::Catalog::instance().find(QStringLiteral("semaphore"));
        QVERIFY(pattern);
        const auto values = patterns::resolveParameters(pattern->info().parameters, {{QStringLiteral("limit"), 0}});
        QCOMPARE(values.errors, QStringList{QStringLiteral("limit must be between 1 and 100 requests (got 0)")});
    }

    void unboundedFloodsTheServerBoundedDoesNot()
    {
        auto run = m_fixture.run(
            QStringLiteral("pitfall-unbounded"),
            {{QStringLiteral("requests"), 100}, {QStringLiteral("limit"), 10}, {QStringLiteral("latency_ms"), 100}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        const auto &summary = run->outcome().summary;
        QVERIFY2(summary.startsWith(QStringLiteral("unbounded: 100 requests in flight at once, done in")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Semaphore(10): 10 requests in flight at once, done in")),
                 qPrintable(summary));
        QVERIFY2(!summary.contains(QStringLiteral("failed")), qPrintable(summary));

        const auto &trace = run->trace();
        const auto *bad = taskNamed(trace, QStringLiteral("bad: all 100 at once"));
        const auto *good = taskNamed(trace, QStringLiteral("good: at most 10 at a time"));
        QVERIFY(bad && good);
        QVERIFY(bad->finishedNs <= good->createdNs); // one after the other
        QCOMPARE(tasksStartingWith(trace, QStringLiteral("get_item ")).size(), std::size_t(100));
        QCOMPARE(tasksStartingWith(trace, QStringLiteral("limited_get_item ")).size(), std::size_t(100));

        const auto inFlight = trace::counters::requestsInFlight();
        const auto connections = trace::counters::openConnections();
        const auto badInFlight = counterPeakBetween(trace, inFlight, bad->createdNs, bad->finishedNs);
        const auto goodInFlight = counterPeakBetween(trace, inFlight, good->createdNs, good->finishedNs);
        QCOMPARE(badInFlight, 100.0);
        QVERIFY2(goodInFlight >= 1 && goodInFlight <= 10, qPrintable(QString::number(goodInFlight)));
        // The server saw the flood: far more connections open at once than the limit.
        const auto badConnections = counterPeakBetween(trace, connections, bad->createdNs, bad->finishedNs);
        QVERIFY2(badConnections >= 50, qPrintable(QString::number(badConnections)));
        QCOMPARE(counterPeak(trace, trace::counters::permitsInUse(QStringLiteral("item API"))), 10.0);

        // Ten waves of 100 ms against one (one that is slow to set up: a hundred connections at once).
        const auto badMs = msBetween(bad->createdNs, bad->finishedNs);
        const auto goodMs = msBetween(good->createdNs, good->finishedNs);
        QVERIFY2(goodMs >= 950, qPrintable(QString::number(goodMs)));
        QVERIFY2(badMs < goodMs, qPrintable(QStringLiteral("%1 against %2").arg(badMs).arg(goodMs)));
    }

private:
    PatternFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestConcurrency)
#include "tst_concurrency.moc"
