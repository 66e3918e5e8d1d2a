// SPDX-License-Identifier: GPL-3.0-or-later
// Bulk operations: many rows in one transaction, against a commit after every row.
#include "async/spawn.h"
#include "io/database.h"
#include "io/demodata.h"
#include "patterns/library.h"

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
    const QStringList columns{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("category"), QStringLiteral("price")};
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

QCoro::Task<RunOutcome> runDbBulk(const PatternContext &context)
{
    const int count = context.integer(QStringLiteral("rows"));

    QTemporaryDir scratch(QDir(context.environment().scratchDir).filePath(QStringLiteral("db-bulk-XXXXXX")));
    if (!scratch.isValid())
        throw Error(ErrorKind::Database, QStringLiteral("cannot create a scratch directory: %1").arg(scratch.errorString()));
    // Default settings, as an application would have them: commits are what this pattern measures.
    const auto db = Database::open(scratch.filePath(QStringLiteral("shop.sqlite")));
    if (!db.isOpen())
        throw Error(ErrorKind::Database, db.errorString());
    co_await db.execute(QStringLiteral("CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, price REAL NOT NULL)"));

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
    co_return RunOutcome{RunStatus::Ok,
                         QStringLiteral("%1 rows each: one transaction %2 rows/s, commit per row %3 rows/s (%4× slower); %5 rows stored")
                             .arg(count)
                             .arg(batched.rowsPerSecond(), 0, 'f', 0)
                             .arg(perRow.rowsPerSecond(), 0, 'f', 0)
                             .arg(perRow.seconds / batched.seconds, 0, 'f', 0)
                             .arg(stored.at(0).value(0).toLongLong())};
}

} // namespace

std::unique_ptr<Pattern> makeDbBulk()
{
    PatternInfo info;
    info.id = QStringLiteral("db-bulk");
    info.title = QStringLiteral("Bulk inserts: one transaction");
    info.category = QStringLiteral("Database");
    info.seedSection = QStringLiteral("Database Patterns: Bulk Operations");
    info.summary = QStringLiteral("Insert many rows in one transaction, and compare with a commit after every row.");
    info.explanation = QStringLiteral(
        "Every commit makes the database write its journal and settle the transaction, so committing row by row "
        "pays that price once per row. Adding all rows first and committing once pays it once, and also lets the "
        "insert statement be prepared a single time. As a bonus the batch is all or nothing: a failure leaves no "
        "half-written products behind. Both ways write the same products into a scratch database.");
    info.whatToLookFor = QStringLiteral(
        "Two child tasks, each in one database suspension labelled with the INSERT. The commit-per-row one is "
        "many times longer than the one-transaction one; the marks at their ends give the rows per second, and "
        "the summary the ratio.");
    info.parameters = {
        {QStringLiteral("rows"), QStringLiteral("Rows"), ParameterSpec::Type::Integer, 5000, 10, 200'000,
         QStringLiteral("rows"), QStringLiteral("How many products each way inserts")},
    };
    info.sourceFile = QStringLiteral(":/patterns/library/db_bulk.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/db_bulk.py");
    return definePattern(std::move(info), &runDbBulk);
}

} // namespace coroscope::patterns
