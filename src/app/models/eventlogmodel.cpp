// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/eventlogmodel.h"

#include "app/models/sourcetext.h"
#include "timeline/timeformat.h"

#include <algorithm>

namespace coroscope::app {

using timeline::formatMilliseconds;
using timeline::reasonTitle;
using timeline::Span;
using timeline::SpanState;

using trace::EventKind;

EventLogModel::EventLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &EventLogModel::flush);
    m_sinceFlush.start();
}

void EventLogModel::setTrace(const trace::Trace *trace)
{
    m_flushTimer.stop();
    m_pendingFirst = -1;
    beginResetModel();
    m_trace = trace;
    m_rows = trace ? int(trace->events().size()) : 0;
    endResetModel();
}

void EventLogModel::setUpdateInterval(int milliseconds)
{
    m_flushTimer.setInterval(std::max(0, milliseconds));
    if (milliseconds <= 0)
        flush();
}

void EventLogModel::update(qsizetype first, qsizetype count)
{
    Q_UNUSED(count);
    if (!m_trace)
        return;
    if (first < 0 || qsizetype(m_trace->events().size()) < m_rows) {
        setTrace(m_trace);
        return;
    }
    m_pendingFirst = m_pendingFirst < 0 ? first : std::min(m_pendingFirst, first);
    if (m_flushTimer.interval() == 0 || m_sinceFlush.elapsed() >= m_flushTimer.interval())
        flush();
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void EventLogModel::flush()
{
    m_flushTimer.stop();
    m_sinceFlush.restart();
    if (!m_trace || m_pendingFirst < 0)
        return;
    const auto first = m_pendingFirst;
    m_pendingFirst = -1;
    const int size = int(m_trace->events().size());
    // Rows from `first` to the old end now hold other (moved) events.
    if (first < m_rows)
        Q_EMIT dataChanged(index(int(first), 0), index(m_rows - 1, ColumnCount - 1));
    if (size > m_rows) {
        beginInsertRows({}, m_rows, size - 1);
        m_rows = size;
        endInsertRows();
    }
}

void EventLogModel::setPalette(const TimelinePalette &palette)
{
    m_palette = palette;
    if (m_rows > 0)
        Q_EMIT dataChanged(index(0, EventColumn), index(m_rows - 1, EventColumn), {Qt::DecorationRole});
}

const trace::Event *EventLogModel::event(int row) const
{
    if (!m_trace || row < 0 || row >= m_rows)
        return nullptr;
    return &m_trace->events()[std::size_t(row)];
}

int EventLogModel::rowAtTime(qint64 timeNs) const
{
    if (!m_trace)
        return 0;
    const auto &events = m_trace->events();
    const auto end = events.begin() + m_rows;
    const auto it = std::partition_point(events.begin(), end, [&](const trace::Event &e) { return e.timeNs < timeNs; });
    return int(it - events.begin());
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EventLogModel::taskName(trace::TaskId task) const
{
    if (task == 0)
        return QStringLiteral("—");
    const auto *info = m_trace->task(task);
    return QStringLiteral("%1 #%2").arg(info ? m_trace->string(info->name) : tr("task")).arg(task);
}

QString EventLogModel::text(const trace::Event &event, int column) const
{
    switch (column) {
    case TimeColumn: return formatMilliseconds(event.timeNs);
    case TaskColumn: return taskName(event.task);
    case EventColumn: return QString::fromLatin1(trace::toString(event.kind));
    case DetailColumn: {
        const auto label = m_trace->string(event.label);
        switch (event.kind) {
        case EventKind::Created:
            return event.value != 0 ? tr("spawned by ") + taskName(trace::TaskId(event.value)) : tr("root task");
        case EventKind::Started:
        case EventKind::Resumed: return {};
        case EventKind::Suspended:
            return reasonTitle(event.reason()) + (label.isEmpty() ? QString() : QStringLiteral(": ") + label);
        case EventKind::Finished:
            return QString::fromLatin1(trace::toString(event.status()))
                   + (label.isEmpty() ? QString() : QStringLiteral(": ") + label);
        case EventKind::Counter: return QStringLiteral("%1 = %2").arg(label).arg(event.value);
        case EventKind::Mark: return label;
        }
        return {};
    }
    case SourceColumn: return fileAndLine(m_trace->location(event.location));
    case ThreadColumn: return m_trace->threadName(event.thread);
    default: return {};
    }
}

QString EventLogModel::searchText(int row) const
{
    const auto *e = event(row);
    if (!e)
        return {};
    return text(*e, TaskColumn) + QLatin1Char(' ') + text(*e, EventColumn) + QLatin1Char(' ') + text(*e, DetailColumn)
           + QLatin1Char(' ') + text(*e, SourceColumn);
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto *e = event(index.row());
    if (!e)
        return {};
    switch (role) {
    case Qt::DisplayRole: return text(*e, index.column());
    case Qt::ToolTipRole:
        if (index.column() == SourceColumn && e->location) {
            const auto where = m_trace->location(e->location);
            return QStringLiteral("%1:%2\n%3").arg(where.file).arg(where.line).arg(shortFunctionName(where.function));
        }
        return index.column() == DetailColumn ? text(*e, DetailColumn) : QVariant();
    case Qt::DecorationRole:
        if (index.column() != EventColumn)
            return {};
        switch (e->kind) {
        case EventKind::Suspended: {
            Span probe;
            probe.state = SpanState::Suspended;
            probe.reason = e->reason();
            return m_palette.spanColor(probe);
        }
        case EventKind::Started:
        case EventKind::Resumed: return m_palette.running();
        case EventKind::Finished:
            return e->status() == trace::FinishStatus::Error       ? m_palette.failed()
                   : e->status() == trace::FinishStatus::Cancelled ? m_palette.cancelled()
                                                                   : QVariant();
        default: return {};
        }
    case Qt::ForegroundRole:
        if (e->kind == EventKind::Finished && e->status() == trace::FinishStatus::Error)
            return m_palette.failed();
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == TimeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case TaskIdRole: return e->task;
    case TimeNsRole: return e->timeNs;
    case KindRole: return int(e->kind);
    default: return {};
    }
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time (ms)");
    case TaskColumn: return tr("Task");
    case EventColumn: return tr("Event");
    case DetailColumn: return tr("Detail");
    case SourceColumn: return tr("Source");
    case ThreadColumn: return tr("Thread");
    default: return {};
    }
}

} // namespace coroscope::app
