// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/historywriter.h"

#include "report/failwith.h"
#include "report/history.h"
#include "report/historydatabase.h"
#include "trace/trace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

#include <cmath>

namespace coroscope::report {

using namespace coroscope::trace;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A null QString binds as SQL NULL; the text columns are NOT NULL.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

} // namespace

// Events go in by blocks of this many rows per INSERT: each QSqlQuery::exec() costs far more
// than a row, so a million-event run is written about ten times faster than row by row.
// 64 rows of 10 values stay under SQLite's oldest limit of 999 parameters.
constexpr int EventsPerInsert = 64;

QString eventInsert(int rows)
{
    QString sql = QStringLiteral(
        "INSERT INTO events (run_id, seq, time_ns, kind, task, label, location, thread, detail, value) VALUES ");
    for (int i = 0; i < rows; ++i)
        sql += i == 0 ? QStringLiteral("(?,?,?,?,?,?,?,?,?,?)") : QStringLiteral(",(?,?,?,?,?,?,?,?,?,?)");
    return sql;
}

// Prepared once per run: a flush is one transaction of bound inserts.
struct HistoryWriter::Statements {
    explicit Statements(const QSqlDatabase &db)
        : string(db)
        , location(db)
        , thread(db)
        , event(db)
        , events(db)
        , truncate(db)
        , progress(db)
    {
        events.prepare(eventInsert(EventsPerInsert));
        string.prepare(QStringLiteral("INSERT OR REPLACE INTO strings (run_id, id, text) VALUES (?, ?, ?)"));
        location.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO locations (run_id, id, file, function, line) VALUES (?, ?, ?, ?, ?)"));
        thread.prepare(QStringLiteral("INSERT OR REPLACE INTO threads (run_id, idx, name) VALUES (?, ?, ?)"));
        event.prepare(eventInsert(1));
        truncate.prepare(QStringLiteral("DELETE FROM events WHERE run_id = ? AND seq >= ?"));
        progress.prepare(QStringLiteral(
            "UPDATE runs SET event_count = ?, task_count = ?, wall_ns = ?, updated_at = ? WHERE id = ?"));
    }
    QSqlQuery string, location, thread, event, events, truncate, progress;
};

HistoryWriter::HistoryWriter() = default;

HistoryWriter::~HistoryWriter()
{
    if (isActive())
        end(History::interruptedStatus());
}

bool HistoryWriter::isActive() const
{
    return m_runId != 0;
}

bool HistoryWriter::begin(const QString &databasePath, const HistoryRunStart &start, QString *error)
{
    if (isActive())
        return detail::failWith(error, QStringLiteral("this writer is already recording run %1").arg(m_runId));
    const QString name = detail::uniqueConnectionName("coroscope-history-writer");
    QSqlDatabase db = detail::openHistoryDatabase(databasePath, name, error);
    if (!db.isValid())
        return false;
    qint64 id = 0;
    QString why;
    {
        QSqlQuery insert(db);
        insert.prepare(
            QStringLiteral("INSERT INTO runs (pattern_id, name, parameters, started_at, status, writer, updated_at)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        insert.addBindValue(text(start.patternId));
        insert.addBindValue(text(start.name));
        insert.addBindValue(QString::fromUtf8(
            QJsonDocument(QJsonObject::fromVariantMap(start.parameters)).toJson(QJsonDocument::Compact)));
        insert.addBindValue(
            (start.startedAt.isValid() ? start.startedAt : QDateTime::currentDateTimeUtc()).toMSecsSinceEpoch());
        insert.addBindValue(History::runningStatus());
        insert.addBindValue(detail::currentProcessIdentity());
        insert.addBindValue(nowMs());
        if (insert.exec())
            id = insert.lastInsertId().toLongLong();
        else
            why = insert.lastError().text();
    }
    if (id == 0) {
        db = QSqlDatabase();
        detail::closeHistoryDatabase(name);
        return detail::failWith(error, QStringLiteral("cannot start recording the run: %1").arg(why));
    }
    m_path = databasePath;
    m_connection = name;
    m_runId = id;
    m_statements = std::make_unique<Statements>(db);
    m_writtenEvents = m_pendingFrom = 0;
    m_writtenStrings = 1; // string 0 and location 0 are implied
    m_writtenLocations = 1;
    m_writtenThreads.clear();
    m_sinceFlush.start();
    detail::registerActiveRun(m_path, m_runId);
    return true;
}

bool HistoryWriter::append(const Trace &trace, qsizetype firstChanged, QString *error)
{
    if (!isActive())
        return detail::failWith(error, QStringLiteral("the history writer has not begun a run"));
    m_pendingFrom = std::min(m_pendingFrom, std::max<qsizetype>(0, firstChanged));
    if (m_sinceFlush.elapsed() < m_flushInterval.count())
        return true;
    return flush(trace, error);
}

bool HistoryWriter::flush(const Trace &trace, QString *error)
{
    if (!isActive())
        return detail::failWith(error, QStringLiteral("the history writer has not begun a run"));
    m_sinceFlush.restart();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    auto &s = *m_statements;
    const auto &events = trace.events();
    const qsizetype from = std::min({m_pendingFrom, m_writtenEvents, qsizetype(events.size())});
    QString why;
    auto run = [&](QSqlQuery &query) {
        if (!query.exec()) {
            why = query.lastError().text();
            return false;
        }
        return true;
    };
    if (!db.transaction())
        return detail::failWith(error, QStringLiteral("cannot write the run history: %1").arg(db.lastError().text()));
    bool ok = true;
    for (int i = m_writtenStrings; ok && i < trace.stringCount(); ++i) {
        s.string.bindValue(0, m_runId);
        s.string.bindValue(1, i);
        s.string.bindValue(2, text(trace.string(StringId(i))));
        ok = run(s.string);
    }
    for (int i = m_writtenLocations; ok && i < trace.locationCount(); ++i) {
        const auto location = trace.location(LocationId(i));
        s.location.bindValue(0, m_runId);
        s.location.bindValue(1, i);
        s.location.bindValue(2, text(location.file));
        s.location.bindValue(3, text(location.function));
        s.location.bindValue(4, location.line);
        ok = run(s.location);
    }
    for (int i = 0; ok && i < trace.threadCount(); ++i) {
        const QString name = trace.threadName(ThreadIndex(i));
        if (i < m_writtenThreads.size() && m_writtenThreads.at(i) == name)
            continue;
        s.thread.bindValue(0, m_runId);
        s.thread.bindValue(1, i);
        s.thread.bindValue(2, text(name));
        ok = run(s.thread);
    }
    // Events from `from` on are new or were moved by a late batch: rewrite them.
    if (ok && from < m_writtenEvents) {
        s.truncate.bindValue(0, m_runId);
        s.truncate.bindValue(1, qint64(from));
        ok = run(s.truncate);
    }
    auto bindEvent = [&](QSqlQuery &query, int row, qsizetype index) {
        const auto &event = events[std::size_t(index)];
        const int base = row * 10;
        query.bindValue(base + 0, m_runId);
        query.bindValue(base + 1, qint64(index));
        query.bindValue(base + 2, event.timeNs);
        query.bindValue(base + 3, int(event.kind));
        query.bindValue(base + 4, qint64(event.task));
        query.bindValue(base + 5, qint64(event.label));
        query.bindValue(base + 6, qint64(event.location));
        query.bindValue(base + 7, int(event.thread));
        query.bindValue(base + 8, int(event.detail));
        query.bindValue(base + 9,
                        std::isnan(event.value) ? QVariant(QMetaType::fromType<double>()) : QVariant(event.value));
    };
    auto i = from;
    for (; ok && i + EventsPerInsert <= qsizetype(events.size()); i += EventsPerInsert) {
        for (int row = 0; row < EventsPerInsert; ++row)
            bindEvent(s.events, row, i + row);
        ok = run(s.events);
    }
    for (; ok && i < qsizetype(events.size()); ++i) {
        bindEvent(s.event, 0, i);
        ok = run(s.event);
    }
    if (ok) {
        s.progress.bindValue(0, qint64(events.size()));
        s.progress.bindValue(1, qint64(trace.tasks().size()));
        s.progress.bindValue(2, trace.durationNs());
        s.progress.bindValue(3, nowMs());
        s.progress.bindValue(4, m_runId);
        ok = run(s.progress);
    }
    if (!ok || !db.commit()) {
        if (why.isEmpty())
            why = db.lastError().text();
        db.rollback();
        return detail::failWith(error, QStringLiteral("cannot write the run history: %1").arg(why));
    }
    m_writtenStrings = std::max(m_writtenStrings, trace.stringCount());
    m_writtenLocations = std::max(m_writtenLocations, trace.locationCount());
    m_writtenThreads.clear();
    for (int i = 0; i < trace.threadCount(); ++i)
        m_writtenThreads << trace.threadName(ThreadIndex(i));
    m_writtenEvents = qsizetype(events.size());
    m_pendingFrom = m_writtenEvents;
    return true;
}

bool HistoryWriter::finish(const Trace &trace, const QString &status, const QString &summary, QString *error)
{
    if (!isActive())
        return detail::failWith(error, QStringLiteral("the history writer has not begun a run"));
    if (!flush(trace, error)) {
        end(History::interruptedStatus());
        return false;
    }
    bool ok = false;
    QString why;
    {
        QSqlQuery query(QSqlDatabase::database(m_connection));
        query.prepare(
            QStringLiteral("UPDATE runs SET status = ?, summary = ?, finished_at = ?, updated_at = ? WHERE id = ?"));
        query.addBindValue(text(status));
        query.addBindValue(text(summary));
        query.addBindValue(nowMs());
        query.addBindValue(nowMs());
        query.addBindValue(m_runId);
        ok = query.exec();
        if (!ok)
            why = query.lastError().text();
    }
    end(QString());
    return ok || detail::failWith(error, QStringLiteral("cannot write the run history: %1").arg(why));
}

// Closes the connection; with a status, first records it (a run abandoned without finish()).
void HistoryWriter::end(const QString &status)
{
    if (!status.isEmpty()) {
        QSqlQuery query(QSqlDatabase::database(m_connection));
        query.prepare(
            QStringLiteral("UPDATE runs SET status = ?, finished_at = ?, updated_at = ? WHERE id = ? AND status = ?"));
        query.addBindValue(text(status));
        query.addBindValue(nowMs());
        query.addBindValue(nowMs());
        query.addBindValue(m_runId);
        query.addBindValue(History::runningStatus());
        query.exec();
    }
    m_statements.reset();
    detail::unregisterActiveRun(m_path, m_runId);
    detail::closeHistoryDatabase(m_connection);
    m_connection.clear();
    m_runId = 0;
}

} // namespace coroscope::report
