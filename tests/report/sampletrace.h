// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Hand-recorded traces for the report tests: every event at a fixed time, so exports can be
// compared exactly, with the awkward cases in them (markup and CSV specials in labels, an
// error, a cancellation, a suspension on another thread, counters, marks outside any task).

#include "trace/counters.h"
#include "trace/recorder.h"
#include "trace/trace.h"

#include <source_location>
#include <thread>

namespace coroscope::testing {

inline QString hostileLabel()
{
    return QStringLiteral("<script>alert(1)</script> \"quoted\" & 'single', comma\nnewline");
}

inline constexpr qint64 Ms = 1'000'000;

inline trace::Trace sampleTrace(bool finishRun = true)
{
    using namespace coroscope::trace;
    Recorder r;
    const auto here = [&r](std::source_location where = std::source_location::current()) { return r.intern(where); };
    const TaskId main = r.newTaskId();
    const TaskId user = r.newTaskId();
    const TaskId orders = r.newTaskId();
    const TaskId slow = r.newTaskId();
    const TaskId worker = r.newTaskId();

    r.recordAt(0, EventKind::Created, main, r.intern(QStringLiteral("main")), here(), 0, 0);
    r.recordAt(0, EventKind::Started, main);
    r.recordAt(1 * Ms, EventKind::Created, user, r.intern(QStringLiteral("user")), here(), 0, main);
    r.recordAt(1 * Ms, EventKind::Started, user);
    r.recordAt(1 * Ms + 100, EventKind::Created, orders, r.intern(QStringLiteral("orders")), here(), 0, main);
    r.recordAt(1 * Ms + 100, EventKind::Started, orders);
    r.recordAt(1 * Ms + 200, EventKind::Created, slow, r.intern(QStringLiteral("slow <b>timer</b>")), here(), 0, main);
    r.recordAt(1 * Ms + 200, EventKind::Started, slow);
    r.recordAt(1 * Ms + 300, EventKind::Suspended, main, r.intern(QStringLiteral("gather of 3")), here(),
               quint8(SuspendReason::ChildJoin));
    r.recordAt(1 * Ms + 400, EventKind::Suspended, user, r.intern(QStringLiteral("GET /user?id=1&x=<2>")), here(),
               quint8(SuspendReason::Network));
    r.recordAt(1 * Ms + 500, EventKind::Suspended, orders, r.intern(QStringLiteral("SELECT * FROM orders")), here(),
               quint8(SuspendReason::Database));
    r.recordAt(1 * Ms + 600, EventKind::Suspended, slow, r.intern(QStringLiteral("sleep 10 ms")), here(),
               quint8(SuspendReason::Timer));
    r.recordAt(2 * Ms, EventKind::Counter, 0, r.intern(counters::requestsInFlight()), 0, 0, 1);
    r.recordAt(2 * Ms + 1, EventKind::Counter, 0, r.intern(counters::loopLagMs()), 0, 0, 0.25);
    r.recordAt(2 * Ms + 500, EventKind::Mark, user, r.intern(hostileLabel()));
    r.recordAt(3 * Ms, EventKind::Resumed, orders);
    r.recordAt(3 * Ms + 500, EventKind::Finished, orders, r.intern(QStringLiteral("orders down: \"bad\" <gateway>")), 0,
               quint8(FinishStatus::Error));
    r.recordAt(4 * Ms, EventKind::Counter, 0, r.intern(counters::loopLagMs()), 0, 0, 3.5);
    r.recordAt(4 * Ms + 1, EventKind::Counter, 0, r.intern(counters::requestsInFlight()), 0, 0, 2);
    r.recordAt(5 * Ms, EventKind::Resumed, user);
    r.recordAt(5 * Ms + 10, EventKind::Created, worker, r.intern(QStringLiteral("worker")), here(), 0, user);
    r.recordAt(5 * Ms + 10, EventKind::Started, worker);
    // A suspension recorded on another OS thread: the trace must keep the thread table.
    std::thread([&] {
        r.recordAt(5 * Ms + 100'000, EventKind::Suspended, worker, r.intern(QStringLiteral("pool job")), 0,
                   quint8(SuspendReason::ThreadPool));
        r.recordAt(5 * Ms + 900'000, EventKind::Resumed, worker);
    }).join();
    r.recordAt(6 * Ms, EventKind::Finished, worker, 0, 0, quint8(FinishStatus::Ok));
    r.recordAt(6 * Ms + 10, EventKind::Finished, user, 0, 0, quint8(FinishStatus::Ok));
    r.recordAt(6 * Ms + 20, EventKind::Counter, 0, r.intern(counters::requestsInFlight()), 0, 0, 0);
    if (finishRun) {
        r.recordAt(7 * Ms, EventKind::Resumed, slow);
        r.recordAt(7 * Ms + 5, EventKind::Finished, slow, r.intern(QStringLiteral("the run ended")), 0,
                   quint8(FinishStatus::Cancelled));
        r.recordAt(7 * Ms + 10, EventKind::Resumed, main);
        r.recordAt(7 * Ms + 20, EventKind::Mark, 0, r.intern(QStringLiteral("run ended, cleanup")));
        r.recordAt(8 * Ms, EventKind::Finished, main, 0, 0, quint8(FinishStatus::Ok));
    } else {
        r.recordAt(7 * Ms, EventKind::Mark, 0, r.intern(QStringLiteral("stopped while running")));
    }
    Trace trace;
    r.drainInto(trace);
    return trace;
}

// A long trace for the big-input paths: `tasks` tasks, each suspended and resumed `rounds` times.
inline trace::Trace manyEventsTrace(int tasks, int rounds)
{
    using namespace coroscope::trace;
    Recorder r;
    const auto where = r.intern(std::source_location::current());
    const auto network = r.intern(QStringLiteral("GET /delay/1"));
    const auto lag = r.intern(counters::loopLagMs());
    r.recordAt(0, EventKind::Created, 1, r.intern(QStringLiteral("main")), where, 0, 0);
    r.recordAt(0, EventKind::Started, 1);
    qint64 t = 10;
    for (int i = 0; i < tasks; ++i) {
        const TaskId id = TaskId(2 + i);
        r.recordAt(t, EventKind::Created, id, r.intern(QStringLiteral("task %1").arg(i)), where, 0, 1);
        r.recordAt(t, EventKind::Started, id);
        for (int k = 0; k < rounds; ++k) {
            r.recordAt(t += 100, EventKind::Suspended, id, network, where, quint8(SuspendReason::Network));
            r.recordAt(t += 900, EventKind::Resumed, id);
        }
        r.recordAt(t += 10, EventKind::Finished, id, 0, 0, 0);
        r.recordAt(t, EventKind::Counter, 0, lag, 0, 0, double(i % 17) / 4);
    }
    r.recordAt(t += 10, EventKind::Finished, 1, 0, 0, 0);
    Trace trace;
    r.drainInto(trace);
    return trace;
}

} // namespace coroscope::testing
