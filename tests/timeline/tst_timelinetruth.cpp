// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline draws what was true at each moment, checked on real runs against the lab server:
// a cancelled wait is a wait until the cancellation arrives, and a coroutine nobody awaited gets
// a lane of its own instead of being drawn as its caller running on after its end.
#include "patterntesting.h"
#include "timeline/timelinemodel.h"

#include <QTest>

#include <algorithm>

using namespace coroscope;
using namespace coroscope::testing;
using namespace coroscope::timeline;

namespace {

const Lane *childTitled(const Lane &parent, const QString &title)
{
    for (const auto &child : parent.children) {
        if (child->title == title)
            return child.get();
    }
    return nullptr;
}

const Span *lastWait(const Lane &lane, trace::SuspendReason reason)
{
    const auto it = std::find_if(lane.spans.rbegin(), lane.spans.rend(), [&](const Span &span) {
        return span.state == SpanState::Suspended && span.reason == reason;
    });
    return it == lane.spans.rend() ? nullptr : &*it;
}

} // namespace

class TestTimelineTruth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.start()); }

    void taskGroupSiblingsWaitOnTheNetworkUntilTheCancel()
    {
        const int failAfterMs = 300;
        auto run = m_fixture.run(QStringLiteral("taskgroup"), {{QStringLiteral("items"), 4},
                                                               {QStringLiteral("latency_ms"), 2000},
                                                               {QStringLiteral("failing_item"), 3},
                                                               {QStringLiteral("fail_after_ms"), failAfterMs}});
        QVERIFY(run);
        const auto &trace = run->trace();
        TimelineModel model;
        model.setTrace(&trace);
        const auto *failing = taskNamed(trace, QStringLiteral("process_item 3"));
        QVERIFY(failing);
        QCOMPARE(failing->status, trace::FinishStatus::Error);

        for (const auto *item : tasksStartingWith(trace, QStringLiteral("process_item "))) {
            if (item == failing)
                continue;
            const auto *lane = model.taskLane(item->id);
            QVERIFY(lane);
            QCOMPARE(lane->status, trace::FinishStatus::Cancelled);
            // The request is a network wait from its start to the moment the failure cancelled
            // it, long after the sibling's first 20 ms; nothing on the lane is drawn as cancelled.
            const auto *wait = lastWait(*lane, trace::SuspendReason::Network);
            QVERIFY(wait);
            QCOMPARE(wait->ending, SpanEnding::Cancelled);
            const double waitedMs = msBetween(wait->startNs, wait->endNs);
            QVERIFY2(waitedMs >= failAfterMs * 2 / 3 && waitedMs < 2000, qPrintable(QString::number(waitedMs)));
            QVERIFY(wait->endNs >= failing->finishedNs - 1'000'000);
            for (const auto &span : lane->spans) {
                if (span.state == SpanState::Suspended && &span != wait)
                    QCOMPARE(span.ending, SpanEnding::Resumed);
            }
            // How it ended is a mark at that moment, not before.
            const auto cancelMark = std::find_if(lane->markers.begin(), lane->markers.end(), [](const Marker &marker) {
                return marker.kind == MarkerKind::Cancelled;
            });
            QVERIFY(cancelMark != lane->markers.end());
            QCOMPARE(cancelMark->timeNs, wait->endNs);
            QVERIFY(cancelMark->timeNs >= wait->startNs + 200'000'000);
        }
    }

    void forgottenCoAwaitGetsALaneOfItsOwn()
    {
        const int latency = 300;
        auto run = m_fixture.run(QStringLiteral("pitfall-no-await"), {{QStringLiteral("latency_ms"), latency}});
        QVERIFY(run);
        const auto &trace = run->trace();
        TimelineModel model;
        model.setTrace(&trace);
        const auto *bad = taskNamed(trace, QStringLiteral("bad: no co_await"));
        QVERIFY(bad);
        const auto *caller = model.taskLane(bad->id);
        QVERIFY(caller);

        // The caller ran for microseconds: nothing on its lane outlives its end.
        QVERIFY(caller->isFinished());
        for (const auto &span : caller->spans) {
            QVERIFY(!span.isOpen());
            QVERIFY(span.endNs <= caller->finishedNs);
            QVERIFY(span.state != SpanState::Suspended || span.reason != trace::SuspendReason::Network);
        }

        const auto *orphan = childTitled(*caller, QStringLiteral("saveAudit, never awaited"));
        QVERIFY2(orphan, qPrintable(caller->children.empty() ? QStringLiteral("no child lane")
                                                             : caller->children.front()->title));
        QVERIFY(orphan->neverAwaited);
        QCOMPARE(orphan->kind, LaneKind::Task);
        // Its wait: the POST, for about the audit latency (wide bounds: a loaded machine).
        QVERIFY(!orphan->spans.empty());
        const auto &wait = orphan->spans.front();
        QCOMPARE(wait.state, SpanState::Suspended);
        QCOMPARE(wait.reason, trace::SuspendReason::Network);
        QCOMPARE(trace.string(wait.label), QStringLiteral("POST /delay/%1").arg(latency));
        QVERIFY(wait.startNs < caller->finishedNs);
        const double waitedMs = msBetween(wait.startNs, wait.endNs);
        QVERIFY2(waitedMs >= 200 && waitedMs < 3000, qPrintable(QString::number(waitedMs)));
        // Its resumption, its mark and its end, all after the caller had finished.
        QVERIFY(orphan->spans.size() >= 2);
        QCOMPARE(orphan->spans[1].state, SpanState::Running);
        QCOMPARE(orphan->spans[1].startNs, wait.endNs);
        QVERIFY(orphan->isFinished());
        QVERIFY(!orphan->spans.back().isOpen());
        QVERIFY2(msBetween(wait.endNs, orphan->finishedNs) < 50,
                 qPrintable(QString::number(msBetween(wait.endNs, orphan->finishedNs))));
        const auto done = std::find_if(orphan->markers.begin(), orphan->markers.end(), [&](const Marker &marker) {
            return marker.kind == MarkerKind::Mark && trace.string(marker.label) == QStringLiteral("save_audit done");
        });
        QVERIFY(done != orphan->markers.end());
        QVERIFY(done->timeNs > caller->finishedNs);
        QCOMPARE(orphan->markers.back().kind, MarkerKind::Finished);

        // The awaited twin needs no such lane: its wait is its own.
        const auto *good = model.taskLane(taskNamed(trace, QStringLiteral("good: co_await"))->id);
        QVERIFY(good->children.empty());
        QVERIFY(lastWait(*good, trace::SuspendReason::Network));
    }

private:
    PatternFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestTimelineTruth)
#include "tst_timelinetruth.moc"
