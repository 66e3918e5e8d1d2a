// SPDX-License-Identifier: GPL-3.0-or-later
// Timeline shapes of the pitfall patterns: the bad version and its fix, run for real.
#include "patterntesting.h"
#include "trace/counters.h"
#include "tracequeries.h"

#include <QRegularExpression>
#include <QTest>

using namespace coroscope;
using namespace coroscope::testing;

namespace {

// When task `task`'s wait on `resource` ended (its Resumed after that Suspended), or -1.
qint64 resumedAfter(const trace::Trace &trace, trace::TaskId task, const QString &resource)
{
    bool waiting = false;
    for (const auto &event : trace.events()) {
        if (event.task != task)
            continue;
        if (event.kind == trace::EventKind::Suspended)
            waiting = trace.string(event.label) == resource;
        else if (event.kind == trace::EventKind::Resumed && waiting)
            return event.timeNs;
    }
    return -1;
}

// The longest time between two consecutive "tick" marks of `task` that fall in [fromNs, toNs].
double longestTickGapMs(const trace::Trace &trace, trace::TaskId task, qint64 fromNs, qint64 toNs)
{
    double longest = 0;
    qint64 previous = -1;
    for (const auto &event : eventsOf(trace, task, trace::EventKind::Mark)) {
        if (!trace.string(event.label).startsWith(QStringLiteral("tick ")) || event.timeNs < fromNs || event.timeNs > toNs)
            continue;
        if (previous >= 0)
            longest = std::max(longest, msBetween(previous, event.timeNs));
        previous = event.timeNs;
    }
    return longest;
}

struct LeakFigures {
    int afterBad = -1;
    int afterGood = -1;
    int atExit = -1;
};

LeakFigures leakFigures(const QString &summary)
{
    static const QRegularExpression numbers(QStringLiteral(
        "left (\\d+) more connection\\(s\\) open, scoped clients (-?\\d+) more; (-?\\d+) more after shutdown"));
    const auto match = numbers.match(summary);
    if (!match.hasMatch())
        return {};
    return {match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt()};
}

} // namespace

