// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QVariantMap>

#include <optional>
#include <vector>

namespace coroscope::trace {
class Trace;
}

namespace coroscope::report {

// One stored run, as listed (without its events).
struct HistoryRun {
    qint64 id = 0;
    QString patternId;
    QString name;
    QVariantMap parameters;
    QDateTime startedAt;
    QDateTime finishedAt; // invalid while running
    QString status; // "running", "ok", "error", "cancelled", "timed out", "interrupted", ...
    QString summary;
    qint64 eventCount = 0;
    int taskCount = 0;
    qint64 wallNs = 0;
};

// The run history: a SQLite file holding every run with all its events, written as the run
// goes by HistoryWriter. Opening it marks runs whose writer is gone (the app crashed or was
// killed) as "interrupted"; their events up to the last flush are kept.
//
// Uses a Qt SQL connection of its own; use an instance from one thread only.
class History
{
public:
    History();
    ~History();
    History(const History &) = delete;
    History &operator=(const History &) = delete;

    bool open(const QString &path, QString *error = nullptr);
    void close();
    bool isOpen() const { return !m_connection.isEmpty(); }
    QString path() const { return m_path; }

    // Newest first.
    std::vector<HistoryRun> runs(QString *error = nullptr) const;
    std::optional<HistoryRun> run(qint64 id, QString *error = nullptr) const;
    // Replaces `trace` with the stored run, exactly as it was recorded (or as far as it got).
    bool load(qint64 id, trace::Trace &trace, QString *error = nullptr) const;
    bool rename(qint64 id, const QString &name, QString *error = nullptr);
    // Refuses a run that a live process is still recording.
    bool remove(qint64 id, QString *error = nullptr);

    static QString interruptedStatus() { return QStringLiteral("interrupted"); }
    static QString runningStatus() { return QStringLiteral("running"); }

private:
    bool markInterruptedRuns(QString *error);
    bool isBeingWritten(qint64 id, const QString &writer) const;

    QString m_path;
    QString m_connection;
};

} // namespace coroscope::report
