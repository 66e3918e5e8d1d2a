// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/database.h"

#include "async/errors.h"
#include "io/databasepool.h"
#include "io/databasesql.h"
#include "io/databasestatement.h"
#include "io/databaseworker.h"

#include <sqlite3.h>

namespace coroscope::io {
namespace {

using detail::DatabaseAwaiter;
using detail::DatabasePool;
using detail::DatabaseRequest;
using detail::DatabaseWorker;
using detail::Statement;

void throwIfCancelled(const DatabaseWorker &worker, const Statement &statement)
{
    if (worker.isCancelled())
        throw async::CancelledError(
            QStringLiteral("statement interrupted: %1").arg(detail::statementLabel(statement.sql())));
}

Rows readAll(DatabaseWorker &worker, const QString &sql, const QVariantList &params)
{
    Statement statement(worker.connection(), sql);
    statement.bind(params);
    Rows rows;
    rows.columns = statement.columnNames();
    while (statement.step()) {
        throwIfCancelled(worker, statement);
        rows.rows.append(statement.row());
    }
    return rows;
}

ExecResult runToEnd(DatabaseWorker &worker, const QString &sql, const QVariantList &params)
{
    Statement statement(worker.connection(), sql);
    statement.bind(params);
    while (statement.step())
        throwIfCancelled(worker, statement);
    auto *handle = worker.connection().handle();
    return ExecResult{qint64(sqlite3_changes64(handle)), qint64(sqlite3_last_insert_rowid(handle))};
}

struct StreamPage {
    Rows rows;
    bool last = false;
};

// Reads up to `pageSize` more rows of the cursor; the cursor closes as soon as it is exhausted.
StreamPage readPage(DatabaseWorker &worker, quint64 cursor, const QString &sql, const QVariantList &params, int pageSize)
{
    Statement &statement = worker.cursor(cursor, sql, params);
    StreamPage page;
    page.rows.columns = statement.columnNames();
    page.rows.rows.reserve(pageSize);
    while (page.rows.size() < pageSize) {
        throwIfCancelled(worker, statement);
        if (!statement.step()) {
            page.last = true;
            worker.closeCursor(cursor);
            break;
        }
        page.rows.rows.append(statement.row());
    }
    return page;
}

// The stream's cursor as seen from the generator: pinned to one worker, and closed there when
// the generator finishes or is dropped half-way (the worker then frees its connection).
class StreamCursor
{
public:
    explicit StreamCursor(std::shared_ptr<DatabasePool> pool)
        : m_pool(std::move(pool))
        , m_worker(m_pool ? m_pool->pickWorker() : -1)
        , m_id(m_pool ? m_pool->newCursorId() : 0)
    {
    }
    ~StreamCursor()
    {
        if (!m_pool)
            return;
        auto job = std::make_shared<detail::DatabaseJob>();
        job->work = [id = m_id](DatabaseWorker &worker) { worker.closeCursor(id); };
        m_pool->submit(m_worker, std::move(job));
    }
    StreamCursor(const StreamCursor &) = delete;
    StreamCursor &operator=(const StreamCursor &) = delete;

    DatabaseAwaiter<StreamPage> nextPage(DatabaseRequest request, const QString &sql, const QVariantList &params,
                                         int pageSize) const
    {
        request.worker = m_worker;
        return DatabaseAwaiter<StreamPage>(std::move(request), [id = m_id, sql, params, pageSize](DatabaseWorker &worker) {
            return readPage(worker, id, sql, params, pageSize);
        });
    }

private:
    std::shared_ptr<DatabasePool> m_pool;
    int m_worker;
    quint64 m_id;
};

DatabaseRequest makeRequest(const std::shared_ptr<DatabasePool> &pool, const QString &error, const QString &label,
                            std::source_location where)
{
    DatabaseRequest request;
    request.pool = pool;
    request.label = label;
    request.where = where;
    if (!pool)
        request.error = std::make_exception_ptr(async::Error(async::ErrorKind::Database, error));
    return request;
}

QCoro::AsyncGenerator<Rows> streamPages(std::shared_ptr<DatabasePool> pool, QString error, QString sql,
                                        QVariantList params, int pageSize, std::source_location where)
{
    if (pageSize < 1)
        throw async::Error(async::ErrorKind::InvalidArgument,
                           QStringLiteral("stream: the page size must be at least 1, not %1").arg(pageSize));
    const QString label = detail::statementLabel(sql);
    StreamCursor cursor(pool);
    for (;;) {
        // Requested only now that the consumer asked for the next page: that is the back-pressure.
        auto fetch = cursor.nextPage(makeRequest(pool, error, label, where), sql, params, pageSize);
        StreamPage page = co_await fetch;
        const bool last = page.last;
        if (!page.rows.isEmpty())
            co_yield std::move(page.rows);
        if (last)
            break;
    }
}

} // namespace

Database Database::open(const QString &path, const DatabaseOptions &options)
{
    Database database;
    database.m_path = path;
    try {
        database.m_pool = std::make_shared<DatabasePool>(path, options);
        database.m_error.clear();
    } catch (const async::Error &error) {
        database.m_error = error.message();
    }
    return database;
}

int Database::workerCount() const
{
    return m_pool ? m_pool->workerCount() : 0;
}

DatabaseRequest Database::request(const QString &label, std::source_location where) const
{
    return makeRequest(m_pool, m_error, label, where);
}

DatabaseAwaiter<Rows> Database::query(Sql sql, QVariantList values) const
{
    auto request = this->request(detail::statementLabel(sql.text), sql.where);
    return DatabaseAwaiter<Rows>(std::move(request),
                                 [sql = std::move(sql.text), values = std::move(values)](DatabaseWorker &worker) {
                                     return readAll(worker, sql, values);
                                 });
}

DatabaseAwaiter<ExecResult> Database::execute(Sql sql, QVariantList values) const
{
    auto request = this->request(detail::statementLabel(sql.text), sql.where);
    return DatabaseAwaiter<ExecResult>(std::move(request),
                                       [sql = std::move(sql.text), values = std::move(values)](DatabaseWorker &worker) {
                                           return runToEnd(worker, sql, values);
                                       });
}

DatabaseAwaiter<qint64> Database::bulkInsert(QString table, QStringList columns, QList<QVariantList> rows,
                                             BulkMode mode, std::source_location where) const
{
    // Bad names fail at the co_await, before any worker sees them.
    QString sql;
    std::exception_ptr invalid;
    try {
        sql = detail::insertStatement(table, columns);
    } catch (const async::Error &) {
        invalid = std::current_exception();
    }
    auto request = this->request(detail::statementLabel(invalid ? QStringLiteral("INSERT INTO ") + table : sql), where);
    if (!request.error)
        request.error = invalid;
    return DatabaseAwaiter<qint64>(std::move(request), [table = std::move(table), columns = std::move(columns),
                                                        rows = std::move(rows), mode](DatabaseWorker &worker) {
        return detail::bulkInsert(worker.connection(), table, columns, rows, mode, worker.cancelFlag());
    });
}

QCoro::AsyncGenerator<Rows> Database::stream(Sql sql, QVariantList values, int pageSize) const
{
    return streamPages(m_pool, m_error, std::move(sql.text), std::move(values), pageSize, sql.where);
}

} // namespace coroscope::io
