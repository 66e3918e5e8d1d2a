// SPDX-License-Identifier: GPL-3.0-or-later
// Bulk operations: many rows in one transaction, against a commit after every row.
#include "async/spawn.h"
#include "io/database.h"
#include "io/demodata.h"
#include "patterns/pattern.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::BulkMode;
using coroscope::io::Database;

struct Inserted {
    qint64 rows = 0;
    double seconds = 0;
    double rowsPerSecond() const { return seconds > 0 ? double(rows) / seconds : 0; }
};

// New products with ids first, first + 1, ...: the demo shop's, renumbered.
QList<QVariantList> newProducts(int first, int count)
{
    QList<QVariantList> rows;
    rows.reserve(count);
    for (int id = first; id < first + count; ++id) {
        const auto product = io::demo::product((id - 1) % io::demo::productCount + 1);
        rows.append(QVariantList{id, product.name, product.category, product.price});
    }
    return rows;
}

QCoro::Task<Inserted> createProducts(Database db, QList<QVariantList> rows, BulkMode mode)
{
    const QStringList columns{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("category"),
                              QStringLiteral("price")};
    QElapsedTimer clock;
    clock.start();
    Inserted inserted;
    inserted.rows = co_await db.bulkInsert(QStringLiteral("products"), columns, std::move(rows), mode);
    inserted.seconds = double(clock.nsecsElapsed()) / 1e9;
    mark(QStringLiteral("%1 rows in %2 ms: %3 rows/s")
             .arg(inserted.rows)
             .arg(inserted.seconds * 1000, 0, 'f', 0)
             .arg(inserted.rowsPerSecond(), 0, 'f', 0));
    co_return inserted;
}

} // namespace

QCoro::Task<RunOutcome> runDbBulk(const PatternContext &context)
{
    const int count = context.integer(QStringLiteral("rows"));

    QTemporaryDir scratch(QDir(context.environment().scratchDir).filePath(QStringLiteral("db-bulk-XXXXXX")));
    if (!scratch.isValid())
        throw Error(ErrorKind::Database,
                    QStringLiteral("cannot create a scratch directory: %1").arg(scratch.errorString()));
    // Default settings, as an application would have them: commits are what this pattern measures.
    const auto db = Database::open(scratch.filePath(QStringLiteral("shop.sqlite")));
    if (!db.isOpen())
        throw Error(ErrorKind::Database, db.errorString());
    co_await db.execute(QStringLiteral("CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, category "
                                       "TEXT NOT NULL, price REAL NOT NULL)"));

    // Same number of rows both ways, one way after the other.
    auto slowRows = newProducts(1, count);
    auto bad = spawn(QStringLiteral("bad: commit per row"),
                     [db, slowRows] { return createProducts(db, slowRows, BulkMode::CommitPerRow); });
    const auto perRow = co_await bad.join();
    auto fastRows = newProducts(count + 1, count);
    auto good = spawn(QStringLiteral("good: one transaction"),
                      [db, fastRows] { return createProducts(db, fastRows, BulkMode::OneTransaction); });
    const auto batched = co_await good.join();

    const auto stored = co_await db.query(QStringLiteral("SELECT COUNT(*) FROM products"));
    co_return RunOutcome{
        RunStatus::Ok,
        QStringLiteral("%1 rows each: one transaction %2 rows/s, commit per row %3 rows/s (%4× slower); %5 rows stored")
            .arg(count)
            .arg(batched.rowsPerSecond(), 0, 'f', 0)
            .arg(perRow.rowsPerSecond(), 0, 'f', 0)
            .arg(perRow.seconds / batched.seconds, 0, 'f', 0)
            .arg(stored.at(0).value(0).toLongLong())};
}

} // namespace coroscope::patterns