class TestPitfalls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.start()); }

    void noAwaitFinishesBeforeItsWork()
    {
        const int latency = 300;
        auto run = m_fixture.run(QStringLiteral("pitfall-no-await"), {{QStringLiteral("latency_ms"), latency}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        const auto &trace = run->trace();
        const auto *bad = taskNamed(trace, QStringLiteral("bad: no co_await"));
        const auto *good = taskNamed(trace, QStringLiteral("good: co_await"));
        QVERIFY(bad && good);
        const auto request = QStringLiteral("POST /delay/%1").arg(latency);

        // The forgotten call's wait is recorded under the caller, and outlives it.
        const auto badResumed = resumedAfter(trace, bad->id, request);
        QVERIFY2(badResumed > 0, "the forgotten request never completed");
        QVERIFY(bad->finishedNs < badResumed);
        QVERIFY(msBetween(bad->createdNs, bad->finishedNs) < latency / 2);
        const auto badDone = markContaining(trace, bad->id, QStringLiteral("save_audit done"));
        QVERIFY(badDone.timeNs > bad->finishedNs);
        QVERIFY(msBetween(bad->finishedNs, badDone.timeNs) >= latency / 2);

        // Awaited, the same call ends before its caller does.
        const auto goodResumed = resumedAfter(trace, good->id, request);
        QVERIFY(goodResumed > 0 && goodResumed <= good->finishedNs);
        const auto goodDone = markContaining(trace, good->id, QStringLiteral("save_audit done"));
        QVERIFY(goodDone.timeNs > 0 && goodDone.timeNs <= good->finishedNs);
        QVERIFY(msBetween(good->createdNs, good->finishedNs) >= latency);
    }

    void blockingCallsStallTheLoopAndTheirFixesDoNot()
    {
        const int blockMs = 200;
        auto run = m_fixture.run(QStringLiteral("pitfall-blocking"), {{QStringLiteral("block_ms"), blockMs}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        const auto &trace = run->trace();
        const auto *bad = taskNamed(trace, QStringLiteral("bad: blocking calls"));
        const auto *good = taskNamed(trace, QStringLiteral("good: async calls"));
        const auto *ticker = taskNamed(trace, QStringLiteral("ticker"));
        QVERIFY(bad && good && ticker);
        QVERIFY(bad->finishedNs < good->createdNs);

        const auto lag = trace::counters::loopLagMs();
        const auto stalled = counterMax(trace, lag, bad->createdNs, good->createdNs);
        const auto free = counterMax(trace, lag, good->createdNs, good->finishedNs);
        QVERIFY2(stalled >= 0.8 * blockMs, qPrintable(QString::number(stalled)));
        QVERIFY2(free >= 0 && free < 50, qPrintable(QString::number(free)));
        // Three separate stalls, one per blocking call.
        int spikes = 0;
        for (const auto value : counterSamples(trace, lag, bad->createdNs, good->createdNs))
            spikes += value >= 0.8 * blockMs ? 1 : 0;
        QCOMPARE(spikes, 3);

        // The ticker on the same loop froze with it, and kept its beat during the fix.
        const auto frozen = longestTickGapMs(trace, ticker->id, bad->createdNs, good->createdNs);
        const auto beating = longestTickGapMs(trace, ticker->id, good->createdNs, good->finishedNs);
        QVERIFY2(frozen >= 0.8 * blockMs, qPrintable(QString::number(frozen)));
        QVERIFY2(beating > 0 && beating < 150, qPrintable(QString::number(beating)));

        // The fix waits on a timer, the network and the thread pool, in that order.
        std::vector<trace::SuspendReason> reasons;
        for (const auto &event : eventsOf(trace, good->id, trace::EventKind::Suspended))
            reasons.push_back(event.reason());
        const std::vector<trace::SuspendReason> expected{trace::SuspendReason::Timer, trace::SuspendReason::Network,
                                                         trace::SuspendReason::ThreadPool};
        QVERIFY(reasons == expected);
    }

    void leakedClientsHoldAConnectionEach()
    {
        const auto figuresFor = [this](int calls, double &peakAboveStart) {
            auto run = m_fixture.run(QStringLiteral("pitfall-leak"),
                                     {{QStringLiteral("calls"), calls}, {QStringLiteral("latency_ms"), 30}});
            if (!run || run->outcome().status != patterns::RunStatus::Ok) {
                qWarning() << (run ? run->outcome().summary : QStringLiteral("no run"));
                return LeakFigures{};
            }
            const auto &trace = run->trace();
            const auto *bad = taskNamed(trace, QStringLiteral("bad: clients never closed"));
            const auto open = trace::counters::openConnections();
            peakAboveStart = bad ? counterMax(trace, open, bad->createdNs, bad->finishedNs)
                                       - counterAt(trace, open, bad->createdNs)
                                 : -1;
            qInfo().noquote() << run->outcome().summary;
            return leakFigures(run->outcome().summary);
        };
        double fewPeak = -1;
        double manyPeak = -1;
        const auto few = figuresFor(2, fewPeak);
        const auto many = figuresFor(5, manyPeak);

        // Each forgotten client keeps one connection open until the application ends...
        QCOMPARE(few.afterBad, 2);
        QCOMPARE(many.afterBad, 5);
        QVERIFY2(fewPeak >= 2 && manyPeak >= 5 && manyPeak > fewPeak,
                 qPrintable(QStringLiteral("%1 %2").arg(fewPeak).arg(manyPeak)));
        // ...while scoped clients leave none behind, and shutdown closes the forgotten ones.
        QCOMPARE(few.afterGood, 0);
        QCOMPARE(many.afterGood, 0);
        QCOMPARE(few.atExit, 0);
        QCOMPARE(many.atExit, 0);
    }

    void leakNeedsAtLeastOneCall()
    {
        const auto *pattern = patterns::Catalog::instance().find(QStringLiteral("pitfall-leak"));
        QVERIFY(pattern);
        const auto values = patterns::parseAssignments(pattern->info().parameters, {QStringLiteral("calls=0")});
        QCOMPARE(values.errors.size(), 1);
        QVERIFY2(values.errors.front().contains(QStringLiteral("calls must be between 1 and 50 calls")),
                 qPrintable(values.errors.front()));
    }

private:
    PatternFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestPitfalls)
#include "tst_pitfalls.moc"
