// SPDX-License-Identifier: GPL-3.0-or-later
// Every pattern under every preset of the live lab, run for real in one process with small
// parameters: each run ends, with a status; the resilience patterns end the way they teach; a
// fault changed mid-run hits the requests after it, and the trace says where.
#include "io/labfaults.h"
#include "io/labserver.h"
#include "iotesting.h"
#include "patterntesting.h"
#include "tracequeries.h"

#include <QTest>

using namespace coroscope;
using namespace coroscope::testing;

namespace {

// Small enough that a hundred runs stay cheap; the shapes they teach are still there.
QVariantMap smallParameters(const QString &id)
{
    static const QHash<QString, QVariantMap> overrides{
        {QStringLiteral("sequential"), {{QStringLiteral("calls"), 3}, {QStringLiteral("latency_ms"), 30}}},
        {QStringLiteral("gather"), {{QStringLiteral("latency_ms"), 50}}},
        {QStringLiteral("gather-errors"), {{QStringLiteral("latency_ms"), 50}}},
        {QStringLiteral("taskgroup"),
         {{QStringLiteral("items"), 4}, {QStringLiteral("latency_ms"), 400}, {QStringLiteral("fail_after_ms"), 100}}},
        {QStringLiteral("semaphore"),
         {{QStringLiteral("products"), 6}, {QStringLiteral("limit"), 2}, {QStringLiteral("latency_ms"), 30}}},
        {QStringLiteral("db-stream"), {{QStringLiteral("rows"), 3000}}},
        {QStringLiteral("db-bulk"), {{QStringLiteral("rows"), 500}}},
        {QStringLiteral("http-reuse"),
         {{QStringLiteral("requests"), 3}, {QStringLiteral("burst"), 3}, {QStringLiteral("latency_ms"), 20}}},
        {QStringLiteral("retry"), {{QStringLiteral("fail_rate"), 0.0}, {QStringLiteral("initial_delay_ms"), 50}}},
        {QStringLiteral("timed-operation"), {{QStringLiteral("latency_ms"), 50}}},
        {QStringLiteral("resource-cleanup"), {{QStringLiteral("orders"), 2}, {QStringLiteral("latency_ms"), 30}}},
        {QStringLiteral("background-task"), {{QStringLiteral("order_ms"), 30}, {QStringLiteral("email_ms"), 100}}},
        {QStringLiteral("executor"), {{QStringLiteral("work_ms"), 50}}},
        {QStringLiteral("timeout"), {{QStringLiteral("latency_ms"), 400}, {QStringLiteral("limit_ms"), 100}}},
        {QStringLiteral("wait-for"), {{QStringLiteral("latency_ms"), 400}, {QStringLiteral("limit_ms"), 100}}},
        {QStringLiteral("pitfall-no-await"), {{QStringLiteral("latency_ms"), 50}}},
        {QStringLiteral("pitfall-blocking"), {{QStringLiteral("block_ms"), 50}}},
        {QStringLiteral("pitfall-unbounded"),
         {{QStringLiteral("requests"), 12}, {QStringLiteral("limit"), 4}, {QStringLiteral("latency_ms"), 30}}},
        {QStringLiteral("pitfall-leak"), {{QStringLiteral("calls"), 3}, {QStringLiteral("latency_ms"), 30}}},
    };
    return overrides.value(id);
}

// The marks of every task whose text contains `part`, in time order.
QList<trace::Event> marksWith(const trace::Trace &trace, const QString &part)
{
    QList<trace::Event> found;
    for (const auto &event : trace.events()) {
        if (event.kind == trace::EventKind::Mark && trace.string(event.label).contains(part))
            found.append(event);
    }
    return found;
}

QStringList texts(const trace::Trace &trace, const QList<trace::Event> &events)
{
    QStringList result;
    for (const auto &event : events)
        result.append(trace.string(event.label));
    return result;
}

// The trace's shape: every task's name and how it ended, and each note of the lab's faults.
QStringList shapeOf(const trace::Trace &trace)
{
    QStringList shape;
    for (const auto &task : trace.tasks())
        shape.append(trace.string(task.name) + QLatin1Char(' ') + QString::number(int(task.status)));
    shape += texts(trace, marksWith(trace, QStringLiteral("server ")));
    return shape;
}

} // namespace

class TestLabPresets : public QObject
{
    Q_OBJECT

