// SPDX-License-Identifier: GPL-3.0-or-later
// The shown trace's lifecycle without a window: a live run streams into the models, ends
// replayable and recorded; an opened trace replaces it; putting away empties the models.
#include "app/models/environment.h"
#include "app/models/eventlogmodel.h"
#include "app/models/replaycontroller.h"
#include "app/models/showcase.h"
#include "app/models/timelinestate.h"
#include "app/models/tracecontroller.h"
#include "environmenttesting.h"
#include "patterns/catalog.h"
#include "patterns/parameter.h"
#include "timeline/lane.h"
#include "timeline/timelinemodel.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace coroscope;
using namespace coroscope::app;
using namespace coroscope::timeline;

namespace {

// What a window holds around its trace, without the window.
struct ShownModels {
    TimelineModel timeline;
    EventLogModel log;
    TimelineState state;
    ReplayController replay{&state};
    TraceController shown{&timeline, &log, &state, &replay};
};

// The pattern's defaults, with `latencyMs`.
QVariantMap valuesFor(const patterns::Pattern &pattern, int latencyMs)
{
    const auto values = patterns::resolveParameters(pattern.info().parameters,
                                                    {{QStringLiteral("latency_ms"), latencyMs}});
    return values.errors.isEmpty() ? values.values : QVariantMap{};
}

} // namespace

class TestTraceController : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(testing::startLabTest(QStringLiteral("tst_tracecontroller"), m_environment, m_dir)); }

    void aRunStreamsIntoTheModelsAndEndsReplayable()
    {
        ShownModels models;
        auto &[timeline, log, state, replay, shown] = models;
        const auto *pattern = patterns::Catalog::instance().find(QStringLiteral("gather"));
        QVERIFY(pattern);

        QSignalSpy appended(&shown, &TraceController::eventsAppended);
        QSignalSpy finished(&shown, &TraceController::runFinished);
        QString recordingProblem;
        shown.startRun(*pattern, valuesFor(*pattern, 50), m_environment.runEnvironment(),
                       m_dir.filePath(QStringLiteral("history.sqlite")), &recordingProblem);
        QVERIFY2(recordingProblem.isEmpty(), qPrintable(recordingProblem));
        QVERIFY(shown.isRunning());
        QVERIFY(state.isLive());
        QVERIFY(!shown.isFinished());
        QCOMPARE(shown.trace(), &shown.run()->trace());
        QVERIFY(finished.wait(30'000));

        QVERIFY(!appended.isEmpty());
        QVERIFY(!shown.isRunning() && shown.isFinished());
        QVERIFY(!state.isLive());
        QCOMPARE(replay.trace(), shown.trace());
        QCOMPARE(log.rowCount(), int(shown.trace()->events().size()));
        QVERIFY(timeline.lanes().size() >= 4); // the root and its three fetches
        QVERIFY(shown.recordedRunId() > 0);
        QCOMPARE(shown.lastPattern(), pattern);
        QCOMPARE(shown.lastValues().value(QStringLiteral("latency_ms")).toInt(), 50);
        QCOMPARE(shown.reportInput().patternId, QStringLiteral("gather"));

        // The still picture of it: a fetch, at a moment when it waits.
        const auto moment = pickShowcaseMoment(timeline);
        QVERIFY(moment);
        QVERIFY(moment->timeNs > timeline.startNs() && moment->timeNs < timeline.endNs());
        const auto *lane = timeline.taskLane(moment->task);
        QVERIFY(lane && lane->parentTask != 0);
        const auto *span = spanAt(lane->spans, moment->timeNs, timeline.endNs());
        QVERIFY(span && span->state == SpanState::Suspended);

        // An opened trace replaces the run; "Run again" still knows the last run.
        auto opened = std::make_unique<OpenedTrace>();
        opened->trace = shown.run()->trace();
        opened->name = QStringLiteral("a copy");
        shown.showOpened(std::move(opened));
        QVERIFY(!shown.run());
        QVERIFY(shown.opened() && shown.isFinished());
        QCOMPARE(shown.trace(), &shown.opened()->trace);
        QCOMPARE(replay.trace(), shown.trace());
        QCOMPARE(shown.lastPattern(), pattern);

        shown.putAway();
        QVERIFY(!shown.trace() && !shown.isFinished());
        QVERIFY(timeline.lanes().empty());
        QCOMPARE(log.rowCount(), 0);
        QVERIFY(!replay.trace());
    }

    void stoppingCancelsTheRunAndItStillEnds()
    {
        ShownModels models;
        auto &shown = models.shown;
        const auto *pattern = patterns::Catalog::instance().find(QStringLiteral("sequential"));
        QVERIFY(pattern);
        shown.startRun(*pattern, valuesFor(*pattern, 2000), m_environment.runEnvironment(), {});
        QVERIFY(!shown.isRecording()); // no history path: nothing recorded
        QTest::qWait(100);
        shown.stopAndWait(30'000);
        QVERIFY(shown.isFinished());
        QCOMPARE(QLatin1String(patterns::toString(shown.run()->outcome().status)), QLatin1String("cancelled"));
    }

private:
    Environment m_environment;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestTraceController)
#include "tst_tracecontroller.moc"
