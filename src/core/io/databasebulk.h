// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

#include <atomic>

namespace coroscope::io {

// How Database::bulkInsert commits.
enum class BulkMode {
    // One transaction for all rows, with a statement prepared once that inserts 64 rows per
    // step: SQLite writes each page once and syncs once. All rows or none.
    OneTransaction,
    // A commit (and so a journal write and sync) for every row: the slow way, kept for the
    // pattern that compares the two. Rows inserted before an error or cancellation stay.
    CommitPerRow,
};

namespace detail {

class DatabaseConnection;

// Inserts `rows` into table(columns) with a multi-row INSERT prepared once (and one more for the
// rows left over), inside the transaction the caller has open. Stops with CancelledError between
// rows once `cancelled` is set. Returns the number of rows inserted.
qint64 insertRows(DatabaseConnection &connection, const QString &table, const QStringList &columns,
                  const QList<QVariantList> &rows, const std::atomic<bool> *cancelled = nullptr);

// insertRows wrapped the way `mode` says.
qint64 bulkInsert(DatabaseConnection &connection, const QString &table, const QStringList &columns,
                  const QList<QVariantList> &rows, BulkMode mode, const std::atomic<bool> *cancelled = nullptr);

} // namespace detail
} // namespace coroscope::io
