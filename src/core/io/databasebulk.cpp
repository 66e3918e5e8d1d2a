// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/databasebulk.h"

#include "async/errors.h"
#include "io/databasesql.h"
#include "io/databasestatement.h"
#include "io/databasetransaction.h"

#include <optional>

namespace coroscope::io::detail {

qint64 insertRows(DatabaseConnection &connection, const QString &table, const QStringList &columns,
                  const QList<QVariantList> &rows, const std::atomic<bool> *cancelled)
{
    Statement insert(connection, insertStatement(table, columns));
    qint64 inserted = 0;
    for (const auto &row : rows) {
        // A relaxed load per row costs nothing next to the insert, and catches a cancellation
        // that arrived between two steps, where sqlite3_interrupt has nothing to interrupt.
        if (cancelled && cancelled->load(std::memory_order_relaxed))
            throw async::CancelledError(QStringLiteral("bulk insert into %1 cancelled after %2 rows").arg(table).arg(inserted));
        if (row.size() != columns.size())
            throw async::Error(async::ErrorKind::InvalidArgument,
                               QStringLiteral("bulk insert into %1: row %2 has %3 value(s) for %4 column(s)")
                                   .arg(table)
                                   .arg(inserted)
                                   .arg(row.size())
                                   .arg(columns.size()));
        insert.bind(row);
        insert.step();
        insert.reset();
        ++inserted;
    }
    return inserted;
}

qint64 bulkInsert(DatabaseConnection &connection, const QString &table, const QStringList &columns,
                  const QList<QVariantList> &rows, BulkMode mode, const std::atomic<bool> *cancelled)
{
    if (mode == BulkMode::CommitPerRow)
        return insertRows(connection, table, columns, rows, cancelled);
    Transaction transaction(connection);
    const qint64 inserted = insertRows(connection, table, columns, rows, cancelled);
    transaction.commit();
    return inserted;
}

} // namespace coroscope::io::detail
