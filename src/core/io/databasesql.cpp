// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/databasesql.h"

#include <QDir>
#include <QRegularExpression>

#include <sqlite3.h>

namespace coroscope::io::detail {
namespace {

constexpr qsizetype labelLength = 60;
constexpr qsizetype errorSqlLength = 300;

QString shorten(const QString &sql, qsizetype length)
{
    const QString flat = sql.simplified();
    if (flat.size() <= length)
        return flat;
    return flat.left(length - 1) + QChar(0x2026); // …
}

QString plainReason(int code, const QString &message)
{
    switch (code & 0xff) {
    case SQLITE_READONLY: return QStringLiteral("the database is read-only (%1)").arg(message);
    case SQLITE_NOTADB: return QStringLiteral("file is not a database");
    case SQLITE_CORRUPT: return QStringLiteral("the database file is corrupt (%1)").arg(message);
    case SQLITE_CANTOPEN: return QStringLiteral("cannot open the database file (%1)").arg(message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return QStringLiteral("the database is locked by another connection (%1)").arg(message);
    case SQLITE_FULL: return QStringLiteral("the disk is full (%1)").arg(message);
    case SQLITE_PERM:
    case SQLITE_AUTH: return QStringLiteral("permission denied (%1)").arg(message);
    default: return message;
    }
}

} // namespace

QString statementLabel(const QString &sql)
{
    return shorten(sql, labelLength);
}

bool isIdentifier(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("\\A[A-Za-z_][A-Za-z0-9_]{0,63}\\z"));
    return pattern.match(name).hasMatch();
}

QString insertStatement(const QString &table, const QStringList &columns, int rows)
{
    if (!isIdentifier(table))
        throw async::Error(async::ErrorKind::InvalidArgument,
                           QStringLiteral("bulk insert: \"%1\" is not a valid table name").arg(table));
    if (columns.isEmpty())
        throw async::Error(async::ErrorKind::InvalidArgument,
                           QStringLiteral("bulk insert into %1: no columns given").arg(table));
    QStringList names;
    QStringList placeholders;
    for (const auto &column : columns) {
        if (!isIdentifier(column))
            throw async::Error(
                async::ErrorKind::InvalidArgument,
                QStringLiteral("bulk insert into %1: \"%2\" is not a valid column name").arg(table, column));
        names.append(QLatin1Char('"') + column + QLatin1Char('"'));
        placeholders.append(QStringLiteral("?"));
    }
    const QString row = QLatin1Char('(') + placeholders.join(QStringLiteral(", ")) + QLatin1Char(')');
    QStringList values;
    for (int i = 0; i < std::max(1, rows); ++i)
        values.append(row);
    return QStringLiteral("INSERT INTO \"%1\" (%2) VALUES %3")
        .arg(table, names.join(QStringLiteral(", ")), values.join(QStringLiteral(", ")));
}

async::Error databaseError(const QString &path, int sqliteCode, const QString &sqliteMessage, const QString &sql)
{
    QString message
        = QStringLiteral("database %1: %2").arg(QDir::toNativeSeparators(path), plainReason(sqliteCode, sqliteMessage));
    if (!sql.isEmpty())
        message += QStringLiteral("; statement: ") + shorten(sql, errorSqlLength);
    return async::Error(async::ErrorKind::Database, message);
}

async::Error databaseError(const QString &path, const QString &reason)
{
    return async::Error(async::ErrorKind::Database,
                        QStringLiteral("database %1: %2").arg(QDir::toNativeSeparators(path), reason));
}

} // namespace coroscope::io::detail
