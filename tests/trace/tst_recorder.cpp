// SPDX-License-Identifier: GPL-3.0-or-later
// The recorder is on the path of every await: events from many threads, drained while they are
// being recorded, must arrive once each, in time order, with their strings and locations.
#include "trace/recorder.h"
#include "trace/trace.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <functional>
#include <map>
#include <thread>
#include <vector>

using namespace coroscope::trace;

namespace {

// Calls `record(thread, i)` for every i below `perThread` on `threads` threads (numbered from 1),
// while another thread drains into `trace` for as long as anybody records, as the live view does;
// then drains what is left. Returns how many drains ran while recording.
int recordWhileDraining(Recorder &recorder, Trace &trace, int threads, int perThread,
                        const std::function<void(int thread, int i)> &record)
{
    std::atomic<int> running{threads};
    std::atomic<int> drains{0};
    std::thread drainer([&] {
        do {
            recorder.drainInto(trace);
            drains.fetch_add(1);
        } while (running.load() > 0);
    });
    while (drains.load() == 0)
        std::this_thread::yield();
    std::vector<std::thread> recorders;
    for (int t = 1; t <= threads; ++t) {
        recorders.emplace_back([&, t] {
            for (int i = 0; i < perThread; ++i)
                record(t, i);
            running.fetch_sub(1);
        });
    }
    for (auto &thread : recorders)
        thread.join();
    drainer.join();
    recorder.drainInto(trace);
    return drains.load();
}

} // namespace

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
    // The event's value numbers it within its thread; the task says which thread.
    const int drains = recordWhileDraining(recorder, trace, threads, perThread, [&](int thread, int i) {
        recorder.record(EventKind::Mark, TaskId(thread), 0, 0, 0, double(i));
    });

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
    qInfo("drained %d times while recording", drains);
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
    recordWhileDraining(recorder, trace, threads, perThread, [&](int thread, int i) {
        recorder.mark(TaskId(thread), QStringLiteral("mark %1 %2").arg(thread).arg(i));
    });

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
