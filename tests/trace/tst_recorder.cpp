// SPDX-License-Identifier: GPL-3.0-or-later
// The recorder is on the path of every await: events from many threads, drained while they are
// being recorded, must arrive once each, in time order, with their strings and locations.
#include "trace/recorder.h"
#include "trace/trace.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <map>
#include <thread>
#include <vector>

using namespace coroscope::trace;

class TestRecorder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drainedEventsKeepTheirStringsAndLocations();
    void recordAtKeepsTheGivenTime();
    void drainingTwiceNeverRepeatsAnEvent();
    void concurrentRecordersAndDrainLoseNothing();
    void stringsInternedDuringADrainKeepTheirText();
    void threadsAreNamedAfterTheirQThread();
};

void TestRecorder::drainedEventsKeepTheirStringsAndLocations()
{
    Recorder recorder;
    Trace trace;
    trace.addString(QStringLiteral("already here")); // ids in the trace differ from the recorder's
    const auto where = std::source_location::current();
    recorder.created(7, 0, QStringLiteral("fetch"), where);
    recorder.suspended(7, SuspendReason::Network, QStringLiteral("GET /delay/200"), where);
    recorder.finished(7, FinishStatus::Error, QStringLiteral("HTTP 503"));

    const auto drained = recorder.drainInto(trace);
    QCOMPARE(drained.added, 3);
    QCOMPARE(drained.firstChanged, 0);
    const auto &events = trace.events();
    QCOMPARE(events[0].kind, EventKind::Created);
    QCOMPARE(trace.string(events[0].label), QStringLiteral("fetch"));
    QCOMPARE(trace.location(events[0].location).line, int(where.line()));
    QCOMPARE(events[1].reason(), SuspendReason::Network);
    QCOMPARE(trace.string(events[1].label), QStringLiteral("GET /delay/200"));
    QCOMPARE(events[2].status(), FinishStatus::Error);
    QCOMPARE(trace.string(events[2].label), QStringLiteral("HTTP 503"));
    QVERIFY(events[0].timeNs <= events[1].timeNs && events[1].timeNs <= events[2].timeNs);
}

