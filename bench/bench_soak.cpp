// SPDX-License-Identifier: GPL-3.0-or-later
// A day of class in one process: every pattern, again and again, through the window's Run
// button path (MainWindow::startRun, the live view, the history recording), as a teacher who
// leaves the app open through a three-hour workshop would. Long, so it is a benchmark:
//   COROSCOPE_SOAK_ROUNDS=100 coroscope-bench --benchmark_filter=Soak
// (one round = every pattern once; default 1). Reported: runs, their statuses, and open file
// descriptors, threads, resident memory and the heap in use at the start and the end; one line a
// round on stderr shows the curve. Resident memory alone cannot tell growth from glibc keeping
// freed pages (arenas of the many short-lived worker threads): the heap in use (mallinfo2) is
// what is live, and the history file's size is what the history was asked to keep.
#ifdef COROSCOPE_BENCH_HAS_APP

#include "app/models/environment.h"
#include "app/window/mainwindow.h"
#include "patterns/catalog.h"
#include "patterns/patternrun.h"
#include "report/history.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTimer>

#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdio>
#include <malloc.h>
#include <unistd.h>

namespace {

using namespace coroscope;

qint64 entriesIn(const char *folder)
{
    return QDir(QString::fromLatin1(folder)).entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size();
}

double residentMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const auto fields = statm.readAll().split(' ');
    return fields.size() > 1 ? double(fields[1].toLongLong()) * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0) : 0;
}

double heapInUseMiB()
{
    const auto info = mallinfo2();
    return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

// The history database with its write-ahead log, where new runs sit until a checkpoint.
double historyMiB(const QString &path)
{
    const auto bytes = QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
    return double(bytes) / (1024.0 * 1024.0);
}

// Runs the selected pattern to its end the way the Run button does; false if it did not end
// within the limit (stopped then).
bool runToTheEnd(app::MainWindow &window, int limitMs)
{
    QEventLoop loop;
    const auto connection = QObject::connect(&window, &app::MainWindow::runFinished, &loop, &QEventLoop::quit);
    bool ended = true;
    QTimer::singleShot(limitMs, &loop, [&] {
        ended = false;
        window.stopRun();
    });
    if (!window.startRun())
        return false;
    if (window.isRunning())
        loop.exec();
    QObject::disconnect(connection);
    while (window.isRunning())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return ended;
}

void BM_Soak_WorkshopDay(benchmark::State &state)
{
    const int rounds = std::max(1, qEnvironmentVariableIntValue("COROSCOPE_SOAK_ROUNDS"));
    QTemporaryDir dir;
    app::Environment environment;
    patterns::LabEnvironment::Options options;
    options.databasePath = dir.filePath(QStringLiteral("demo.sqlite"));
    environment.start(options);
    app::MainWindow window(&environment);
    window.setHistoryPath(dir.filePath(QStringLiteral("history.sqlite")));
    window.resize(1280, 720);
    window.show();
    const auto ids = patterns::Catalog::instance().ids();

    // One warm-up round: first-use allocations (fonts, thread pools, connections) are not growth.
    for (const auto &id : ids) {
        window.selectPattern(id);
        runToTheEnd(window, 120'000);
    }
    const auto fdsAtStart = entriesIn("/proc/self/fd");
    const auto threadsAtStart = entriesIn("/proc/self/task");
    const auto rssAtStart = residentMiB();
    const auto heapAtStart = heapInUseMiB();
    const auto historyAtStart = historyMiB(window.historyPath());
    const auto started = std::chrono::steady_clock::now();
    qint64 runs = 0;
    qint64 ok = 0;
    qint64 unfinished = 0;
    for (auto _ : state) {
        for (int round = 0; round < rounds; ++round) {
            for (const auto &id : ids) {
                window.selectPattern(id);
                if (!runToTheEnd(window, 120'000))
                    ++unfinished;
                ++runs;
                if (window.currentRun() && window.currentRun()->outcome().status == patterns::RunStatus::Ok)
                    ++ok;
            }
            const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
            std::fprintf(
                stderr, "soak round %d: %lld runs, %.1f min, rss %.1f MiB, heap %.1f MiB, history %.1f MiB, fds %lld, threads %lld\n",
                round + 1, static_cast<long long>(runs), elapsed.count() / 60.0, residentMiB(), heapInUseMiB(),
                historyMiB(window.historyPath()), static_cast<long long>(entriesIn("/proc/self/fd")),
                static_cast<long long>(entriesIn("/proc/self/task")));
        }
    }
    report::History history;
    history.open(window.historyPath());
    state.counters["runs"] = double(runs);
    state.counters["runs_ok"] = double(ok);
    state.counters["runs_unfinished"] = double(unfinished);
    state.counters["history_runs"] = double(history.runs().size()); // warm-up round included
    state.counters["fds_start"] = double(fdsAtStart);
    state.counters["fds_end"] = double(entriesIn("/proc/self/fd"));
    state.counters["threads_start"] = double(threadsAtStart);
    state.counters["threads_end"] = double(entriesIn("/proc/self/task"));
    state.counters["rss_start_MiB"] = rssAtStart;
    state.counters["rss_end_MiB"] = residentMiB();
    state.counters["heap_start_MiB"] = heapAtStart;
    state.counters["heap_end_MiB"] = heapInUseMiB();
    state.counters["history_start_MiB"] = historyAtStart;
    state.counters["history_end_MiB"] = historyMiB(window.historyPath());
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    state.counters["minutes"] = elapsed.count() / 60.0;
}
BENCHMARK(BM_Soak_WorkshopDay)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

} // namespace

#endif
