// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/errors.h"

#include <QString>
#include <QStringList>

namespace coroscope::io::detail {

// The timeline label of a statement: whitespace collapsed, cut to about 60 characters.
QString statementLabel(const QString &sql);

// Table and column names cannot be bound parameters, so names taken as strings must be plain
// identifiers ([A-Za-z_][A-Za-z0-9_]*, at most 64 characters); anything else is rejected, never
// quoted into shape.
bool isIdentifier(const QString &name);

// INSERT INTO "table" ("a", "b") VALUES (?, ?), with `rows` groups of placeholders. Throws
// InvalidArgument for a name that is not an identifier, or for no columns at all.
QString insertStatement(const QString &table, const QStringList &columns, int rows = 1);

// The error for a failed SQLite call: names the file, says what went wrong in plain words
// (read-only, not a database, corrupt, locked...) with SQLite's own message, and the statement.
async::Error databaseError(const QString &path, int sqliteCode, const QString &sqliteMessage, const QString &sql = {});
// A problem found before SQLite was asked (missing directory, unreadable file...).
async::Error databaseError(const QString &path, const QString &reason);

} // namespace coroscope::io::detail
