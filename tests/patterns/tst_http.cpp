// SPDX-License-Identifier: GPL-3.0-or-later
// Timeline shapes of http-reuse, retry, timeout and wait-for, run for real against the lab server.
#include "io/labendpoints.h"
#include "io/labserver.h"
#include "iotesting.h"
#include "patterntesting.h"
#include "timelinequeries.h"
#include "trace/counters.h"

#include <QTest>

using namespace coroscope;
using namespace coroscope::testing;

namespace {

// How many attempts the /flaky sequence `seed` needs to succeed, if it does within `limit`.
int attemptsNeeded(quint64 seed, double fail, int limit)
{
    for (int attempt = 1; attempt <= limit; ++attempt) {
        if (!io::lab::Endpoints::flakyFails(seed, quint64(attempt), fail))
            return attempt;
    }
    return limit + 1;
}

} // namespace

class TestHttp : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.start()); }

    void reuseOpensOneConnectionFreshOneEach()
    {
        auto run = m_fixture.run(
            QStringLiteral("http-reuse"),
            {{QStringLiteral("requests"), 8}, {QStringLiteral("burst"), 12}, {QStringLiteral("latency_ms"), 100}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        const auto &summary = run->outcome().summary;
        QVERIFY2(summary.contains(QStringLiteral("new client per request: 8 requests opened 8 connections")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("one client reused: 8 requests opened 1 connection(s)")),
                 qPrintable(summary));

        const auto &trace = run->trace();
        const auto *bad = taskNamed(trace, QStringLiteral("bad: new client per request"));
        const auto *good = taskNamed(trace, QStringLiteral("good: one client reused"));
        const auto *burst = taskNamed(trace, QStringLiteral("hidden limit: 12 at once on one client"));
        QVERIFY(bad && good && burst);
        QVERIFY(bad->finishedNs <= good->createdNs && good->finishedNs <= burst->createdNs);
        QCOMPARE(marksContaining(trace, bad->id, QStringLiteral("opens a new connection")), 8);
        QCOMPARE(marksContaining(trace, good->id, QStringLiteral("opens a new connection")), 1);

        // The burst: twelve requests in flight, but the client holds them to six connections,
        // so they finish in two waves of 100 ms.
        QCOMPARE(counterPeakBetween(trace, trace::counters::requestsInFlight(), burst->createdNs, burst->finishedNs),
                 12.0);
        const auto connections = counterPeakBetween(trace, trace::counters::openConnections(), burst->createdNs,
                                                    burst->finishedNs);
        QVERIFY2(connections >= 2 && connections <= 6, qPrintable(QString::number(connections)));
        const auto burstMs = msBetween(burst->createdNs, burst->finishedNs);
        QVERIFY2(burstMs >= 195, qPrintable(QString::number(burstMs)));
        const auto requests = tasksStartingWith(trace, QStringLiteral("request "));
        QCOMPARE(requests.size(), std::size_t(12));
        int firstWave = 0;
        for (const auto *request : requests)
            firstWave += msBetween(burst->createdNs, request->finishedNs) < 180 ? 1 : 0;
        QCOMPARE(firstWave, 6);
    }

    void retryBacksOffExponentially()
    {
        const quint64 seed = 7;
        const double fail = 0.5;
        const int expected = attemptsNeeded(seed, fail, 5);
        QVERIFY(expected >= 3 && expected <= 5); // the seed must tell a story with two gaps to compare
        auto run = m_fixture.run(QStringLiteral("retry"), {{QStringLiteral("fail_rate"), fail},
                                                           {QStringLiteral("seed"), seed},
                                                           {QStringLiteral("max_attempts"), 5},
                                                           {QStringLiteral("initial_delay_ms"), 50}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        QCOMPARE(run->outcome().summary,
                 QStringLiteral("succeeded on attempt %1 after %2 failure(s)").arg(expected).arg(expected - 1));

        const auto &trace = run->trace();
        const auto *root = rootOf(trace, QStringLiteral("retry"));
        QVERIFY(root);
        QCOMPARE(tasksStartingWith(trace, QStringLiteral("get_resource #")).size(), std::size_t(expected));
        std::vector<const trace::TaskInfo *> attempts;
        for (int n = 1; n <= expected; ++n) {
            const auto *attempt = taskNamed(trace, QStringLiteral("get_resource #%1").arg(n));
            QVERIFY(attempt);
            QCOMPARE(attempt->parent, root->id);
            QCOMPARE(attempt->status, n < expected ? trace::FinishStatus::Error : trace::FinishStatus::Ok);
            attempts.push_back(attempt);
        }
        QCOMPARE(marksContaining(trace, root->id, QStringLiteral("; retrying in")), expected - 1);
        // The pause after each failure doubles: 50 ms, then 100 ms.
        const auto gap1 = msBetween(attempts[0]->finishedNs, attempts[1]->createdNs);
        const auto gap2 = msBetween(attempts[1]->finishedNs, attempts[2]->createdNs);
        QVERIFY2(gap1 >= 45, qPrintable(QString::number(gap1)));
        QVERIFY2(gap2 > 1.5 * gap1, qPrintable(QStringLiteral("%1 then %2").arg(gap1).arg(gap2)));
    }

    void retryGivesUpAfterItsAttempts()
    {
        const quint64 seed = 30;
        const double fail = 0.6;
        QCOMPARE(attemptsNeeded(seed, fail, 3), 4); // the first three all fail
        auto run = m_fixture.run(QStringLiteral("retry"), {{QStringLiteral("fail_rate"), fail},
                                                           {QStringLiteral("seed"), seed},
                                                           {QStringLiteral("max_attempts"), 3},
                                                           {QStringLiteral("initial_delay_ms"), 20}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Error);
        QVERIFY2(run->outcome().summary.startsWith(QStringLiteral(
                     "gave up after 3 attempts; the last one failed: GET /flaky?fail=0.6&seed=30&attempt=3: 503")),
                 qPrintable(run->outcome().summary));
        const auto attempts = tasksStartingWith(run->trace(), QStringLiteral("get_resource #"));
        QCOMPARE(attempts.size(), std::size_t(3));
        for (const auto *attempt : attempts)
            QCOMPARE(attempt->status, trace::FinishStatus::Error);
    }

    void retryRejectsARateAboveOne()
    {
        const auto *pattern = patterns::Catalog::instance().find(QStringLiteral("retry"));
        QVERIFY(pattern);
        const auto values = patterns::resolveParameters(pattern->info().parameters, {{QStringLiteral("fail_rate"), 1.5}});
        QCOMPARE(values.errors, QStringList{QStringLiteral("fail_rate must be between 0 and 1 (got 1.5)")});
    }

    void timeoutAbortsTheRequestAtTheDeadline()
    {
        auto *server = m_fixture.environment().labServer();
        QVERIFY(server);
        const auto servedBefore = server->stats().served;
        auto run = m_fixture.run(QStringLiteral("timeout"),
                                 {{QStringLiteral("latency_ms"), 3000}, {QStringLiteral("limit_ms"), 300}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        QVERIFY2(
            run->outcome().summary.startsWith(QStringLiteral("timed out after 300 ms: the request was aborted after")),
            qPrintable(run->outcome().summary));

        const auto &trace = run->trace();
        const auto *root = rootOf(trace, QStringLiteral("timeout"));
        QVERIFY(root);
        const auto wall = msBetween(root->createdNs, root->finishedNs);
        QVERIFY2(wall >= 300 && wall <= 600, qPrintable(QString::number(wall)));
        // The request's network suspension ended at the deadline, not after the server's 3 s.
        const auto request = firstWait(trace, root->id, trace::SuspendReason::Network);
        QCOMPARE(request.resource, QStringLiteral("GET /delay/3000"));
        const auto resumedAt = msBetween(root->createdNs, request.resumedNs);
        QVERIFY2(resumedAt >= 300 && resumedAt <= 600, qPrintable(QString::number(resumedAt)));
        QCOMPARE(marksContaining(trace, root->id, QStringLiteral("timeout after 300 ms")), 1);
        // The connection was closed, so the server stopped working on it (it would otherwise
        // stay in flight for another 2.7 s) and never answered it.
        QVERIFY(eventually([&] { return server->stats().inFlight == 0; }, 300));
        QCOMPARE(server->stats().served, servedBefore);
    }

    void timeoutLetsAFastRequestThrough()
    {
        auto run = m_fixture.run(QStringLiteral("timeout"),
                                 {{QStringLiteral("latency_ms"), 50}, {QStringLiteral("limit_ms"), 1000}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        QVERIFY2(run->outcome().summary.endsWith(QStringLiteral("within the 1000 ms limit")),
                 qPrintable(run->outcome().summary));
    }

    void waitForCancelsTheLateTask()
    {
        auto *server = m_fixture.environment().labServer();
        QVERIFY(server);
        auto run = m_fixture.run(QStringLiteral("wait-for"),
                                 {{QStringLiteral("latency_ms"), 3000}, {QStringLiteral("limit_ms"), 300}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        QCOMPARE(run->outcome().summary,
                 QStringLiteral("TimeoutError: fetch_url timed out after 300 ms; fetch_url ended cancelled"));

        const auto &trace = run->trace();
        const auto *root = rootOf(trace, QStringLiteral("wait-for"));
        const auto *fetch = taskNamed(trace, QStringLiteral("fetch_url"));
        QVERIFY(root && fetch);
        QCOMPARE(fetch->parent, root->id);
        QCOMPARE(fetch->status, trace::FinishStatus::Cancelled);
        const auto cancelledAt = msBetween(root->createdNs, fetch->finishedNs);
        QVERIFY2(cancelledAt >= 300 && cancelledAt <= 600, qPrintable(QString::number(cancelledAt)));
        // main resumed only after the task had finished cancelling.
        const auto join = firstWait(trace, root->id, trace::SuspendReason::ChildJoin);
        QVERIFY(join.resumedNs >= fetch->finishedNs);
        QVERIFY(eventually([&] { return server->stats().inFlight == 0; }, 300));
    }

private:
    PatternFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestHttp)
#include "tst_http.moc"
