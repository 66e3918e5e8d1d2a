// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

namespace coroscope::io {

// The rows of a query (or one page of a stream), with the column names. Values are qlonglong
// for integers, double for reals, QString for text, QByteArray for blobs, invalid for NULL.
struct Rows {
    QStringList columns;
    QList<QVariantList> rows;

    qsizetype size() const { return rows.size(); }
    bool isEmpty() const { return rows.isEmpty(); }
    const QVariantList &at(qsizetype row) const { return rows.at(row); }
    // The value of `column` in `row`; an invalid QVariant if there is no such column.
    QVariant value(qsizetype row, const QString &column) const
    {
        const auto index = columns.indexOf(column);
        return index < 0 ? QVariant() : rows.at(row).value(index);
    }
};

// What a write did.
struct ExecResult {
    qint64 rowsAffected = 0;
    // The rowid of the last row inserted on that connection (0 if none yet).
    qint64 lastInsertId = 0;
};

} // namespace coroscope::io