void TestRecorder::recordAtKeepsTheGivenTime()
{
    Recorder recorder;
    Trace trace;
    recorder.recordAt(2'000, EventKind::Mark, 1);
    recorder.recordAt(0, EventKind::Mark, 2);
    recorder.recordAt(1'000, EventKind::Mark, 3);
    recorder.drainInto(trace);
    QCOMPARE(trace.events().size(), 3u);
    QCOMPARE(trace.events()[0].timeNs, 0);
    QCOMPARE(trace.events()[0].task, TaskId(2));
    QCOMPARE(trace.events()[1].timeNs, 1'000);
    QCOMPARE(trace.events()[2].timeNs, 2'000);
}

void TestRecorder::drainingTwiceNeverRepeatsAnEvent()
{
    Recorder recorder;
    Trace trace;
    // More than one storage chunk, so draining crosses chunk boundaries.
    for (int i = 0; i < 10'000; ++i)
        recorder.record(EventKind::Resumed, TaskId(i + 1));
    QCOMPARE(recorder.drainInto(trace).added, 10'000);
    QCOMPARE(recorder.drainInto(trace).added, 0);
    recorder.record(EventKind::Resumed, 10'001);
    QCOMPARE(recorder.drainInto(trace).added, 1);
    QCOMPARE(trace.events().size(), 10'001u);
    for (std::size_t i = 0; i < trace.events().size(); ++i)
        QCOMPARE(trace.events()[i].task, TaskId(i + 1));
}

void TestRecorder::concurrentRecordersAndDrainLoseNothing()
{
    constexpr int threads = 3;
    constexpr int perThread = 200'000; // dozens of storage chunks each
    Recorder recorder;
    Trace trace;
    std::atomic<int> running{threads};
    std::atomic<int> drains{0};
    // The drain runs on its own thread for as long as anybody records, as the live view does.
    std::thread drainer([&] {
        do {
            recorder.drainInto(trace);
            drains.fetch_add(1);
        } while (running.load() > 0);
    });
    while (drains.load() == 0)
        std::this_thread::yield();
    std::vector<std::thread> recorders;
    for (int t = 0; t < threads; ++t) {
        recorders.emplace_back([&, t] {
            // The event's value numbers it within its thread; the task says which thread.
            for (int i = 0; i < perThread; ++i)
                recorder.record(EventKind::Mark, TaskId(t + 1), 0, 0, 0, double(i));
            running.fetch_sub(1);
        });
    }
    for (auto &thread : recorders)
        thread.join();
    drainer.join();
    recorder.drainInto(trace);

    QCOMPARE(trace.events().size(), std::size_t(threads) * perThread);
    QVERIFY(std::is_sorted(trace.events().begin(), trace.events().end(),
                           [](const Event &a, const Event &b) { return a.timeNs < b.timeNs; }));
    // Each thread's events, in the order it recorded them, every one exactly once.
    std::map<TaskId, double> next;
    for (const auto &event : trace.events()) {
        auto &expected = next[event.task];
        if (event.value != expected)
            QFAIL(qPrintable(
                QStringLiteral("thread %1: event %2 where %3 was due").arg(event.task).arg(event.value).arg(expected)));
        expected += 1;
    }
    QCOMPARE(next.size(), std::size_t(threads));
    for (const auto &[task, count] : next)
        QCOMPARE(count, double(perThread));
    qInfo("drained %d times while recording", drains.load());
}

void TestRecorder::stringsInternedDuringADrainKeepTheirText()
{
    // Every mark has a text never seen before, so each one interns a new string while the
    // drainer may be between reading the string table and taking the events. A drain that
    // translated the tables before taking the events once gave 2 of 100 tasks a wrong name.
    constexpr int threads = 2;
    constexpr int perThread = 20'000;
    Recorder recorder;
    Trace trace;
    std::atomic<int> running{threads};
    std::thread drainer([&] {
        do {
            recorder.drainInto(trace);
        } while (running.load() > 0);
    });
    std::vector<std::thread> recorders;
    for (int t = 0; t < threads; ++t) {
        recorders.emplace_back([&, t] {
            for (int i = 0; i < perThread; ++i)
                recorder.mark(TaskId(t + 1), QStringLiteral("mark %1 %2").arg(t + 1).arg(i));
            running.fetch_sub(1);
        });
    }
    for (auto &thread : recorders)
        thread.join();
    drainer.join();
    recorder.drainInto(trace);

    QCOMPARE(trace.events().size(), std::size_t(threads) * perThread);
    std::map<TaskId, int> next;
    for (const auto &event : trace.events()) {
        auto &expected = next[event.task];
        const QString text = trace.string(event.label);
        if (text != QStringLiteral("mark %1 %2").arg(event.task).arg(expected))
            QFAIL(qPrintable(QStringLiteral("thread %1, mark %2 reads \"%3\"").arg(event.task).arg(expected).arg(text)));
        ++expected;
    }
}

void TestRecorder::threadsAreNamedAfterTheirQThread()
{
    Recorder recorder;
    Trace trace;
    recorder.record(EventKind::Mark, 1);
    QThread worker;
    worker.setObjectName(QStringLiteral("pattern loop"));
    QObject::connect(
        &worker, &QThread::started, &worker,
        [&] {
            recorder.record(EventKind::Mark, 2);
            worker.quit();
        },
        Qt::DirectConnection);
    worker.start();
    QVERIFY(worker.wait(10'000));
    recorder.drainInto(trace);
    QCOMPARE(trace.threadCount(), 2);
    const auto onWorker = std::find_if(trace.events().begin(), trace.events().end(),
                                       [](const Event &event) { return event.task == 2; });
    QVERIFY(onWorker != trace.events().end());
    QCOMPARE(trace.threadName(onWorker->thread), QStringLiteral("pattern loop"));
}

QTEST_GUILESS_MAIN(TestRecorder)
#include "tst_recorder.moc"
