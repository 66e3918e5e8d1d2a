// SPDX-License-Identifier: GPL-3.0-or-later
// Executing queries: the products of one category, the category passed as a bound parameter.
#include "async/gather.h"
#include "io/database.h"
#include "io/demodata.h"
#include "patterns/pattern.h"

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::Database;
using coroscope::io::Rows;

// The value travels bound to the "?", never pasted into the SQL text: no injection, and
// SQLite can reuse the statement for every category.
QCoro::Task<Rows> getProducts(Database db, QString category)
{
    co_return co_await db.query(QStringLiteral("SELECT id, name, price FROM products WHERE category = ? ORDER BY id"),
                                category);
}

} // namespace

QCoro::Task<RunOutcome> runDbQuery(const PatternContext &context)
{
    const auto category = context.text(QStringLiteral("category"));
    const auto categories = io::demo::categories();
    if (!categories.contains(category))
        throw Error(ErrorKind::InvalidArgument, QStringLiteral("unknown category \"%1\" (the demo shop has %2)")
                                                    .arg(category, categories.join(QStringLiteral(", "))));

    Database::Options options;
    options.workers = context.integer(QStringLiteral("workers"));
    options.readOnly = true; // every run shares the demo database: this one only reads it
    const auto db = Database::open(context.environment().databasePath, options);
    if (!db.isOpen())
        throw Error(ErrorKind::Database, db.errorString());

    // The query on its own: this task waits while a worker thread runs it.
    const auto products = co_await getProducts(db, category);

    // Every category at once: each query is a task, and they share the pool's connections.
    std::vector<TaskHandle<Rows>> queries;
    for (const auto &name : categories)
        queries.push_back(
            spawn(QStringLiteral("get_products(%1)").arg(name), [db, name] { return getProducts(db, name); }));
    const auto everything = co_await gather(std::move(queries));

    qsizetype total = 0;
    for (const auto &rows : everything)
        total += rows.size();
    co_return RunOutcome{RunStatus::Ok,
                         QStringLiteral("%1 products in \"%2\"; %3 in all %4 categories, over %5 connections")
                             .arg(products.size())
                             .arg(category)
                             .arg(total)
                             .arg(categories.size())
                             .arg(db.workerCount())};
}

} // namespace coroscope::patterns
