// SPDX-License-Identifier: GPL-3.0-or-later
// Timeline shapes of the basic and concurrency patterns, run for real against the lab server.
#include "patterntesting.h"
#include "trace/counters.h"

#include <QTest>

using namespace coroscope;
using namespace coroscope::testing;

class TestBasics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.start()); }

    void sequentialTakesTheSumOfItsWaits()
    {
        auto run = m_fixture.run(QStringLiteral("sequential"),
                                 {{QStringLiteral("calls"), 10}, {QStringLiteral("latency_ms"), 100}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        const auto &trace = run->trace();
        const auto *root = taskNamed(trace, QStringLiteral("sequential"));
        QVERIFY(root);
        QVERIFY2(msBetween(root->createdNs, root->finishedNs) >= 1000,
                 qPrintable(QString::number(msBetween(root->createdNs, root->finishedNs))));
        // Ten network suspensions that never overlap: each resumes before the next starts.
        int suspensions = 0;
        bool waiting = false;
        for (const auto &event : trace.events()) {
            if (event.task != root->id)
                continue;
            if (event.kind == trace::EventKind::Suspended) {
                QVERIFY(!waiting);
                QCOMPARE(event.reason(), trace::SuspendReason::Network);
                QCOMPARE(trace.string(event.label), QStringLiteral("GET /delay/100"));
                waiting = true;
                ++suspensions;
            } else if (event.kind == trace::EventKind::Resumed) {
                waiting = false;
            }
        }
        QCOMPARE(suspensions, 10);
    }

    void gatherOverlapsTheDashboardCalls()
    {
        auto run = m_fixture.run(QStringLiteral("gather"), {{QStringLiteral("latency_ms"), 200}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        QVERIFY(run->outcome().summary.contains(QStringLiteral("3 orders, 2 notifications")));
        const auto &trace = run->trace();
        const auto *root = taskNamed(trace, QStringLiteral("gather"));
        std::vector<const trace::TaskInfo *> children;
        for (const auto *name : {"get_user", "get_orders", "get_notifications"}) {
            const auto *child = taskNamed(trace, QLatin1String(name));
            QVERIFY(child);
            QCOMPARE(child->parent, root->id);
            children.push_back(child);
        }
        // All start together and overlap: about one latency in all, far from three.
        const auto wall = msBetween(root->createdNs, root->finishedNs);
        QVERIFY2(wall >= 195 && wall < 550, qPrintable(QString::number(wall)));
        for (const auto *child : children)
            QVERIFY(msBetween(children.front()->createdNs, child->createdNs) < 50);
    }

private:
    PatternFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestBasics)
#include "tst_basics.moc"
