// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/databaseconnection.h"

#include "io/databasesql.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>

#include <sqlite3.h>

namespace coroscope::io::detail {

DatabaseConnection::DatabaseConnection(const QString &name, const QString &path, const DatabaseOptions &options, Role role)
    : m_name(name)
    , m_path(path)
{
    m_database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    if (!m_database.isValid()) {
        close();
        throw databaseError(m_path, QStringLiteral("the Qt SQLite driver (QSQLITE) is not available"));
    }
    m_database.setDatabaseName(m_path);
    QString connectOptions = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(qint64(options.busyTimeout.count()));
    if (options.readOnly)
        connectOptions += QStringLiteral(";QSQLITE_OPEN_READONLY");
    m_database.setConnectOptions(connectOptions);
    if (!m_database.open()) {
        const auto error = m_database.lastError();
        close();
        bool isCode = false;
        const int code = error.nativeErrorCode().toInt(&isCode);
        throw databaseError(m_path, isCode ? code : SQLITE_CANTOPEN, error.databaseText());
    }
    const QVariant handle = m_database.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0) {
        close();
        throw databaseError(m_path, QStringLiteral("the Qt SQLite driver did not hand out its sqlite3 handle"));
    }
    m_handle = *static_cast<sqlite3 *const *>(handle.constData());
    try {
        configure(options, role);
    } catch (...) {
        close();
        throw;
    }
}

DatabaseConnection::~DatabaseConnection()
{
    close();
}

void DatabaseConnection::configure(const DatabaseOptions &options, Role role)
{
    // Reading the schema is the cheapest query that makes SQLite look at the file header:
    // random bytes or a truncated file fail here, at open, with "file is not a database".
    // The statements are ours, not the caller's: errors here name the file and the reason only.
    const auto setUp = [this](const char *sql) {
        const int code = sqlite3_exec(m_handle, sql, nullptr, nullptr, nullptr);
        if (code != SQLITE_OK)
            throw databaseError(m_path, code, QString::fromUtf8(sqlite3_errmsg(m_handle)));
    };
    setUp("SELECT count(*) FROM sqlite_master");
    const bool writable = !options.readOnly && sqlite3_db_readonly(m_handle, "main") == 0;
    if (role == Role::Primary && writable) {
        // WAL lets readers on the other workers carry on while one of them writes. The mode is
        // stored in the file, so the first connection sets it for everybody.
        setUp("PRAGMA journal_mode=WAL");
    }
    setUp(options.unsafeFastWrites ? "PRAGMA synchronous=OFF" : "PRAGMA synchronous=NORMAL");
}

void DatabaseConnection::exec(const char *sql)
{
    const int code = sqlite3_exec(m_handle, sql, nullptr, nullptr, nullptr);
    if (code != SQLITE_OK)
        raise(code, QString::fromUtf8(sql));
}

void DatabaseConnection::execQuietly(const char *sql) noexcept
{
    sqlite3_exec(m_handle, sql, nullptr, nullptr, nullptr);
}

void DatabaseConnection::raise(int code, const QString &sql) const
{
    // Only a cancelled job interrupts its statement, so this is the cancellation, not a failure.
    if ((code & 0xff) == SQLITE_INTERRUPT)
        throw async::CancelledError(QStringLiteral("statement interrupted: %1").arg(statementLabel(sql)));
    throw databaseError(m_path, code, QString::fromUtf8(sqlite3_errmsg(m_handle)), sql);
}

void DatabaseConnection::close() noexcept
{
    m_handle = nullptr;
    if (m_database.isValid())
        m_database.close();
    // removeDatabase wants every QSqlDatabase copy of the connection gone first.
    m_database = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

} // namespace coroscope::io::detail
