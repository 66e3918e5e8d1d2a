// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/replaycontroller.h"
#include "app/models/timelinestate.h"
#include "trace/makeevent.h"

#include <QSignalSpy>
#include <QTest>

using namespace coroscope;
using namespace coroscope::app;

class TestTimelineState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void liveWindowGrowsInSteps()
    {
        TimelineState state;
        state.reset();
        state.setLive(true);
        state.setTraceRange(0, 100'000'000);
        QVERIFY(state.isFollowing());
        QCOMPARE(state.visibleStartNs(), qint64(0));
        QCOMPARE(state.visibleEndNs(), qint64(500'000'000)); // room ahead of the newest event
        QSignalSpy changed(&state, &TimelineState::visibleRangeChanged);
        state.setTraceRange(0, 400'000'000);
        QCOMPARE(changed.count(), 0); // still fits: the picture does not creep
        state.setTraceRange(0, 460'000'000);
        QCOMPARE(state.visibleEndNs(), qint64(1'000'000'000));
        state.setLive(false); // finished: fit tightly
        QCOMPARE(state.visibleStartNs(), qint64(0));
        QVERIFY(state.visibleEndNs() >= 460'000'000 && state.visibleEndNs() < 480'000'000);
    }

    void zoomKeepsTheAnchorInPlace_data()
    {
        QTest::addColumn<double>("factor");
        QTest::addColumn<qint64>("anchor");
        QTest::newRow("in at a quarter") << 2.0 << qint64(250'000);
        QTest::newRow("out at three quarters") << 0.5 << qint64(750'000);
        QTest::newRow("in at the left edge") << 4.0 << qint64(0);
    }

    void zoomKeepsTheAnchorInPlace()
    {
        QFETCH(double, factor);
        QFETCH(qint64, anchor);
        TimelineState state;
        state.setTraceRange(0, 1'000'000);
        state.setVisibleRange(0, 1'000'000);
        const double before = double(anchor - state.visibleStartNs()) / double(state.visibleDurationNs());
        state.zoomBy(factor, anchor);
        QCOMPARE(state.visibleDurationNs(), qint64(1'000'000 / factor));
        const double after = double(anchor - state.visibleStartNs()) / double(state.visibleDurationNs());
        QVERIFY(std::abs(after - before) < 1e-6);
        QVERIFY(!state.isFollowing());
    }

    void zoomStopsAtAMicrosecond()
    {
        TimelineState state;
        state.setTraceRange(0, 1'000'000);
        state.setVisibleRange(0, 1'000'000);
        for (int i = 0; i < 50; ++i)
            state.zoomIn();
        QCOMPARE(state.visibleDurationNs(), TimelineState::minimumVisibleNs);
    }

    void panningCannotLoseTheRun()
    {
        TimelineState state;
        state.setTraceRange(0, 1'000'000);
        state.setVisibleRange(0, 100'000);
        state.panBy(50'000'000);
        // At least a tenth of the window still shows the run.
        QVERIFY(state.visibleStartNs() <= 1'000'000 - 10'000);
        state.panBy(-50'000'000);
        QVERIFY(state.visibleEndNs() >= 10'000);
    }

    void ensureVisiblePagesOnlyWhenNeeded()
    {
        TimelineState state;
        state.setTraceRange(0, 10'000'000);
        state.setVisibleRange(0, 1'000'000);
        state.ensureVisible(500'000);
        QCOMPARE(state.visibleStartNs(), qint64(0));
        state.ensureVisible(3'000'000);
        QVERIFY(state.visibleStartNs() <= 3'000'000 && state.visibleEndNs() >= 3'000'000);
        QCOMPARE(state.visibleDurationNs(), qint64(1'000'000));
    }

    void selectionAndPlayheadSignalOnce()
    {
        TimelineState state;
        state.setTraceRange(100, 1000);
        QSignalSpy selected(&state, &TimelineState::selectedTaskChanged);
        QSignalSpy playhead(&state, &TimelineState::playheadChanged);
        state.setSelectedTask(3);
        state.setSelectedTask(3);
        QCOMPARE(selected.count(), 1);
        state.setPlayhead(5000); // clamped to the run
        QCOMPARE(state.playheadNs(), qint64(1000));
        state.setPlayhead(10);
        QCOMPARE(state.playheadNs(), qint64(100));
        QCOMPARE(playhead.count(), 2);
        state.reset();
        QCOMPARE(state.selectedTask(), trace::TaskId(0));
        QCOMPARE(state.playheadNs(), qint64(-1));
    }

    void stepsFollowTheSelectedTask()
    {
        trace::Trace trace;
        const auto ev = [](qint64 t, trace::EventKind kind, trace::TaskId task) {
            return trace::makeEvent(t, kind, task);
        };
        const std::vector<trace::Event> events = {
            ev(10, trace::EventKind::Started, 1),   ev(20, trace::EventKind::Started, 2),
            ev(25, trace::EventKind::Counter, 0),   ev(30, trace::EventKind::Suspended, 1),
            ev(40, trace::EventKind::Suspended, 2), ev(50, trace::EventKind::Resumed, 1)};
        trace.append(events);
        QCOMPARE(ReplayController::nextEventTime(trace, 10, 0), qint64(20));
        QCOMPARE(ReplayController::nextEventTime(trace, 20, 0), qint64(30)); // the counter is not a step
        QCOMPARE(ReplayController::nextEventTime(trace, 10, 1), qint64(30));
        QCOMPARE(ReplayController::nextEventTime(trace, 50, 0), qint64(-1));
        QCOMPARE(ReplayController::previousEventTime(trace, 50, 2), qint64(40));
        QCOMPARE(ReplayController::previousEventTime(trace, 40, 1), qint64(30));
        QCOMPARE(ReplayController::previousEventTime(trace, 10, 0), qint64(-1));

        TimelineState state;
        state.setTraceRange(10, 50);
        ReplayController replay(&state);
        replay.setTrace(&trace);
        state.setSelectedTask(2);
        QVERIFY(replay.stepNext());
        QCOMPARE(state.playheadNs(), qint64(20));
        QVERIFY(replay.stepNext());
        QCOMPARE(state.playheadNs(), qint64(40));
        QVERIFY(!replay.stepNext());
        QVERIFY(replay.stepPrevious());
        QCOMPARE(state.playheadNs(), qint64(20));
        replay.setSpeed(100);
        QCOMPARE(replay.speed(), ReplayController::maximumSpeed);
        replay.setSpeed(0);
        QCOMPARE(replay.speed(), ReplayController::minimumSpeed);
    }

    void fasterAndSlowerWalkThePresetSpeeds()
    {
        TimelineState state;
        ReplayController replay(&state);
        QSignalSpy changed(&replay, &ReplayController::speedChanged);
        replay.faster();
        QCOMPARE(replay.speed(), 2.0);
        replay.slower();
        replay.slower();
        QCOMPARE(replay.speed(), 0.5);
        // Between presets: the next one in the asked direction, not a step past it.
        replay.setSpeed(0.3);
        replay.faster();
        QCOMPARE(replay.speed(), 0.5);
        replay.setSpeed(0.3);
        replay.slower();
        QCOMPARE(replay.speed(), 0.25);
        // At either end it stays, and says nothing.
        replay.setSpeed(ReplayController::maximumSpeed);
        changed.clear();
        replay.faster();
        QCOMPARE(replay.speed(), ReplayController::maximumSpeed);
        QCOMPARE(changed.count(), 0);
        replay.setSpeed(ReplayController::minimumSpeed);
        replay.slower();
        QCOMPARE(replay.speed(), ReplayController::minimumSpeed);
        QCOMPARE(ReplayController::presetSpeeds.front(), ReplayController::minimumSpeed);
        QCOMPARE(ReplayController::presetSpeeds.back(), ReplayController::maximumSpeed);
    }
};

QTEST_GUILESS_MAIN(TestTimelineState)
#include "tst_timelinestate.moc"
