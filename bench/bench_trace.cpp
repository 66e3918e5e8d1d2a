// SPDX-License-Identifier: GPL-3.0-or-later
// The cost of recording: what every suspension and resumption pays.
#include "trace/recorder.h"
#include "trace/trace.h"

#include <benchmark/benchmark.h>
#include <source_location>
#include <thread>
#include <vector>

using namespace coroscope::trace;

namespace {

// One event with interned ids: the hot path of every toolkit await (resumed, started, finished).
// As in a live run, the recorder is drained now and then (every 64k events, outside the timed
// part), so recording goes into recycled memory rather than pages touched for the first time.
void BM_RecordEvent(benchmark::State &state)
{
    // Shared by every run and thread of this benchmark, and created once, thread-safely: the
    // threads of a run start recording before thread 0 could hand them a fresh one.
    static Recorder *const recorder = new Recorder;
    static Trace *const trace = new Trace;
    const auto label = recorder->intern(QStringLiteral("GET /delay/200"));
    std::size_t recorded = 0;
    for (auto _ : state) {
        recorder->record(EventKind::Resumed, TaskId(state.thread_index() + 1), label);
        if ((++recorded & 0xffff) == 0 && state.thread_index() == 0) [[unlikely]] {
            state.PauseTiming();
            recorder->drainInto(*trace);
            trace->clear();
            state.ResumeTiming();
        }
    }
    state.SetItemsProcessed(state.iterations());
    if (state.thread_index() == 0) {
        recorder->drainInto(*trace);
        trace->clear();
        state.counters["bytes/event"] = double(sizeof(Event));
    }
}
BENCHMARK(BM_RecordEvent)->Threads(1)->Threads(2);

// A suspension as the toolkit records it: the label string and the co_await's location interned.
void BM_RecordSuspension(benchmark::State &state)
{
    Recorder recorder;
    const auto label = QStringLiteral("semaphore#1 (3/5 in use)");
    for (auto _ : state)
        recorder.suspended(1, SuspendReason::Semaphore, label, std::source_location::current());
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RecordSuspension);

// Memory actually held per stored event once drained into a trace (a million events).
void BM_StoredBytesPerEvent(benchmark::State &state)
{
    for (auto _ : state) {
        Recorder recorder;
        const auto label = recorder.intern(QStringLiteral("GET /delay/200"));
        constexpr int count = 1'000'000;
        for (int i = 0; i < count; ++i)
            recorder.record(i % 2 ? EventKind::Suspended : EventKind::Resumed, TaskId(i % 1000 + 1), label);
        Trace trace;
        recorder.drainInto(trace);
        state.counters["bytes/event"] = double(trace.events().capacity() * sizeof(Event)) / count;
        benchmark::DoNotOptimize(trace.events().data());
    }
}
BENCHMARK(BM_StoredBytesPerEvent)->Unit(benchmark::kMillisecond)->Iterations(3);

// Draining for the live view: events moved per second into the trace.
void BM_Drain(benchmark::State &state)
{
    Recorder recorder;
    Trace trace;
    const auto label = recorder.intern(QStringLiteral("sleep 1 ms"));
    for (auto _ : state) {
        state.PauseTiming();
        for (int i = 0; i < 10'000; ++i)
            recorder.record(EventKind::Resumed, 1, label);
        state.ResumeTiming();
        recorder.drainInto(trace);
    }
    state.SetItemsProcessed(state.iterations() * 10'000);
}
BENCHMARK(BM_Drain);

} // namespace
