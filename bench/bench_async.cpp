// SPDX-License-Identifier: GPL-3.0-or-later
// The toolkit's overhead: what a traced task and a gather child cost.
#include "async/gather.h"
#include "async/sleep.h"
#include "async/spawn.h"
#include "trace/recorder.h"

#include <QCoreApplication>

#include <benchmark/benchmark.h>

using namespace coroscope;
using namespace coroscope::async;
using namespace std::chrono_literals;

namespace {

QCoro::Task<int> child(int value)
{
    co_await sleep(0ms); // one real suspension through the shared deadline timer
    co_return value;
}

QCoro::Task<long long> gatherChildren(int count)
{
    std::vector<TaskHandle<int>> handles;
    handles.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i)
        handles.push_back(spawn(QStringLiteral("child"), [i] { return child(i); }));
    const auto values = co_await gather(std::move(handles));
    long long sum = 0;
    for (const auto value : values)
        sum += value;
    co_return sum;
}

// ns per gather child for 10,000 children: spawn, trace (created, started, suspended, resumed,
// finished), one timer suspension each, join, collect.
void BM_GatherChildren(benchmark::State &state)
{
    const int count = int(state.range(0));
    for (auto _ : state) {
        auto recorder = std::make_shared<trace::Recorder>();
        auto root = spawnRoot(recorder, QStringLiteral("main"), [count] { return gatherChildren(count); });
        waitUntilDone(*root.state());
        benchmark::DoNotOptimize(TaskHandle<long long>::takeResult(*root.state()));
    }
    state.SetItemsProcessed(state.iterations() * count);
    state.counters["ns/child"] = benchmark::Counter(double(count) * double(state.iterations()),
                                                    benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_GatherChildren)->Arg(10'000)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same without any recorder: the toolkit's own cost, tracing excluded.
void BM_GatherChildrenUntraced(benchmark::State &state)
{
    const int count = int(state.range(0));
    for (auto _ : state) {
        auto root = spawnRoot(nullptr, QStringLiteral("main"), [count] { return gatherChildren(count); });
        waitUntilDone(*root.state());
        benchmark::DoNotOptimize(TaskHandle<long long>::takeResult(*root.state()));
    }
    state.counters["ns/child"] = benchmark::Counter(double(count) * double(state.iterations()),
                                                    benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_GatherChildrenUntraced)->Arg(10'000)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace
