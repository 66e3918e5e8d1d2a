// SPDX-License-Identifier: GPL-3.0-or-later
// Streaming a large result page by page, against loading every row before looking at the first.
#include "async/spawn.h"
#include "async/threadpool.h"
#include "io/database.h"
#include "patterns/library.h"

#include <QDir>
#include <QTemporaryDir>

#include <algorithm>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::Database;
using coroscope::io::Rows;

QString rowsHeld()
{
    return QStringLiteral("rows held in memory");
}

// What one way of reading achieved: the sum of the amounts, and the most rows it held at once.
struct Pass {
    double total = 0;
    qsizetype mostRowsHeld = 0;
};

double addUp(const Rows &rows)
{
    double sum = 0;
    for (const auto &row : rows.rows)
        sum += row.at(1).toDouble();
    return sum;
}

// A big table to read back, in a throwaway database. Building the rows is CPU work, so it goes to
// the thread pool; writing them is one bulk insert in one transaction.
QCoro::Task<qint64> createEvents(Database db, int count)
{
    co_await db.execute(QStringLiteral("CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, amount REAL NOT NULL)"));
    auto makeRows = [count] {
        const QStringList kinds{QStringLiteral("view"), QStringLiteral("click"), QStringLiteral("cart"), QStringLiteral("buy")};
        QList<QVariantList> rows;
        rows.reserve(count);
        for (int id = 1; id <= count; ++id)
            rows.append(QVariantList{id, kinds.at(id % kinds.size()), (id % 1000) / 100.0});
        return rows;
    };
    auto rows = co_await runInThreadPool(makeRows, QStringLiteral("make rows"));
    const QStringList columns{QStringLiteral("id"), QStringLiteral("kind"), QStringLiteral("amount")};
    co_return co_await db.bulkInsert(QStringLiteral("events"), columns, std::move(rows));
}

// Bad for big results: every row is in memory before the first one is looked at.
QCoro::Task<Pass> loadAll(Database db)
{
    Pass pass;
    {
        const auto rows = co_await db.query(QStringLiteral("SELECT id, amount FROM events ORDER BY id"));
        recordCounter(rowsHeld(), double(rows.size()));
        pass.mostRowsHeld = rows.size();
        pass.total = addUp(rows);
    }
    recordCounter(rowsHeld(), 0);
    co_return pass;
}

// Good: one page at a time. The next page is read only when this loop asks for it.
QCoro::Task<Pass> streamPages(Database db, int pageSize)
{
    Pass pass;
    auto pages = db.stream(QStringLiteral("SELECT id, amount FROM events ORDER BY id"), QVariantList(), pageSize);
    for (auto it = co_await pages.begin(); it != pages.end(); co_await ++it) {
        const Rows &page = *it;
        recordCounter(rowsHeld(), double(page.size()));
        pass.mostRowsHeld = std::max(pass.mostRowsHeld, page.size());
        pass.total += addUp(page);
    }
    recordCounter(rowsHeld(), 0);
    co_return pass;
}

QCoro::Task<RunOutcome> runDbStream(const PatternContext &context)
{
    const int rowCount = context.integer(QStringLiteral("rows"));
    const int pageSize = context.integer(QStringLiteral("page_size"));

    QTemporaryDir scratch(QDir(context.environment().scratchDir).filePath(QStringLiteral("db-stream-XXXXXX")));
    if (!scratch.isValid())
        throw Error(ErrorKind::Database, QStringLiteral("cannot create a scratch directory: %1").arg(scratch.errorString()));
    Database::Options options;
    options.unsafeFastWrites = true; // a throwaway file: no need to wait for the disk
    const auto db = Database::open(scratch.filePath(QStringLiteral("events.sqlite")), options);
    if (!db.isOpen())
        throw Error(ErrorKind::Database, db.errorString());

    co_await createEvents(db, rowCount);
    recordCounter(rowsHeld(), 0);

    // One after the other, so that each has the machine to itself.
    auto bad = spawn(QStringLiteral("bad: load all rows"), [db] { return loadAll(db); });
    const auto all = co_await bad.join();
    auto good = spawn(QStringLiteral("good: stream pages"), [db, pageSize] { return streamPages(db, pageSize); });
    const auto streamed = co_await good.join();

    co_return RunOutcome{RunStatus::Ok, QStringLiteral("load-all held %1 rows at once, the stream at most %2; same total both ways: %3")
                                            .arg(all.mostRowsHeld)
                                            .arg(streamed.mostRowsHeld)
                                            .arg(qFuzzyCompare(all.total, streamed.total) ? QStringLiteral("yes") : QStringLiteral("no"))};
}

} // namespace

std::unique_ptr<Pattern> makeDbStream()
{
    PatternInfo info;
    info.id = QStringLiteral("db-stream");
    info.title = QStringLiteral("Streaming a large result");
    info.category = QStringLiteral("Database");
    info.seedSection = QStringLiteral("Database Patterns: Streaming Large Results");
    info.summary = QStringLiteral("Read a big table page by page in constant memory instead of loading it whole.");
    info.explanation = QStringLiteral(
        "A query awaited in one go hands back every row at once: memory grows with the table. A stream is an "
        "async generator: each page is read from the cursor only when the loop asks for the next one, and the "
        "previous page is gone by then, so memory stays at one page however big the table is. Both passes read "
        "the same rows from a scratch table filled first with one bulk insert.");
    info.whatToLookFor = QStringLiteral(
        "The counter \"rows held in memory\": the load-all task lifts it to the whole table in one step, the "
        "stream task keeps it at one page. The load-all task has one long database suspension; the stream task "
        "a long row of short ones, one per page, each labelled with the SELECT. Before both: a thread-pool job "
        "that builds the rows and a database suspension for the bulk insert.");
    info.parameters = {
        {QStringLiteral("rows"), QStringLiteral("Rows"), ParameterSpec::Type::Integer, 200'000, 1000, 2'000'000,
         QStringLiteral("rows"), QStringLiteral("How big a table to read back")},
        {QStringLiteral("page_size"), QStringLiteral("Page size"), ParameterSpec::Type::Integer, 1000, 1, 100'000,
         QStringLiteral("rows"), QStringLiteral("How many rows the stream reads per page")},
    };
    info.sourceFile = QStringLiteral(":/patterns/library/db_stream.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/db_stream.py");
    return definePattern(std::move(info), &runDbStream);
}

} // namespace coroscope::patterns
