// SPDX-License-Identifier: GPL-3.0-or-later
// The awaitable database: bulk insert throughput (one transaction vs one commit per row, and a
// plain QSqlQuery loop for reference) and the memory a stream needs as the row count grows.
#include "async/spawn.h"
#include "io/database.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <benchmark/benchmark.h>
#include <ctime>
#include <memory>

using namespace coroscope;
using namespace coroscope::io;

namespace {

// Runs a coroutine to its end from the benchmark thread (no recorder: untraced).
template<async::TaskFactory F>
async::FactoryResult<F> runToEnd(F factory)
{
    auto task = async::spawnRoot(nullptr, QStringLiteral("bench"), std::move(factory));
    async::waitUntilDone(*task.state());
    return async::TaskHandle<async::FactoryResult<F>>::takeResult(*task.state());
}

const QList<QVariantList> &benchRows(int count)
{
    static QList<QVariantList> rows;
    if (rows.size() != count) {
        rows.clear();
        rows.reserve(count);
        for (int i = 1; i <= count; ++i)
            rows.append({i, QStringLiteral("row number %1").arg(i), i * 0.5});
    }
    return rows;
}

const QStringList &benchColumns()
{
    static const QStringList columns{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("value")};
    return columns;
}

const QString createTable = QStringLiteral("CREATE TABLE numbers (id INTEGER PRIMARY KEY, name TEXT, value REAL)");

// Kilobytes from a line of /proc/self/status ("VmHWM:   12345 kB").
qint64 statusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const auto &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Resets VmHWM to the current RSS (Linux: "5" in clear_refs), so a peak can be measured per run.
bool resetPeakRss()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

// CPU seconds used by the whole process: while a bulk insert runs, the benchmark thread sleeps
// in its event loop, so this is the worker's CPU time, which a busy shared machine does not inflate.
double processCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// Arguments: rows, unsafeFastWrites (0/1).
void insertBenchmark(benchmark::State &state, BulkMode mode)
{
    const int count = int(state.range(0));
    DatabaseOptions options;
    options.unsafeFastWrites = state.range(1) != 0;
    const auto &rows = benchRows(count);
    double cpuSeconds = 0;
    for (auto _ : state) {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("bench.db")), options);
        if (!db.isOpen()) {
            state.SkipWithError(qPrintable(db.errorString()));
            return;
        }
        runToEnd([db]() -> QCoro::Task<void> { co_await db.execute(createTable); });
        QElapsedTimer clock;
        clock.start();
        const double cpuBefore = processCpuSeconds();
        const qint64 inserted = runToEnd([db, &rows, mode]() -> QCoro::Task<qint64> {
            co_return co_await db.bulkInsert(QStringLiteral("numbers"), benchColumns(), rows, mode);
        });
        cpuSeconds += processCpuSeconds() - cpuBefore;
        state.SetIterationTime(double(clock.nsecsElapsed()) / 1e9);
        if (inserted != count) {
            state.SkipWithError("wrong row count");
            return;
        }
    }
    state.counters["rows/s"] = benchmark::Counter(double(count), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["rows/CPU-s"] = double(count) * double(state.iterations()) / cpuSeconds;
}

void BM_DatabaseBulkInsert(benchmark::State &state)
{
    insertBenchmark(state, BulkMode::OneTransaction);
}
BENCHMARK(BM_DatabaseBulkInsert)
    ->ArgNames({"rows", "unsafeFastWrites"})
    ->Args({1000000, 0})
    ->Args({1000000, 1})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

void BM_DatabaseCommitPerRow(benchmark::State &state)
{
    insertBenchmark(state, BulkMode::CommitPerRow);
}
BENCHMARK(BM_DatabaseCommitPerRow)
    ->ArgNames({"rows", "unsafeFastWrites"})
    ->Args({2000, 0})
    ->Args({2000, 1})
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3);

// The reference the bulk path is measured against: a prepared QSqlQuery loop in one
// transaction, on the same kind of file and with the same pragmas (WAL, synchronous=NORMAL).
void BM_QSqlQueryInsertLoop(benchmark::State &state)
{
    const int count = int(state.range(0));
    const auto &rows = benchRows(count);
    for (auto _ : state) {
        QTemporaryDir dir;
        {
            auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench-qsqlquery"));
            db.setDatabaseName(dir.filePath(QStringLiteral("plain.db")));
            db.open();
            QSqlQuery setup(db);
            setup.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
            setup.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
            setup.exec(createTable);
            QElapsedTimer clock;
            clock.start();
            const double cpuBefore = processCpuSeconds();
            db.transaction();
            QSqlQuery insert(db);
            insert.prepare(QStringLiteral("INSERT INTO numbers (id, name, value) VALUES (?, ?, ?)"));
            for (const auto &row : rows) {
                insert.bindValue(0, row[0]);
                insert.bindValue(1, row[1]);
                insert.bindValue(2, row[2]);
                insert.exec();
            }
            db.commit();
            state.SetIterationTime(double(clock.nsecsElapsed()) / 1e9);
            state.counters["rows/CPU-s"] = double(count) / (processCpuSeconds() - cpuBefore);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bench-qsqlquery"));
    }
    state.counters["rows/s"] = benchmark::Counter(double(count), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_QSqlQueryInsertLoop)
    ->ArgNames({"rows"})
    ->Arg(1000000)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// A file with a million rows, made once by SQLite itself so that building it costs no memory here.
const QString &streamSource()
{
    static QTemporaryDir dir;
    static const QString path = [] {
        const QString file = dir.filePath(QStringLiteral("stream.db"));
        auto db = Database::open(file);
        runToEnd([db]() -> QCoro::Task<void> {
            co_await db.execute(createTable);
            co_await db.execute(
                QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) "
                               "INSERT INTO numbers (id, name, value) SELECT x, 'row number ' || x, x * 0.5 FROM c"));
        });
        return file;
    }();
    return path;
}

// Arguments: rows; streamed (1: pages of 1000) or all at once (0: one query). Reports how far
// the process's peak RSS rose above its RSS before the read.
void BM_DatabaseReadMemory(benchmark::State &state)
{
    const int count = int(state.range(0));
    const bool streamed = state.range(1) != 0;
    auto db = Database::open(streamSource());
    qint64 peakGrowthKb = 0;
    for (auto _ : state) {
        if (!resetPeakRss()) {
            state.SkipWithError("cannot reset VmHWM through /proc/self/clear_refs");
            return;
        }
        const qint64 before = statusKb("VmRSS");
        const qint64 sum = runToEnd([db, count, streamed]() -> QCoro::Task<qint64> {
            const QString sql = QStringLiteral("SELECT id, name, value FROM numbers WHERE id <= ? ORDER BY id");
            qint64 total = 0;
            if (streamed) {
                auto pages = db.stream(sql, {count}, 1000);
                for (auto it = co_await pages.begin(); it != pages.end(); co_await ++it) {
                    for (const auto &row : (*it).rows)
                        total += row.at(0).toLongLong();
                }
            } else {
                const auto rows = co_await db.query(sql, count);
                for (const auto &row : rows.rows)
                    total += row.at(0).toLongLong();
            }
            co_return total;
        });
        peakGrowthKb = std::max(peakGrowthKb, statusKb("VmHWM") - before);
        if (sum != qint64(count) * (count + 1) / 2) {
            state.SkipWithError("wrong rows");
            return;
        }
    }
    state.counters["rows/s"] = benchmark::Counter(double(count), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["peak RSS growth MB"] = double(peakGrowthKb) / 1024.0;
}
BENCHMARK(BM_DatabaseReadMemory)
    ->ArgNames({"rows", "streamed"})
    ->Args({100000, 1})
    ->Args({1000000, 1})
    ->Args({100000, 0})
    ->Args({1000000, 0})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2);

} // namespace
