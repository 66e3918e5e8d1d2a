// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/history.h"

#include "report/failwith.h"
#include "report/historydatabase.h"
#include "trace/trace.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <limits>

namespace coroscope::report {

using namespace coroscope::trace;

namespace {

QDateTime fromMs(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

constexpr char runColumns[] = "id, pattern_id, name, parameters, started_at, finished_at, status, summary, "
                              "event_count, task_count, wall_ns FROM runs";

HistoryRun runFrom(const QSqlQuery &query)
{
    HistoryRun run;
    run.id = query.value(0).toLongLong();
    run.patternId = query.value(1).toString();
    run.name = query.value(2).toString();
    run.parameters = QJsonDocument::fromJson(query.value(3).toString().toUtf8()).object().toVariantMap();
    run.startedAt = fromMs(query.value(4));
    run.finishedAt = fromMs(query.value(5));
    run.status = query.value(6).toString();
    run.summary = query.value(7).toString();
    run.eventCount = query.value(8).toLongLong();
    run.taskCount = query.value(9).toInt();
    run.wallNs = query.value(10).toLongLong();
    return run;
}

} // namespace

History::History() = default;

History::~History()
{
    close();
}

bool History::open(const QString &path, QString *error)
{
    close();
    const QString name = detail::uniqueConnectionName("coroscope-history");
    QSqlDatabase db = detail::openHistoryDatabase(path, name, error);
    if (!db.isValid())
        return false;
    m_path = path;
    m_connection = name;
    if (!markInterruptedRuns(error)) {
        close();
        return false;
    }
    return true;
}

void History::close()
{
    if (m_connection.isEmpty())
        return;
    detail::closeHistoryDatabase(m_connection);
    m_connection.clear();
    m_path.clear();
}

bool History::isBeingWritten(qint64 id, const QString &writer) const
{
    if (writer == detail::currentProcessIdentity())
        return detail::isActiveRun(m_path, id);
    return detail::isProcessAlive(writer);
}

bool History::markInterruptedRuns(QString *error)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    std::vector<qint64> orphans;
    {
        QSqlQuery query(db);
        query.prepare(QStringLiteral("SELECT id, writer FROM runs WHERE status = ?"));
        query.addBindValue(runningStatus());
        if (!query.exec())
            return detail::failWith(error, query.lastError().text());
        while (query.next()) {
            if (!isBeingWritten(query.value(0).toLongLong(), query.value(1).toString()))
                orphans.push_back(query.value(0).toLongLong());
        }
    }
    for (const auto id : orphans) {
        // What was committed stays; the counts are taken from it, since the last update of the
        // run row may be older than the last events.
        QSqlQuery update(db);
        update.prepare(
            QStringLiteral("UPDATE runs SET status = ?, finished_at = updated_at,"
                           " summary = ?,"
                           " event_count = (SELECT count(*) FROM events WHERE run_id = ?),"
                           " wall_ns = coalesce((SELECT max(time_ns) - min(time_ns) FROM events WHERE run_id = ?), 0)"
                           " WHERE id = ? AND status = ?"));
        update.addBindValue(interruptedStatus());
        update.addBindValue(QStringLiteral("interrupted: the program stopped before the run finished"));
        update.addBindValue(id);
        update.addBindValue(id);
        update.addBindValue(id);
        update.addBindValue(runningStatus());
        if (!update.exec())
            return detail::failWith(error, update.lastError().text());
    }
    return true;
}

std::vector<HistoryRun> History::runs(QString *error) const
{
    std::vector<HistoryRun> result;
    if (!isOpen()) {
        detail::failWith(error, QStringLiteral("the run history is not open"));
        return result;
    }
    QSqlQuery query(QSqlDatabase::database(m_connection));
    if (!query.exec(QStringLiteral("SELECT %1 ORDER BY started_at DESC, id DESC").arg(QLatin1String(runColumns)))) {
        detail::failWith(error, query.lastError().text());
        return result;
    }
    while (query.next())
        result.push_back(runFrom(query));
    return result;
}

std::optional<HistoryRun> History::run(qint64 id, QString *error) const
{
    if (!isOpen()) {
        detail::failWith(error, QStringLiteral("the run history is not open"));
        return std::nullopt;
    }
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("SELECT %1 WHERE id = ?").arg(QLatin1String(runColumns)));
    query.addBindValue(id);
    if (!query.exec()) {
        detail::failWith(error, query.lastError().text());
        return std::nullopt;
    }
    if (!query.next()) {
        detail::failWith(error, QStringLiteral("there is no run %1 in the history").arg(id));
        return std::nullopt;
    }
    return runFrom(query);
}

