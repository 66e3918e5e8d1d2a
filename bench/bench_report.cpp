// SPDX-License-Identifier: GPL-3.0-or-later
// Export and import of big traces, the HTML report, and the run history's write rate.
#include "report/chrometraceexport.h"
#include "report/chrometraceimport.h"
#include "report/history.h"
#include "report/historywriter.h"
#include "report/htmlreport.h"
#include "trace/counters.h"
#include "trace/recorder.h"
#include "trace/trace.h"

#include <QBuffer>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>
#include <source_location>

using namespace coroscope;
using namespace coroscope::trace;

namespace {

// About `events` events: tasks that each suspend on the network 24 times, plus loop lag.
Trace bigTrace(int events)
{
    constexpr int rounds = 24;
    const int tasks = std::max(1, events / (2 * rounds + 4));
    Recorder r;
    const auto where = r.intern(std::source_location::current());
    const auto resource = r.intern(QStringLiteral("GET /delay/10"));
    const auto lag = r.intern(counters::loopLagMs());
    r.recordAt(0, EventKind::Created, 1, r.intern(QStringLiteral("main")), where, 0, 0);
    r.recordAt(0, EventKind::Started, 1);
    qint64 t = 0;
    for (int i = 0; i < tasks; ++i) {
        const TaskId id = TaskId(i + 2);
        r.recordAt(t += 37, EventKind::Created, id, r.intern(QStringLiteral("fetch %1").arg(i)), where, 0, 1);
        r.recordAt(t, EventKind::Started, id);
        for (int k = 0; k < rounds; ++k) {
            r.recordAt(t += 113, EventKind::Suspended, id, resource, where, quint8(SuspendReason::Network));
            r.recordAt(t += 1009, EventKind::Resumed, id);
        }
        r.recordAt(t += 7, EventKind::Finished, id, 0, 0, quint8(i % 50 == 0 ? FinishStatus::Error : FinishStatus::Ok));
        r.recordAt(t, EventKind::Counter, 0, lag, 0, 0, double(i % 13) * 0.25);
    }
    r.recordAt(t += 10, EventKind::Finished, 1, 0, 0, 0);
    Trace trace;
    r.drainInto(trace);
    return trace;
}

QByteArray exportJson(const Trace &trace)
{
    report::ReportInput input;
    input.title = QStringLiteral("benchmark");
    input.trace = &trace;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    report::writeChromeTrace(input, buffer);
    return buffer.data();
}

void BM_ExportChromeJson(benchmark::State &state)
{
    const auto trace = bigTrace(int(state.range(0)));
    qint64 bytes = 0;
    for (auto _ : state) {
        const QByteArray json = exportJson(trace);
        bytes += json.size();
        benchmark::DoNotOptimize(json.constData());
    }
    state.SetItemsProcessed(state.iterations() * qint64(trace.events().size()));
    state.SetBytesProcessed(bytes);
    state.counters["events"] = double(trace.events().size());
}
BENCHMARK(BM_ExportChromeJson)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_ImportChromeJson(benchmark::State &state)
{
    const auto trace = bigTrace(int(state.range(0)));
    const QByteArray json = exportJson(trace);
    for (auto _ : state) {
        QBuffer buffer;
        buffer.setData(json);
        buffer.open(QIODevice::ReadOnly);
        const auto result = report::importChromeTrace(buffer);
        if (!result.ok || result.trace.events().size() != trace.events().size())
            state.SkipWithError("import failed");
        benchmark::DoNotOptimize(result.trace.events().data());
    }
    state.SetItemsProcessed(state.iterations() * qint64(trace.events().size()));
    state.SetBytesProcessed(state.iterations() * json.size());
    state.counters["MB"] = double(json.size()) / 1e6;
}
BENCHMARK(BM_ImportChromeJson)->Arg(1'000'000)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_HtmlReport(benchmark::State &state)
{
    const auto trace = bigTrace(int(state.range(0)));
    report::ReportInput input;
    input.title = QStringLiteral("benchmark");
    input.code = QString(QStringLiteral("co_await sleep(10ms);\n")).repeated(60);
    input.trace = &trace;
    report::HtmlReportOptions options;
    options.maxTableRows = 1'000'000; // every event in the table
    qint64 bytes = 0;
    for (auto _ : state) {
        const QString html = report::htmlReport(input, options);
        bytes += html.size();
        benchmark::DoNotOptimize(html.constData());
    }
    state.SetItemsProcessed(state.iterations() * qint64(trace.events().size()));
    state.counters["kchars"] = double(bytes) / double(state.iterations()) / 1e3;
}
BENCHMARK(BM_HtmlReport)->Arg(10'000)->Unit(benchmark::kMillisecond);

// What recording a run into the history costs: one flush of `n` new events.
void BM_HistoryFlush(benchmark::State &state)
{
    const auto trace = bigTrace(int(state.range(0)));
    QTemporaryDir dir;
    int run = 0;
    for (auto _ : state) {
        report::HistoryWriter writer;
        writer.begin(dir.filePath(QStringLiteral("history.sqlite")),
                     {QStringLiteral("bench"), QString::number(++run), {}});
        if (!writer.flush(trace))
            state.SkipWithError("flush failed");
        writer.finish(trace, QStringLiteral("ok"), QString());
    }
    state.SetItemsProcessed(state.iterations() * qint64(trace.events().size()));
}
BENCHMARK(BM_HistoryFlush)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_HistoryLoad(benchmark::State &state)
{
    const auto trace = bigTrace(int(state.range(0)));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    qint64 id = 0;
    {
        report::HistoryWriter writer;
        writer.begin(path, {QStringLiteral("bench"), QStringLiteral("load"), {}});
        id = writer.runId();
        writer.finish(trace, QStringLiteral("ok"), QString());
    }
    report::History history;
    history.open(path);
    for (auto _ : state) {
        Trace loaded;
        if (!history.load(id, loaded))
            state.SkipWithError("load failed");
        benchmark::DoNotOptimize(loaded.events().data());
    }
    state.SetItemsProcessed(state.iterations() * qint64(trace.events().size()));
}
BENCHMARK(BM_HistoryLoad)->Arg(100'000)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace
