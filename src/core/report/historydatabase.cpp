// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/historydatabase.h"

#include "report/failwith.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>
#include <mutex>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <sys/types.h>
#endif

namespace coroscope::report::detail {

namespace {

constexpr int SchemaVersion = 1;

const char *const schema[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS runs ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " pattern_id TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " parameters TEXT NOT NULL," // a JSON object
    " started_at INTEGER NOT NULL," // ms since the epoch, UTC
    " finished_at INTEGER," // NULL while running
    " status TEXT NOT NULL," // running, ok, error, cancelled, timed out, interrupted
    " summary TEXT NOT NULL DEFAULT '',"
    " event_count INTEGER NOT NULL DEFAULT 0,"
    " task_count INTEGER NOT NULL DEFAULT 0,"
    " wall_ns INTEGER NOT NULL DEFAULT 0,"
    " writer TEXT NOT NULL DEFAULT ''," // currentProcessIdentity() of the process writing it
    " updated_at INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS runs_by_status ON runs(status)",
    "CREATE TABLE IF NOT EXISTS strings ("
    " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
    " id INTEGER NOT NULL, text TEXT NOT NULL, PRIMARY KEY (run_id, id)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS locations ("
    " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
    " id INTEGER NOT NULL, file TEXT NOT NULL, function TEXT NOT NULL, line INTEGER NOT NULL,"
    " PRIMARY KEY (run_id, id)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS threads ("
    " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL, name TEXT NOT NULL, PRIMARY KEY (run_id, idx)) WITHOUT ROWID",
    "CREATE TABLE IF NOT EXISTS events ("
    " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
    " seq INTEGER NOT NULL," // position in the trace
    " time_ns INTEGER NOT NULL, kind INTEGER NOT NULL, task INTEGER NOT NULL,"
    " label INTEGER NOT NULL, location INTEGER NOT NULL, thread INTEGER NOT NULL,"
    " detail INTEGER NOT NULL,"
    " value REAL," // NULL stands for NaN, which SQLite cannot store
    " PRIMARY KEY (run_id, seq)) WITHOUT ROWID",
};

std::mutex g_activeMutex;
QSet<QString> g_activeRuns;

QString activeKey(const QString &databasePath, qint64 runId)
{
    return QFileInfo(databasePath).absoluteFilePath() + QLatin1Char('#') + QString::number(runId);
}

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return failWith(error, query.lastError().text());
    return true;
}

#ifdef Q_OS_LINUX
// Field 22 of /proc/<pid>/stat: when the process started, in clock ticks after boot.
QByteArray processStartTime(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = stat.readAll();
    // The command name (field 2) is in parentheses and may hold spaces: count from its end.
    const auto close = line.lastIndexOf(')');
    if (close < 0)
        return {};
    const auto fields = line.mid(close + 2).split(' ');
    return fields.size() > 19 ? fields.at(19) : QByteArray();
}
#endif

} // namespace

QSqlDatabase openHistoryDatabase(const QString &path, const QString &connectionName, QString *error)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    auto failed = [&](const QString &why) {
        failWith(error, QStringLiteral("cannot open the run history %1: %2").arg(path, why));
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return QSqlDatabase();
    };
    if (!db.isValid())
        return failed(QStringLiteral("the Qt SQLite driver is not available"));
    if (!db.open())
        return failed(db.lastError().text());
    QString why;
    // Set before anything else touches the file. WAL keeps committed transactions through a
    // crash of the process; NORMAL syncing is enough for that.
    if (!exec(db, QStringLiteral("PRAGMA journal_mode=WAL"), &why)
        || !exec(db, QStringLiteral("PRAGMA synchronous=NORMAL"), &why)
        || !exec(db, QStringLiteral("PRAGMA foreign_keys=ON"), &why))
        return failed(why);
    int existingVersion = 0;
    {
        QSqlQuery version(db);
        if (version.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'")) && version.next())
            existingVersion = version.value(0).toInt();
    }
    if (existingVersion > SchemaVersion)
        return failed(QStringLiteral("it was written by a newer Coroscope (schema %1)").arg(existingVersion));
    if (!db.transaction())
        return failed(db.lastError().text());
    for (const char *statement : schema) {
        if (!exec(db, QLatin1String(statement), &why)) {
            db.rollback();
            return failed(why);
        }
    }
    {
        QSqlQuery version(db);
        version.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)"));
        version.addBindValue(SchemaVersion);
        if (!version.exec())
            why = version.lastError().text();
    }
    if (!why.isEmpty()) {
        db.rollback();
        return failed(why);
    }
    if (!db.commit())
        return failed(db.lastError().text());
    return db;
}

void closeHistoryDatabase(const QString &connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isValid())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

QString uniqueConnectionName(const char *prefix)
{
    static std::atomic<int> next{1};
    return QStringLiteral("%1-%2").arg(QLatin1String(prefix)).arg(next.fetch_add(1));
}

QString currentProcessIdentity()
{
    const qint64 pid = QCoreApplication::applicationPid();
#ifdef Q_OS_LINUX
    return QStringLiteral("%1:%2").arg(pid).arg(QString::fromLatin1(processStartTime(pid)));
#else
    return QString::number(pid);
#endif
}

bool isProcessAlive(const QString &identity)
{
    if (identity.isEmpty())
        return false;
    const QString pidText = identity.section(QLatin1Char(':'), 0, 0);
    bool ok = false;
    const qint64 pid = pidText.toLongLong(&ok);
    if (!ok || pid <= 0)
        return false;
#ifdef Q_OS_LINUX
    const QByteArray started = processStartTime(pid);
    return !started.isEmpty() && QString::fromLatin1(started) == identity.section(QLatin1Char(':'), 1);
#elif defined(Q_OS_UNIX)
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
#else
    return false; // cannot tell: treat the run as interrupted
#endif
}

void registerActiveRun(const QString &databasePath, qint64 runId)
{
    std::lock_guard lock(g_activeMutex);
    g_activeRuns.insert(activeKey(databasePath, runId));
}

void unregisterActiveRun(const QString &databasePath, qint64 runId)
{
    std::lock_guard lock(g_activeMutex);
    g_activeRuns.remove(activeKey(databasePath, runId));
}

bool isActiveRun(const QString &databasePath, qint64 runId)
{
    std::lock_guard lock(g_activeMutex);
    return g_activeRuns.contains(activeKey(databasePath, runId));
}

} // namespace coroscope::report::detail