bool History::load(qint64 id, Trace &trace, QString *error) const
{
    trace.clear();
    if (!run(id, error))
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const QString corrupt = QStringLiteral("run %1 is damaged in the history: ").arg(id);
    // One read transaction: a writer appending meanwhile cannot give a half-updated picture.
    db.transaction();
    auto rollback = qScopeGuard([&] { db.rollback(); });
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT id, text FROM strings WHERE run_id = ? ORDER BY id"));
        query.addBindValue(id);
        if (!query.exec())
            return detail::failWith(error, query.lastError().text());
        while (query.next()) {
            const auto expected = StringId(trace.stringCount());
            if (query.value(0).toLongLong() == 0)
                continue; // the empty string every trace starts with
            if (query.value(0).toLongLong() != expected || trace.addString(query.value(1).toString()) != expected)
                return detail::failWith(error,
                                        corrupt + QStringLiteral("string %1 is missing or repeated").arg(expected));
        }
    }
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT id, file, function, line FROM locations WHERE run_id = ? ORDER BY id"));
        query.addBindValue(id);
        if (!query.exec())
            return detail::failWith(error, query.lastError().text());
        while (query.next()) {
            const auto expected = LocationId(trace.locationCount());
            if (query.value(0).toLongLong() == 0)
                continue;
            const Location location{query.value(1).toString(), query.value(2).toString(), query.value(3).toInt()};
            if (query.value(0).toLongLong() != expected || trace.addLocation(location) != expected)
                return detail::failWith(error,
                                        corrupt + QStringLiteral("location %1 is missing or repeated").arg(expected));
        }
    }
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT idx, name FROM threads WHERE run_id = ? ORDER BY idx"));
        query.addBindValue(id);
        if (!query.exec())
            return detail::failWith(error, query.lastError().text());
        while (query.next()) {
            const auto index = query.value(0).toLongLong();
            if (index < 0 || index > std::numeric_limits<ThreadIndex>::max())
                return detail::failWith(error, corrupt + QStringLiteral("thread %1 is out of range").arg(index));
            trace.setThreadName(ThreadIndex(index), query.value(1).toString());
        }
    }
    std::vector<Event> events;
    {
        QSqlQuery query(db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT time_ns, kind, task, label, location, thread, detail, value, seq"
                                     " FROM events WHERE run_id = ? ORDER BY seq"));
        query.addBindValue(id);
        if (!query.exec())
            return detail::failWith(error, query.lastError().text());
        while (query.next()) {
            Event event;
            event.timeNs = query.value(0).toLongLong();
            const auto kind = query.value(1).toLongLong();
            const auto label = query.value(3).toLongLong();
            const auto location = query.value(4).toLongLong();
            if (query.value(8).toLongLong() != qint64(events.size()) || kind < 0 || kind > qint64(EventKind::Counter)
                || label < 0 || label >= trace.stringCount() || location < 0 || location >= trace.locationCount())
                return detail::failWith(error, corrupt + QStringLiteral("event %1 is invalid").arg(events.size()));
            event.kind = EventKind(kind);
            event.task = TaskId(query.value(2).toLongLong());
            event.label = StringId(label);
            event.location = LocationId(location);
            event.thread = ThreadIndex(query.value(5).toLongLong());
            event.detail = quint8(query.value(6).toLongLong());
            const QVariant value = query.value(7);
            event.value = value.isNull() ? std::numeric_limits<double>::quiet_NaN() : value.toDouble();
            events.push_back(event);
        }
    }
    // Stored in trace order; sorting is only a safety net for an edited database.
    if (!std::is_sorted(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.timeNs < b.timeNs; }))
        std::stable_sort(events.begin(), events.end(),
                         [](const Event &a, const Event &b) { return a.timeNs < b.timeNs; });
    trace.append(events);
    return true;
}

bool History::rename(qint64 id, const QString &name, QString *error)
{
    if (!run(id, error))
        return false;
    QSqlQuery query(QSqlDatabase::database(m_connection));
    query.prepare(QStringLiteral("UPDATE runs SET name = ? WHERE id = ?"));
    query.addBindValue(name.isNull() ? QStringLiteral("") : name);
    query.addBindValue(id);
    if (!query.exec())
        return detail::failWith(error, query.lastError().text());
    return true;
}

bool History::remove(qint64 id, QString *error)
{
    if (!run(id, error))
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    {
        QSqlQuery writer(db);
        writer.prepare(QStringLiteral("SELECT writer FROM runs WHERE id = ? AND status = ?"));
        writer.addBindValue(id);
        writer.addBindValue(runningStatus());
        if (writer.exec() && writer.next() && isBeingWritten(id, writer.value(0).toString()))
            return detail::failWith(error, QStringLiteral("run %1 is still being recorded").arg(id));
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM runs WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return detail::failWith(error, query.lastError().text());
    return true;
}

} // namespace coroscope::report
