// SPDX-License-Identifier: GPL-3.0-or-later
// Teaching moments in a replay: on a recorded run the replay stops by itself at each moment, on
// the moment's own event, at 0.1x and at 10x alike, paced by time or by events; play goes on.
// The clock is driven by hand (advanceBy), so the test does not wait for the replay.
#include "app/models/replaycontroller.h"
#include "app/models/timelinestate.h"
#include "classroom/moments.h"
#include "patterntesting.h"

#include <QSignalSpy>
#include <QTest>

using namespace coroscope;
using app::ReplayController;
using app::TimelineState;
using classroom::MomentKind;

namespace {

// Plays `trace` to its end, 16 ms of wall time a tick, and returns where each stop fell.
std::vector<qint64> stopsOfAReplay(const trace::Trace &trace, double speed, ReplayController::Pacing pacing,
                                   std::vector<int> *indices = nullptr)
{
    TimelineState state;
    state.setTraceRange(trace.startNs(), trace.endNs());
    ReplayController replay(&state);
    replay.setTrace(&trace);
    replay.setStopsAtMoments(true);
    replay.setSpeed(speed);
    replay.setPacing(pacing);
    QSignalSpy reached(&replay, &ReplayController::momentReached);
    std::vector<qint64> stops;
    replay.play();
    // A generous bound: at 0.1x paced by time, 16 ms of wall time is 1.6 ms of the run.
    for (int tick = 0; tick < 10'000'000 && state.playheadNs() < state.traceEndNs(); ++tick) {
        replay.advanceBy(16'000'000);
        if (!replay.isPlaying()) {
            if (state.playheadNs() >= state.traceEndNs())
                break;
            stops.push_back(state.playheadNs());
            if (indices)
                indices->push_back(reached.takeLast().at(0).toInt());
            replay.play(); // Space goes on
        }
    }
    return stops;
}

std::vector<qint64> momentTimes(const std::vector<classroom::Moment> &moments)
{
    std::vector<qint64> times;
    for (const auto &moment : moments)
        times.push_back(moment.caption.timeNs);
    return times;
}

} // namespace

class TestReplayMoments : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fixture.start());
        // A batch that fails: suspensions, an error on its way up, its siblings cancelled.
        m_taskGroup = m_fixture.run(QStringLiteral("taskgroup"), {{QStringLiteral("items"), 3},
                                                                  {QStringLiteral("latency_ms"), 200},
                                                                  {QStringLiteral("failing_item"), 2},
                                                                  {QStringLiteral("fail_after_ms"), 30}});
        QVERIFY(m_taskGroup && m_taskGroup->isFinished());
        m_timeout = m_fixture.run(QStringLiteral("timeout"),
                                  {{QStringLiteral("latency_ms"), 300}, {QStringLiteral("limit_ms"), 50}});
        QVERIFY(m_timeout && m_timeout->isFinished());
    }

    void aRecordedRunHasItsMoments()
    {
        const auto &trace = m_taskGroup->trace();
        const auto moments = classroom::teachingMoments(trace);
        QStringList kinds;
        for (const auto &moment : moments) {
            // A loaded machine can stall the loop anywhere; the rest is the pattern's own story.
            if (moment.kind != MomentKind::LoopBlocked)
                kinds.append(QLatin1String(toString(moment.kind)));
            QVERIFY(!moment.caption.text.isEmpty());
            QCOMPARE(moment.caption.timeNs, trace.events()[size_t(moment.caption.event)].timeNs);
        }
        QCOMPARE(kinds, (QStringList{QStringLiteral("first suspension"), QStringLiteral("error propagating"),
                                     QStringLiteral("cancellation spreading")}));
        const auto failed = std::find_if(moments.begin(), moments.end(), [](const classroom::Moment &m) {
            return m.kind == MomentKind::ErrorPropagating;
        });
        QVERIFY(failed->caption.text.startsWith(QStringLiteral("process_item 2 failed after ")));
        const auto timeouts = classroom::teachingMoments(m_timeout->trace());
        QVERIFY(std::any_of(timeouts.begin(), timeouts.end(),
                            [](const classroom::Moment &m) { return m.kind == MomentKind::TimeoutFired; }));
    }

    void pausesFallOnTheMoments_data()
    {
        QTest::addColumn<double>("speed");
        QTest::addColumn<int>("pacing");
        QTest::newRow("0.1x by time") << 0.1 << int(ReplayController::Pacing::ByTime);
        QTest::newRow("10x by time") << 10.0 << int(ReplayController::Pacing::ByTime);
        QTest::newRow("0.1x by events") << 0.1 << int(ReplayController::Pacing::ByEvents);
        QTest::newRow("10x by events") << 10.0 << int(ReplayController::Pacing::ByEvents);
    }

    void pausesFallOnTheMoments()
    {
        QFETCH(double, speed);
        QFETCH(int, pacing);
        for (const auto *run : {m_taskGroup.get(), m_timeout.get()}) {
            const auto &trace = run->trace();
            const auto expected = momentTimes(classroom::teachingMoments(trace));
            QVERIFY(expected.size() >= 2);
            std::vector<int> indices;
            const auto stops = stopsOfAReplay(trace, speed, ReplayController::Pacing(pacing), &indices);
            QCOMPARE(stops, expected);
            for (int index = 0; index < int(indices.size()); ++index)
                QCOMPARE(indices[size_t(index)], index);
        }
    }

    void withoutMomentsTheReplayRunsThrough()
    {
        const auto &trace = m_taskGroup->trace();
        TimelineState state;
        state.setTraceRange(trace.startNs(), trace.endNs());
        ReplayController replay(&state);
        replay.setTrace(&trace);
        replay.setSpeed(ReplayController::maximumSpeed);
        replay.play();
        QVERIFY(replay.isPlaying());
        while (replay.isPlaying())
            replay.advanceBy(16'000'000);
        QCOMPARE(state.playheadNs(), state.traceEndNs());
    }

private:
    testing::PatternFixture m_fixture;
    std::unique_ptr<patterns::PatternRun> m_taskGroup;
    std::unique_ptr<patterns::PatternRun> m_timeout;
};

QTEST_GUILESS_MAIN(TestReplayMoments)
#include "tst_replaymoments.moc"
