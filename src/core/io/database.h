// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/databaseawaiter.h"
#include "io/databasebulk.h"
#include "io/databaseoptions.h"
#include "io/databaseresult.h"

#include <QCoroAsyncGenerator>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

#include <memory>
#include <source_location>

namespace coroscope::io {

namespace detail {
class DatabasePool;
}

// SQL text plus the line of code that passed it. Made implicitly from a QString, so that
// query(sql, values...) records the calling line and still takes any number of values. The
// recorded line is that of the SQL argument: keep the co_await and the SQL on one line.
struct Sql {
    Sql(QString sqlText, std::source_location location = std::source_location::current())
        : text(std::move(sqlText))
        , where(location)
    {
    }
    QString text;
    std::source_location where;
};

// An awaitable SQLite database, the way asyncio code uses aiosqlite. Qt Sql is synchronous and a
// connection belongs to one thread, so statements run on worker threads (each with its own
// connection to the same file, in WAL mode) and the awaiting coroutine resumes on its own thread.
// Every co_await is a recorded suspension (reason Database, labelled with the statement, at the
// line of the co_await) and can be cancelled: it throws CancelledError at once and the statement
// is interrupted on its worker.
//
//     auto db = Database::open(path);
//     auto rows = co_await db.query(QStringLiteral("SELECT name FROM users WHERE id = ?"), id);
//     co_await db.execute(QStringLiteral("UPDATE users SET name = ? WHERE id = ?"), name, id);
//
// Values always travel as bound parameters (?), never inside the SQL text. Pass them one by one
// as above, or as one QVariantList built in its own statement: GCC 12 rejects a braced list
// ({id}, QVariantList{...}) inside a co_await expression ("array used as initializer").
//
// Each call is one statement and, on its own, one transaction: consecutive calls may run on
// different workers, so a transaction cannot span several co_awaits (bulkInsert is the way to
// write many rows at once).
//
// A Database is a cheap handle: copies share the workers, which stop when the last copy (and
// the last await still using them) is gone.
class Database
{
public:
    using Options = DatabaseOptions;

    // Not open: every await fails with "database not open".
    Database() = default;

    // Opens (creating if needed) the SQLite file at `path` with options.workers connections.
    // Never throws: check isOpen(); errorString() says what is wrong, naming the file (missing
    // directory, unreadable, not a database, ...), and every await on a closed Database throws
    // async::Error(ErrorKind::Database) with that message. Blocks for the milliseconds it takes
    // to open the connections, so open databases before the coroutines that use them.
    static Database open(const QString &path, const DatabaseOptions &options = {});

    bool isOpen() const { return m_pool != nullptr; }
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }
    int workerCount() const;

    // co_await -> Rows: every row of a SELECT (or of any statement that returns rows).
    template<typename... Values>
    detail::DatabaseAwaiter<Rows> query(Sql sql, const Values &...values) const
    {
        return query(std::move(sql), QVariantList{QVariant::fromValue(values)...});
    }
    detail::DatabaseAwaiter<Rows> query(Sql sql, QVariantList values) const;

    // co_await -> ExecResult: runs an INSERT, UPDATE, DELETE, CREATE...
    template<typename... Values>
    detail::DatabaseAwaiter<ExecResult> execute(Sql sql, const Values &...values) const
    {
        return execute(std::move(sql), QVariantList{QVariant::fromValue(values)...});
    }
    detail::DatabaseAwaiter<ExecResult> execute(Sql sql, QVariantList values) const;

    // co_await -> rows inserted: INSERT INTO table(columns) for every row, in one transaction
    // (all or nothing) with a statement prepared once that takes 64 rows per step, straight on
    // SQLite's C API: over a million rows a second. BulkMode::CommitPerRow commits each row
    // instead, to show the cost. `table` and `columns` must be plain identifiers (checked, never
    // quoted into shape); each row needs one value per column. Build `columns` in its own
    // statement: GCC 12 rejects a braced list inside the co_await.
    detail::DatabaseAwaiter<qint64> bulkInsert(QString table, QStringList columns, QList<QVariantList> rows,
                                               BulkMode mode = BulkMode::OneTransaction,
                                               std::source_location where = std::source_location::current()) const;

    // The result of a query page by page, in constant memory however many rows it has:
    //
    //     auto pages = db.stream(QStringLiteral("SELECT id, name FROM users WHERE id > ?"), {0}, 500);
    //     for (auto it = co_await pages.begin(); it != pages.end(); co_await ++it)
    //         handle(*it); // a Rows with up to 500 rows
    //
    // A page is read only when the consumer asks for it (co_await ++it), so a slow consumer
    // holds back the producer; each read is a Database suspension recorded at the line that
    // called stream(). The query runs on a connection of its own, reading one consistent
    // snapshot. Cancelling the consumer interrupts the page being read, or stops before the
    // next one; destroying the generator closes the cursor.
    QCoro::AsyncGenerator<Rows> stream(Sql sql, QVariantList values = {}, int pageSize = 1000) const;

private:
    detail::DatabaseRequest request(const QString &label, std::source_location where) const;

    std::shared_ptr<detail::DatabasePool> m_pool;
    QString m_path;
    QString m_error = QStringLiteral("database not open");
};

} // namespace coroscope::io
