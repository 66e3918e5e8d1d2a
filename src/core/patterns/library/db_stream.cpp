// SPDX-License-Identifier: GPL-3.0-or-later
// Streaming a large result page by page, against loading every row before looking at the first.
#include "async/spawn.h"
#include "async/threadpool.h"
#include "io/database.h"
#include "patterns/pattern.h"

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
    co_await db.execute(
        QStringLiteral("CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, amount REAL NOT NULL)"));
    auto makeRows = [count] {
        const QStringList kinds{QStringLiteral("view"), QStringLiteral("click"), QStringLiteral("cart"),
                                QStringLiteral("buy")};
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

} // namespace

QCoro::Task<RunOutcome> runDbStream(const PatternContext &context)
{
    const int rowCount = context.integer(QStringLiteral("rows"));
    const int pageSize = context.integer(QStringLiteral("page_size"));

    QTemporaryDir scratch(QDir(context.environment().scratchDir).filePath(QStringLiteral("db-stream-XXXXXX")));
    if (!scratch.isValid())
        throw Error(ErrorKind::Database,
                    QStringLiteral("cannot create a scratch directory: %1").arg(scratch.errorString()));
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

    co_return RunOutcome{
        RunStatus::Ok, QStringLiteral("load-all held %1 rows at once, the stream at most %2; same total both ways: %3")
                           .arg(all.mostRowsHeld)
                           .arg(streamed.mostRowsHeld)
                           .arg(qFuzzyCompare(all.total, streamed.total) ? QStringLiteral("yes") : QStringLiteral("no"))};
}

} // namespace coroscope::patterns
