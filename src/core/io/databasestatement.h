// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringEncoder>
#include <QStringList>
#include <QVariant>
#include <QVariantList>

#include <vector>

struct sqlite3_stmt;

namespace coroscope::io::detail {

class DatabaseConnection;

// One prepared statement, below QSqlQuery: binding and stepping are a few direct SQLite calls
// per row with no QSqlResult bookkeeping in between, which is what a million inserts per second
// needs. Values are always bound, never spliced into the SQL text.
class Statement
{
public:
    // Throws for SQL that does not compile, and for more than one statement in `sql`.
    Statement(DatabaseConnection &connection, const QString &sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    // Binds `values` to the ?-parameters in order; their number must match.
    void bind(const QVariantList &values);
    // Binds `values` to the parameters from `first` (0-based) on: one row of a multi-row insert.
    void bindFrom(int first, const QVariantList &values);
    int parameterCount() const { return m_parameters; }
    // Advances to the next row: true while there is one, false once the statement is done.
    bool step();
    // Makes the statement ready to run again (with new bindings).
    void reset();

    QStringList columnNames() const;
    // The current row: integers as qlonglong, reals as double, text as QString, blobs as
    // QByteArray, NULL as an invalid QVariant.
    QVariantList row() const;
    const QString &sql() const { return m_sql; }

private:
    void bindValue(int index, const QVariant &value);

    DatabaseConnection &m_connection;
    sqlite3_stmt *m_statement = nullptr;
    QString m_sql;
    int m_parameters = 0;
    int m_columns = 0;
    // Text is bound as UTF-8 converted here, into one reused buffer per parameter: cheaper than
    // letting SQLite convert UTF-16 itself, which allocates and frees for every value.
    QStringEncoder m_utf8{QStringEncoder::Utf8, QStringEncoder::Flag::Stateless};
    std::vector<QByteArray> m_textBuffers;
};

} // namespace coroscope::io::detail
