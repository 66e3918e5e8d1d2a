// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/databasebulk.h"

#include "async/errors.h"
#include "io/databaseconnection.h"
#include "io/databasesql.h"
#include "io/databasestatement.h"
#include "io/databasetransaction.h"

#include <algorithm>
#include <memory>
#include <sqlite3.h>

namespace coroscope::io::detail {
namespace {

// Rows per INSERT inside one transaction. A step that carries many rows pays SQLite's
// per-statement work (opening the table cursor, the statement journal, halting) once for all of
// them: twice the rows per second of one row per step, which is already SQLite's ceiling here.
constexpr int rowsPerBatch = 64;

int batchSize(DatabaseConnection &connection, qsizetype columns)
{
    const int parameterLimit = sqlite3_limit(connection.handle(), SQLITE_LIMIT_VARIABLE_NUMBER, -1);
    return std::clamp(parameterLimit / int(std::max<qsizetype>(1, columns)), 1, rowsPerBatch);
}

qint64 insertInSteps(DatabaseConnection &connection, const QString &table, const QStringList &columns,
                     const QList<QVariantList> &rows, const std::atomic<bool> *cancelled, int rowsPerStep)
{
    insertStatement(table, columns); // bad names fail even when there are no rows
    const qsizetype width = columns.size();
    const qsizetype total = rows.size();
    // One statement for the full steps, prepared once; one more for the rows left at the end.
    std::unique_ptr<Statement> full;
    std::unique_ptr<Statement> rest;
    qsizetype inserted = 0;
    while (inserted < total) {
        const int count = int(std::min<qsizetype>(rowsPerStep, total - inserted));
        auto &slot = count == rowsPerStep ? full : rest;
        if (!slot)
            slot = std::make_unique<Statement>(connection, insertStatement(table, columns, count));
        for (int i = 0; i < count; ++i) {
            // A relaxed load per row costs nothing next to the insert, and catches a cancellation
            // that arrived between two steps, where sqlite3_interrupt has nothing to interrupt.
            if (cancelled && cancelled->load(std::memory_order_relaxed))
                throw async::CancelledError(
                    QStringLiteral("bulk insert into %1 cancelled after %2 rows").arg(table).arg(inserted));
            const auto &row = rows[inserted + i];
            if (row.size() != width)
                throw async::Error(async::ErrorKind::InvalidArgument,
                                   QStringLiteral("bulk insert into %1: row %2 has %3 value(s) for %4 column(s)")
                                       .arg(table)
                                       .arg(inserted + i)
                                       .arg(row.size())
                                       .arg(width));
            slot->bindFrom(i * int(width), row);
        }
        slot->step();
        slot->reset();
        inserted += count;
    }
    return inserted;
}

} // namespace

qint64 insertRows(DatabaseConnection &connection, const QString &table, const QStringList &columns,
                  const QList<QVariantList> &rows, const std::atomic<bool> *cancelled)
{
    return insertInSteps(connection, table, columns, rows, cancelled, batchSize(connection, columns.size()));
}

qint64 bulkInsert(DatabaseConnection &connection, const QString &table, const QStringList &columns,
                  const QList<QVariantList> &rows, BulkMode mode, const std::atomic<bool> *cancelled)
{
    if (mode == BulkMode::CommitPerRow) {
        // No transaction around it: every one-row step commits on its own.
        return insertInSteps(connection, table, columns, rows, cancelled, 1);
    }
    Transaction transaction(connection);
    const qint64 inserted = insertRows(connection, table, columns, rows, cancelled);
    transaction.commit();
    return inserted;
}

} // namespace coroscope::io::detail