    PatternFixture m_fixture;
    io::LabServer *lab() const { return m_fixture.environment().labServer(); }

    std::unique_ptr<patterns::PatternRun> runUnder(const QString &preset, const QString &id,
                                                   const QVariantMap &extra = {})
    {
        lab()->setFaults(*io::labFaultPreset(preset));
        auto parameters = smallParameters(id);
        parameters.insert(extra);
        auto run = m_fixture.run(id, parameters, 60'000);
        lab()->setFaults({});
        return run;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.start()); }
    void cleanup() { lab()->setFaults({}); }

    void everyPatternUnderEveryPresetEnds_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("preset");
        for (const auto &pattern : patterns::Catalog::instance().patterns()) {
            for (const auto &preset : io::labFaultPresets()) {
                const auto &id = pattern->info().id;
                QTest::addRow("%s/%s", qPrintable(id), qPrintable(preset.id)) << id << preset.id;
            }
        }
    }
    void everyPatternUnderEveryPresetEnds()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, preset);
        auto run = runUnder(preset, pattern);
        QVERIFY(run);
        // Wide: an outage's 2 s, a rate limit's Retry-After, a loaded 2-core machine.
        QVERIFY2(run->isFinished(), "the run did not end within 60 s");
        QVERIFY(!run->outcome().summary.isEmpty());
        const auto *root = rootOf(run->trace(), pattern);
        QVERIFY(root);
        QVERIFY(root->finishedNs >= 0);
        if (preset == QLatin1String("healthy"))
            QVERIFY(marksWith(run->trace(), QStringLiteral("lab faults")).isEmpty());
        else
            QCOMPARE(marksWith(run->trace(), QStringLiteral("lab faults: ")).size(), 1);
    }

    void retryOutlastsTheFlakyNetwork()
    {
        auto run = runUnder(QStringLiteral("flaky"), QStringLiteral("retry"));
        QVERIFY(run && run->isFinished());
        QCOMPARE(QString::fromLatin1(patterns::toString(run->outcome().status)), QStringLiteral("ok"));
        QVERIFY2(run->outcome().summary.contains(QStringLiteral("after 1 failure(s)")),
                 qPrintable(run->outcome().summary));
        const auto &trace = run->trace();
        QCOMPARE(taskNamed(trace, QStringLiteral("get_resource #1"))->status, trace::FinishStatus::Error);
        QCOMPARE(taskNamed(trace, QStringLiteral("get_resource #2"))->status, trace::FinishStatus::Ok);
        // The fault is said on the request that met it, and in the retry's mark.
        QCOMPARE(marksWith(trace, QStringLiteral("server injected 503 (error rate 30%)")).size(), 2);
        QCOMPARE(marksWith(trace, QStringLiteral("attempt 1 failed")).size(), 1);
    }

    void theSameSeedGivesTheSameTraceShape()
    {
        const auto first = runUnder(QStringLiteral("flaky"), QStringLiteral("gather"));
        const auto again = runUnder(QStringLiteral("flaky"), QStringLiteral("gather"));
        QVERIFY(first && again);
        QVERIFY(!marksWith(first->trace(), QStringLiteral("server ")).isEmpty());
        QCOMPARE(shapeOf(again->trace()), shapeOf(first->trace()));
    }

    void retryWaitsAsLongAsRetryAfterSays()
    {
        auto run = runUnder(QStringLiteral("rate-limited"), QStringLiteral("pitfall-unbounded"));
        QVERIFY(run && run->isFinished());
        QVERIFY(!marksWith(run->trace(), QStringLiteral("server refused with 429, Retry-After 1 s")).isEmpty());

        io::LabFaults limited;
        limited.rateLimitPerSecond = 1;
        lab()->setFaults(limited);
        auto retry = m_fixture.run(QStringLiteral("retry"), smallParameters(QStringLiteral("retry")));
        QVERIFY(retry && retry->isFinished());
        // The first attempt takes the second's one place; any refusal says Retry-After and is waited out.
        QCOMPARE(QString::fromLatin1(patterns::toString(retry->outcome().status)), QStringLiteral("ok"));
        for (const auto &text : texts(retry->trace(), marksWith(retry->trace(), QStringLiteral("failed (")))) {
            QVERIFY2(text.contains(QStringLiteral("the server's Retry-After")), qPrintable(text));
        }
    }

    void taskGroupCancelsItsSiblingsInAnOutage()
    {
        auto run = runUnder(QStringLiteral("outage"), QStringLiteral("taskgroup"), {{QStringLiteral("failing_item"), 0}});
        QVERIFY(run && run->isFinished());
        // The pattern's lesson is the group's failure, so the run itself is ok.
        QCOMPARE(QString::fromLatin1(patterns::toString(run->outcome().status)), QStringLiteral("ok"));
        QVERIFY2(run->outcome().summary.startsWith(QStringLiteral("TaskGroup failed as expected")),
                 qPrintable(run->outcome().summary));
        const auto &trace = run->trace();
        const auto failed = std::count_if(trace.tasks().begin(), trace.tasks().end(),
                                          [](const auto &t) { return t.status == trace::FinishStatus::Error; });
        const auto cancelled = std::count_if(trace.tasks().begin(), trace.tasks().end(),
                                             [](const auto &t) { return t.status == trace::FinishStatus::Cancelled; });
        QVERIFY2(failed >= 1, qPrintable(QString::number(failed)));
        QVERIFY2(cancelled >= 1, qPrintable(QString::number(cancelled)));
        QVERIFY(!marksWith(trace, QStringLiteral("the lab server is in an outage")).isEmpty());
    }

    void gatherErrorsReturnsTheFailuresAsValues()
    {
        io::LabFaults ordersDown = *io::labFaultPreset(QStringLiteral("flaky"));
        ordersDown.errorRate = 1.0;
        ordersDown.pathPrefix = QStringLiteral("/orders");
        lab()->setFaults(ordersDown);
        auto parameters = smallParameters(QStringLiteral("gather-errors"));
        parameters.insert(QStringLiteral("failing_service"), QStringLiteral("none"));
        auto run = m_fixture.run(QStringLiteral("gather-errors"), parameters);
        QVERIFY(run && run->isFinished());
        QCOMPARE(QString::fromLatin1(patterns::toString(run->outcome().status)), QStringLiteral("ok"));
        QVERIFY2(run->outcome().summary.contains(QStringLiteral("failed: orders")), qPrintable(run->outcome().summary));
        QVERIFY2(run->outcome().summary.contains(QStringLiteral("server injected 503")),
                 qPrintable(run->outcome().summary));
    }

    void aFaultChangedMidRunHitsTheRequestsAfterIt()
    {
        const auto *pattern = patterns::Catalog::instance().find(QStringLiteral("sequential"));
        QVERIFY(pattern);
        const QVariantMap overrides{{QStringLiteral("calls"), 8}, {QStringLiteral("latency_ms"), 60}};
        auto values = patterns::resolveParameters(pattern->info().parameters, overrides);
        patterns::PatternRun run(*pattern, values.values, m_fixture.environment().runEnvironment());
        run.start();
        // Once the third request is on its way, the teacher turns the service into a failing one.
        QVERIFY(eventually(
            [&] {
                const auto &events = run.trace().events();
                return std::count_if(events.begin(), events.end(),
                                     [](const trace::Event &e) {
                                         return e.kind == trace::EventKind::Suspended
                                                && e.detail == quint8(trace::SuspendReason::Network);
                                     })
                           >= 3
                       || run.isFinished();
            },
            20'000));
        QVERIFY(!run.isFinished());
        io::LabFaults failing;
        failing.errorRate = 1.0;
        lab()->setFaults(failing);
        QVERIFY(run.waitForFinished(30'000));
        lab()->setFaults({});

        const auto &trace = run.trace();
        QCOMPARE(QString::fromLatin1(patterns::toString(run.outcome().status)), QStringLiteral("error"));
        const auto change = marksWith(trace, QStringLiteral("lab faults changed: error rate 100% (503)"));
        QCOMPARE(change.size(), 1);
        const auto injected = marksWith(trace, QStringLiteral("server injected 503 (error rate 100%)"));
        QVERIFY(!injected.isEmpty());
        for (const auto &mark : injected)
            QVERIFY(mark.timeNs >= change.front().timeNs);
        QVERIFY2(run.outcome().summary.contains(QStringLiteral("server injected 503")),
                 qPrintable(run.outcome().summary));
    }
};

QTEST_GUILESS_MAIN(TestLabPresets)
#include "tst_labpresets.moc"
