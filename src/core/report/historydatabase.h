// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace coroscope::report::detail {

// Opens (creating if needed) a run-history database on a connection of its own name, with
// the schema, WAL journaling (a crash loses at most the transaction being written) and
// foreign keys on. Returns an invalid database and sets `error` on failure.
QSqlDatabase openHistoryDatabase(const QString &path, const QString &connectionName, QString *error);
// Closes and removes a connection opened above. No query on it may still exist.
void closeHistoryDatabase(const QString &connectionName);
// A name no other connection in this process uses.
QString uniqueConnectionName(const char *prefix);

// Identifies this process well enough to tell later whether it still runs: the pid plus,
// on Linux, its start time (so a recycled pid does not look alive).
QString currentProcessIdentity();
bool isProcessAlive(const QString &identity);

// Runs being written by a HistoryWriter in this process, so that opening the history here
// does not take them for crashed ones.
void registerActiveRun(const QString &databasePath, qint64 runId);
void unregisterActiveRun(const QString &databasePath, qint64 runId);
bool isActiveRun(const QString &databasePath, qint64 runId);

} // namespace coroscope::report::detail
