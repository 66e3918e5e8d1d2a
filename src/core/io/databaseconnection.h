// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/databaseoptions.h"

#include <QSqlDatabase>
#include <QString>

struct sqlite3;

namespace coroscope::io::detail {

// One SQLite connection, opened through Qt Sql on the calling thread, which owns it from then
// on: a Qt Sql connection must not be used from any other thread. Statements run below
// QSqlQuery on the raw sqlite3 handle (QSqlDriver::handle()), which is also what
// sqlite3_interrupt needs; sqlite3_interrupt is the one call that other threads may make.
class DatabaseConnection
{
public:
    enum class Role {
        // The first connection to the file: switches it to WAL and checks it really is a
        // database, so a corrupt file fails at open instead of at the first query.
        Primary,
        // Any further connection (other workers, stream cursors).
        Secondary,
    };

    // Throws async::Error(Database) naming the file and the reason.
    DatabaseConnection(const QString &name, const QString &path, const DatabaseOptions &options, Role role);
    ~DatabaseConnection();
    DatabaseConnection(const DatabaseConnection &) = delete;
    DatabaseConnection &operator=(const DatabaseConnection &) = delete;

    sqlite3 *handle() const { return m_handle; }
    const QString &path() const { return m_path; }

    // Runs SQL without parameters or results (pragmas, BEGIN, COMMIT); throws on failure.
    void exec(const char *sql);
    // For clean-up paths: never throws.
    void execQuietly(const char *sql) noexcept;
    // The error for the last failed call on this connection, from SQLite's own message.
    [[noreturn]] void raise(int code, const QString &sql) const;

private:
    void configure(const DatabaseOptions &options, Role role);
    void close() noexcept;

    QString m_name;
    QString m_path;
    QSqlDatabase m_database;
    sqlite3 *m_handle = nullptr;
};

} // namespace coroscope::io::detail
