// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/catalog.h"
#include "patterns/patternrun.h"
#include "patterntesting.h"
#include "timeline/timelinemodel.h"
#include "trace/counters.h"
#include "trace/makeevent.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include <random>

using namespace coroscope;
using namespace coroscope::timeline;
using trace::Event;
using trace::EventKind;

namespace {

// Builds traces event by event, as a recorder's drain would hand them over.
struct TraceBuilder {
    trace::Trace trace;
    TraceBuilder()
    {
        trace.addThread(QStringLiteral("pattern loop"));
        trace.addThread(QStringLiteral("executor 1"));
    }
    trace::StringId s(const QString &text) { return trace.addString(text); }
    static constexpr auto ev = [](auto... parts) { return trace::makeEvent(parts...); };
    // Appends a batch; returns the (first, count) PatternRun would announce.
    std::pair<qsizetype, qsizetype> append(std::vector<Event> batch)
    {
        std::stable_sort(batch.begin(), batch.end(), [](const Event &a, const Event &b) { return a.timeNs < b.timeNs; });
        const auto first = trace.append(batch);
        return {first, qsizetype(trace.events().size()) - first};
    }
};

void compareLanes(const Lane &a, const Lane &b, const QString &path)
{
    const auto where = qPrintable(path);
    QVERIFY2(a.kind == b.kind, where);
    QVERIFY2(a.title == b.title, where);
    QVERIFY2(a.task == b.task, where);
    QVERIFY2(a.spans.size() == b.spans.size(), where);
    for (std::size_t i = 0; i < a.spans.size(); ++i) {
        const auto &x = a.spans[i];
        const auto &y = b.spans[i];
        QVERIFY2(x.startNs == y.startNs && x.endNs == y.endNs && x.state == y.state && x.reason == y.reason
                     && x.label == y.label && x.location == y.location && x.task == y.task,
                 qPrintable(path + QStringLiteral(" span %1").arg(i)));
    }
    QVERIFY2(a.points.size() == b.points.size(), where);
    for (std::size_t i = 0; i < a.points.size(); ++i)
        QVERIFY2(a.points[i].timeNs == b.points[i].timeNs && a.points[i].value == b.points[i].value, where);
    QVERIFY2(a.markers.size() == b.markers.size(), where);
    QVERIFY2(a.children.size() == b.children.size(), where);
    for (std::size_t i = 0; i < a.children.size(); ++i) {
        compareLanes(*a.children[i], *b.children[i], path + QLatin1Char('/') + a.children[i]->title);
        if (QTest::currentTestFailed())
            return;
    }
}

void compareModels(const TimelineModel &live, const TimelineModel &rebuilt)
{
    const auto a = live.lanes();
    const auto b = rebuilt.lanes();
    QCOMPARE(a.size(), b.size());
    QCOMPARE(live.rowCount(), rebuilt.rowCount());
    for (int row = 0; row < live.rowCount(); ++row) {
        compareLanes(*live.lane(live.index(row, 0)), *rebuilt.lane(rebuilt.index(row, 0)),
                     QStringLiteral("top %1").arg(row));
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(live.endNs(), rebuilt.endNs());
    QCOMPARE(live.startNs(), rebuilt.startNs());
}

// A task's spans must tile its life exactly: each boundary is one of its events.
void verifyTaskAgainstTrace(const trace::Trace &trace, const TimelineModel &model, const trace::TaskInfo &task)
{
    const auto *lane = model.taskLane(task.id);
    QVERIFY2(lane, qPrintable(QStringLiteral("no lane for task %1").arg(task.id)));
    QCOMPARE(lane->title, trace.string(task.name));
    if (task.parent != 0) {
        QVERIFY(lane->parent);
        QCOMPARE(lane->parent->task, task.parent);
    } else {
        QVERIFY(lane->parent);
        QCOMPARE(lane->parent->kind, LaneKind::Group);
    }
    std::vector<Event> own;
    for (const auto &event : trace.events()) {
        if (event.task == task.id && event.kind != EventKind::Created && event.kind != EventKind::Mark)
            own.push_back(event);
    }
    QVERIFY(!own.empty());
    QCOMPARE(own.front().kind, EventKind::Started);
    // Every span starts at an event and ends at the next one of the same task.
    QCOMPARE(lane->spans.size(), own.size() - (own.back().kind == EventKind::Finished ? 1 : 0));
    for (std::size_t i = 0; i < lane->spans.size(); ++i) {
        const auto &span = lane->spans[i];
        const auto &opening = own[i];
        QCOMPARE(span.startNs, opening.timeNs);
        if (i + 1 < own.size())
            QCOMPARE(span.endNs, own[i + 1].timeNs);
        if (opening.kind == EventKind::Suspended) {
            QCOMPARE(span.reason, opening.reason());
            QCOMPARE(span.location, opening.location);
            QCOMPARE(span.label, opening.label);
            QCOMPARE(span.state, SpanState::Suspended);
        } else {
            QVERIFY(span.state == SpanState::Running || span.state == SpanState::Failed);
        }
    }
}

} // namespace

class TestTimelineModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void liveRunMatchesTrace()
    {
        const auto *pattern = patterns::Catalog::instance().find(QStringLiteral("sequential"));
        QVERIFY(pattern);
        testing::PatternFixture lab;
        QVERIFY(lab.start());
        patterns::PatternRun run(*pattern, {{QStringLiteral("calls"), 4}, {QStringLiteral("latency_ms"), 15}},
                                 lab.environment().runEnvironment());
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTrace(&run.trace());
        int updates = 0;
        connect(&run, &patterns::PatternRun::eventsAppended, &model, [&](qsizetype first, qsizetype count) {
            model.update(first, count);
            ++updates;
        });
        run.start();
        QVERIFY(run.waitForFinished(20'000));
        QVERIFY(updates > 0);
        QCOMPARE(model.processedEvents(), qsizetype(run.trace().events().size()));

        const auto &trace = run.trace();
        QVERIFY(!trace.tasks().empty());
        for (const auto &task : trace.tasks()) {
            verifyTaskAgainstTrace(trace, model, task);
            if (QTest::currentTestFailed())
                return;
        }
        // Sequential awaits: the root waits on the network once per call, 15 ms each at least.
        QCOMPARE(run.outcome().status, patterns::RunStatus::Ok);
        const auto *root = model.taskLane(trace.tasks().front().id);
        int networkWaits = 0;
        for (const auto &span : root->spans) {
            if (span.state == SpanState::Suspended && span.reason == trace::SuspendReason::Network) {
                ++networkWaits;
                QVERIFY2(span.endNs - span.startNs >= 14'000'000, qPrintable(QString::number(span.endNs - span.startNs)));
            }
        }
        QCOMPARE(networkWaits, 4);
        // The heartbeat lands in the event-loop lane, one point per counter event.
        const auto *loop = model.eventLoopLane();
        QVERIFY(loop);
        const auto lagName = trace::counters::loopLagMs();
        const auto beats = std::count_if(trace.events().begin(), trace.events().end(), [&](const Event &e) {
            return e.kind == EventKind::Counter && trace.string(e.label) == lagName;
        });
        QCOMPARE(qsizetype(loop->points.size()), qsizetype(beats));
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Event loop"));

        // The same trace loaded in one go gives the same lanes.
        TimelineModel rebuilt;
        rebuilt.setTrace(&trace);
        compareModels(model, rebuilt);
    }

    void incrementalEqualsRebuildWithReachBack()
    {
        // Two threads whose batches interleave: each batch reaches back into the previous one,
        // as the recorder's per-thread drain does. The live model must end where a model built
        // from the final trace starts.
        TraceBuilder b;
        TimelineModel live;
        QAbstractItemModelTester tester(&live, QAbstractItemModelTester::FailureReportingMode::QtTest);
        live.setTrace(&b.trace);
        std::mt19937 random(7);
        const auto rootName = b.s(QStringLiteral("main"));
        const auto jobName = b.s(QStringLiteral("job"));
        const auto sleepLabel = b.s(QStringLiteral("sleep"));
        const auto inFlight = b.s(trace::counters::requestsInFlight());
        const auto lag = b.s(trace::counters::loopLagMs());
        std::vector<Event> loopThread;
        std::vector<Event> worker;
        loopThread.push_back(b.ev(0, EventKind::Created, 1, rootName));
        loopThread.push_back(b.ev(1, EventKind::Started, 1));
        qint64 t = 10;
        trace::TaskId next = 2;
        for (int i = 0; i < 300; ++i) {
            const auto child = next++;
            loopThread.push_back(b.ev(t, EventKind::Created, child, i % 3 ? rootName : jobName, 0, 1, 0));
            if (i % 3 == 0) {
                // A thread-pool job: starts later on the worker thread.
                worker.push_back(b.ev(t + 7, EventKind::Started, child, 0, 0, 0, 1));
                worker.push_back(b.ev(t + 40, EventKind::Finished, child, 0, 0, 0, 1));
            } else {
                loopThread.push_back(b.ev(t + 1, EventKind::Started, child));
                loopThread.push_back(
                    b.ev(t + 2, EventKind::Suspended, child, sleepLabel, quint8(trace::SuspendReason::Timer)));
                loopThread.push_back(b.ev(t + 30, EventKind::Resumed, child));
                loopThread.push_back(b.ev(t + 31, EventKind::Finished, child, 0, quint8(i % 10 == 1 ? 2 : 0)));
            }
            loopThread.push_back(b.ev(t + 3, EventKind::Counter, 0, inFlight, 0, double(i % 5)));
            worker.push_back(b.ev(t + 5, EventKind::Counter, 0, lag, 0, double(i % 7)));
            t += 13;
        }
        loopThread.push_back(b.ev(t + 100, EventKind::Finished, 1));
        auto byTime = [](const Event &x, const Event &y) { return x.timeNs < y.timeNs; };
        std::stable_sort(loopThread.begin(), loopThread.end(), byTime);
        std::stable_sort(worker.begin(), worker.end(), byTime);

        // Drain: thread 0's log up to a cut, thread 1's log up to a later cut.
        std::size_t a = 0;
        std::size_t w = 0;
        qint64 cut = 0;
        int reachBacks = 0;
        while (a < loopThread.size() || w < worker.size()) {
            cut += 20 + qint64(random() % 60);
            std::vector<Event> batch;
            while (a < loopThread.size() && loopThread[a].timeNs <= cut)
                batch.push_back(loopThread[a++]);
            while (w < worker.size() && worker[w].timeNs <= cut + 15)
                batch.push_back(worker[w++]);
            const auto sizeBefore = qsizetype(b.trace.events().size());
            const auto [first, count] = b.append(std::move(batch));
            if (count == 0)
                continue;
            reachBacks += first < sizeBefore ? 1 : 0;
            live.update(first, count);
        }
        QVERIFY2(reachBacks > 10, "the test must exercise batches that reach back");
        QCOMPARE(live.processedEvents(), qsizetype(b.trace.events().size()));

        TimelineModel rebuilt;
        rebuilt.setTrace(&b.trace);
        compareModels(live, rebuilt);
        QVERIFY(live.taskLane(2));
        // 100 thread-pool jobs ran on the worker: its lane holds exactly their running spans.
        const auto all = live.lanes();
        const auto workerLanes = std::count_if(all.begin(), all.end(),
                                               [](const Lane *lane) { return lane->kind == LaneKind::Thread; });
        QCOMPARE(workerLanes, 1);
    }

    void threadPoolJobIsQueuedThenRunsOnItsThread()
    {
        TraceBuilder b;
        const auto name = b.s(QStringLiteral("checksum"));
        const auto waitLabel = b.s(QStringLiteral("run_in_executor"));
        b.append({b.ev(0, EventKind::Created, 1, b.s(QStringLiteral("main"))), b.ev(1, EventKind::Started, 1),
                  b.ev(10, EventKind::Created, 2, name, 0, 1),
                  b.ev(11, EventKind::Suspended, 1, waitLabel, quint8(trace::SuspendReason::ThreadPool)),
                  b.ev(30, EventKind::Started, 2, 0, 0, 0, 1), b.ev(80, EventKind::Finished, 2, 0, 0, 0, 1),
                  b.ev(85, EventKind::Resumed, 1), b.ev(90, EventKind::Finished, 1)});
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTrace(&b.trace);
        const auto *job = model.taskLane(2);
        QVERIFY(job);
        QCOMPARE(job->spans.size(), std::size_t(2));
        QCOMPARE(job->spans[0].state, SpanState::Queued);
        QCOMPARE(job->spans[0].startNs, qint64(10));
        QCOMPARE(job->spans[0].endNs, qint64(30));
        QCOMPARE(job->spans[1].state, SpanState::Running);
        QCOMPARE(job->spans[1].endNs, qint64(80));
        QCOMPARE(job->parent, model.taskLane(1));

        const Lane *worker = nullptr;
        for (const auto *lane : model.lanes()) {
            if (lane->kind == LaneKind::Thread)
                worker = lane;
        }
        QVERIFY(worker);
        QCOMPARE(worker->thread, trace::ThreadIndex(1));
        QCOMPARE(model.indexOf(worker).data().toString(), QStringLiteral("executor 1"));
        QCOMPARE(worker->spans.size(), std::size_t(1));
        QCOMPARE(worker->spans[0].task, trace::TaskId(2));
        QCOMPARE(worker->spans[0].startNs, qint64(30));
        QCOMPARE(worker->spans[0].endNs, qint64(80));
        // The root waited on the thread pool the whole time.
        const auto *waiting = spanAt(model.taskLane(1)->spans, 50, model.endNs());
        QVERIFY(waiting);
        QCOMPARE(waiting->reason, trace::SuspendReason::ThreadPool);
        QCOMPARE(model.indexOfTask(1).data(TimelineModel::StatusRole).toString(), QStringLiteral("ok"));
    }

    void eventsOfATaskBeforeItsCreationWait()
    {
        // The worker's batch (job started) lands before the loop's batch with the creation.
        TraceBuilder b;
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTrace(&b.trace);
        auto [f1, c1] = b.append({b.ev(0, EventKind::Created, 1, b.s(QStringLiteral("main"))),
                                  b.ev(1, EventKind::Started, 1), b.ev(30, EventKind::Started, 2, 0, 0, 0, 1)});
        model.update(f1, c1);
        QVERIFY(!model.taskLane(2));
        auto [f2, c2] = b.append({b.ev(20, EventKind::Created, 2, b.s(QStringLiteral("job")), 0, 1, 0),
                                  b.ev(60, EventKind::Finished, 2, 0, 0, 0, 1)});
        QVERIFY(f2 < 3); // it reached back
        model.update(f2, c2);
        const auto *job = model.taskLane(2);
        QVERIFY(job);
        QCOMPARE(job->spans.size(), std::size_t(2));
        QCOMPARE(job->spans[0].state, SpanState::Queued);
        QCOMPARE(job->spans[1].startNs, qint64(30));
        QCOMPARE(job->spans[1].endNs, qint64(60));
        QCOMPARE(job->finishedNs, qint64(60));
    }

    void cancelledAndFailedEndings()
    {
        TraceBuilder b;
        const auto net = quint8(trace::SuspendReason::Network);
        const auto get = b.s(QStringLiteral("GET /slow"));
        const auto boom = b.s(QStringLiteral("HTTP 500"));
        b.append({b.ev(0, EventKind::Created, 1, b.s(QStringLiteral("main"))), b.ev(1, EventKind::Started, 1),
                  b.ev(2, EventKind::Created, 2, b.s(QStringLiteral("cancel me")), 0, 1),
                  b.ev(3, EventKind::Started, 2), b.ev(4, EventKind::Suspended, 2, get, net),
                  b.ev(5, EventKind::Created, 3, b.s(QStringLiteral("fail me")), 0, 1), b.ev(6, EventKind::Started, 3),
                  b.ev(7, EventKind::Suspended, 3, get, net), b.ev(50, EventKind::Resumed, 3),
                  b.ev(52, EventKind::Finished, 3, boom, quint8(trace::FinishStatus::Error)),
                  b.ev(60, EventKind::Resumed, 2),
                  b.ev(61, EventKind::Finished, 2, 0, quint8(trace::FinishStatus::Cancelled))});
        TimelineModel model;
        model.setTrace(&b.trace);
        const auto *cancelled = model.taskLane(2);
        QCOMPARE(cancelled->spans.size(), std::size_t(3));
        QCOMPARE(cancelled->spans[0].state, SpanState::Running);
        // Until the cancellation arrives (at 60) the wait is an ordinary network wait; how it
        // ended is a mark at that moment, and the unwinding after it ran.
        QCOMPARE(cancelled->spans[1].state, SpanState::Suspended);
        QCOMPARE(cancelled->spans[1].reason, trace::SuspendReason::Network);
        QCOMPARE(cancelled->spans[1].ending, SpanEnding::Cancelled);
        QCOMPARE(cancelled->spans[2].state, SpanState::Running);
        QCOMPARE(cancelled->markers.back().kind, MarkerKind::Cancelled);
        QCOMPARE(cancelled->markers.back().timeNs, qint64(60));
        QCOMPARE(model.indexOfTask(2).data(TimelineModel::StatusRole).toString(), QStringLiteral("cancelled"));

        const auto *failed = model.taskLane(3);
        QCOMPARE(failed->spans.back().state, SpanState::Failed);
        QCOMPARE(failed->spans[1].state, SpanState::Suspended);
        QCOMPARE(failed->markers.back().kind, MarkerKind::Error);
        QCOMPARE(b.trace.string(failed->markers.back().label), QStringLiteral("HTTP 500"));
        QVERIFY(model.indexOfTask(3).data(Qt::ToolTipRole).toString().contains(QStringLiteral("HTTP 500")));
        // The root is still running: its last span is open and reaches the newest time.
        const auto *root = model.taskLane(1);
        QVERIFY(root->spans.back().isOpen());
        QCOMPARE(root->spans.back().end(model.endNs()), qint64(61));
        QCOMPARE(model.indexOfTask(1).data(TimelineModel::StatusRole).toString(), QStringLiteral("running"));
    }

    void newLanesAreAnnouncedOneBlockPerParent()
    {
        TraceBuilder b;
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTrace(&b.trace);
        auto [f1, c1] = b.append(
            {b.ev(0, EventKind::Created, 1, b.s(QStringLiteral("main"))), b.ev(1, EventKind::Started, 1)});
        model.update(f1, c1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        std::vector<Event> batch;
        for (trace::TaskId id = 2; id < 102; ++id) {
            batch.push_back(b.ev(qint64(id) * 10, EventKind::Created, id, b.s(QStringLiteral("child")), 0, 1));
            batch.push_back(b.ev(qint64(id) * 10 + 1, EventKind::Started, id));
        }
        auto [f2, c2] = b.append(batch);
        model.update(f2, c2);
        QCOMPARE(inserted.count(), 1);
        const auto parent = inserted.first().at(0).value<QModelIndex>();
        QCOMPARE(parent, model.indexOfTask(1));
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 99);
        QCOMPARE(model.rowCount(model.indexOfTask(1)), 100);
    }

    void countersAreStepPointsInTimeOrder()
    {
        TraceBuilder b;
        const auto permits = b.s(trace::counters::permitsInUse(QStringLiteral("db")));
        TimelineModel model;
        model.setTrace(&b.trace);
        auto [f1, c1] = b.append(
            {b.ev(10, EventKind::Counter, 0, permits, 0, 1), b.ev(20, EventKind::Counter, 0, permits, 0, 3)});
        model.update(f1, c1);
        auto [f2, c2] = b.append(
            {b.ev(15, EventKind::Counter, 0, permits, 0, 2, 1), b.ev(30, EventKind::Counter, 0, permits, 0, 0)});
        model.update(f2, c2);
        const Lane *counter = nullptr;
        for (const auto *lane : model.lanes()) {
            if (lane->kind == LaneKind::Counter)
                counter = lane;
        }
        QVERIFY(counter);
        QCOMPARE(counter->title, QStringLiteral("db permits in use"));
        QCOMPARE(counter->parent->title, QStringLiteral("Counters"));
        QCOMPARE(counter->points.size(), std::size_t(4));
        for (std::size_t i = 1; i < counter->points.size(); ++i)
            QVERIFY(counter->points[i - 1].timeNs <= counter->points[i].timeNs);
        QCOMPARE(counter->points[1].value, 2.0);
        QCOMPARE(counter->maxValue, 3.0);
        QCOMPARE(pointAtOrBefore(counter->points, 25), qsizetype(2));
        QCOMPARE(pointAtOrBefore(counter->points, 5), qsizetype(-1));
    }

    void clearingTheTraceEmptiesTheModel()
    {
        TraceBuilder b;
        b.append({b.ev(0, EventKind::Created, 1, b.s(QStringLiteral("main"))), b.ev(1, EventKind::Started, 1)});
        TimelineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTrace(&b.trace);
        QVERIFY(model.rowCount() > 0);
        model.setTrace(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.taskLane(1));
        model.update(0, 10); // harmless without a trace
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTimelineModel)
#include "tst_timelinemodel.moc"
