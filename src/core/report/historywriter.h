// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QString>
#include <QVariantMap>

#include <chrono>
#include <memory>

namespace coroscope::trace {
class Trace;
}

namespace coroscope::report {

struct HistoryRunStart {
    QString patternId;
    QString name; // shown in the history list; the pattern title is a good default
    QVariantMap parameters;
    QDateTime startedAt = QDateTime::currentDateTimeUtc();
};

// Stores one run in the history while it runs. Call append() whenever the live trace grew
// (PatternRun::eventsAppended gives `first`): the writer batches and writes at most once per
// flush interval (1 s by default), each time in one transaction, so a crash loses at most
// the last interval. finish() writes the rest and the outcome. A writer destroyed before
// finish() marks its run "interrupted".
//
// Has its own database connection; use it from one thread.
class HistoryWriter
{
public:
    HistoryWriter();
    ~HistoryWriter();
    HistoryWriter(const HistoryWriter &) = delete;
    HistoryWriter &operator=(const HistoryWriter &) = delete;

    bool begin(const QString &databasePath, const HistoryRunStart &start, QString *error = nullptr);
    bool isActive() const;
    qint64 runId() const { return m_runId; }

    void setFlushInterval(std::chrono::milliseconds interval) { m_flushInterval = interval; }
    // Events of `trace` from `firstChanged` on are new or moved since the last call.
    bool append(const trace::Trace &trace, qsizetype firstChanged, QString *error = nullptr);
    // Writes everything not yet written, now.
    bool flush(const trace::Trace &trace, QString *error = nullptr);
    bool finish(const trace::Trace &trace, const QString &status, const QString &summary, QString *error = nullptr);

private:
    struct Statements;
    void end(const QString &status);

    QString m_path;
    QString m_connection;
    std::unique_ptr<Statements> m_statements;
    qint64 m_runId = 0;
    qsizetype m_writtenEvents = 0;
    qsizetype m_pendingFrom = 0;
    int m_writtenStrings = 0;
    int m_writtenLocations = 0;
    QStringList m_writtenThreads;
    std::chrono::milliseconds m_flushInterval{1000};
    QElapsedTimer m_sinceFlush;
};

} // namespace coroscope::report
