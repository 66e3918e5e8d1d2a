// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/historymodel.h"

#include "timeline/timeformat.h"
#include "timeline/timelinepalette.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace coroscope::app {

using timeline::formatDuration;
using timeline::TimelinePalette;
namespace {

QString parametersText(const QVariantMap &parameters)
{
    QStringList parts;
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it)
        parts.append(it.key() + QLatin1Char('=') + it.value().toString());
    return parts.join(QStringLiteral(", "));
}

} // namespace

HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

HistoryModel::~HistoryModel() = default;

bool HistoryModel::open(const QString &path)
{
    close();
    m_path = path;
    if (path.isEmpty()) {
        m_error = tr("no history file is set");
        return false;
    }
    QString error;
    if (!m_history.open(path, &error)) {
        m_error = tr("cannot open %1: %2").arg(path, error);
        return false;
    }
    return refresh();
}

void HistoryModel::close()
{
    beginResetModel();
    m_runs.clear();
    m_history.close();
    m_error.clear();
    endResetModel();
}

bool HistoryModel::refresh()
{
    if (!m_history.isOpen())
        return false;
    QString error;
    auto runs = m_history.runs(&error);
    if (!error.isEmpty()) {
        m_error = tr("cannot read %1: %2").arg(m_path, error);
        return false;
    }
    m_error.clear();
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
    return true;
}

const report::HistoryRun *HistoryModel::run(int row) const
{
    return row >= 0 && row < int(m_runs.size()) ? &m_runs[std::size_t(row)] : nullptr;
}

int HistoryModel::rowOfRun(qint64 id) const
{
    for (std::size_t row = 0; row < m_runs.size(); ++row) {
        if (m_runs[row].id == id)
            return int(row);
    }
    return -1;
}

bool HistoryModel::rename(qint64 id, const QString &name, QString *error)
{
    auto refuse = [&](const QString &why) {
        if (error)
            *error = why;
        Q_EMIT problem(why);
        return false;
    };
    const auto trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return refuse(tr("Run #%1 keeps its name: a name cannot be empty.").arg(id));
    QString why;
    if (!m_history.rename(id, trimmed, &why))
        return refuse(tr("Cannot rename run #%1: %2").arg(id).arg(why));
    if (const int row = rowOfRun(id); row >= 0) {
        m_runs[std::size_t(row)].name = trimmed;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    return true;
}

bool HistoryModel::remove(const QList<qint64> &ids, QString *error)
{
    QStringList failures;
    for (const auto id : ids) {
        QString why;
        if (!m_history.remove(id, &why)) {
            failures.append(tr("run #%1: %2").arg(id).arg(why));
            continue;
        }
        if (const int row = rowOfRun(id); row >= 0) {
            beginRemoveRows({}, row, row);
            m_runs.erase(m_runs.begin() + row);
            endRemoveRows();
        }
    }
    if (failures.isEmpty())
        return true;
    const auto message = tr("Could not delete %1").arg(failures.join(QStringLiteral("; ")));
    if (error)
        *error = message;
    Q_EMIT problem(message);
    return false;
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_runs.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString HistoryModel::text(const report::HistoryRun &run, int column) const
{
    switch (column) {
    case IdColumn: return QString::number(run.id);
    case StartedColumn: return run.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case PatternColumn: return run.patternId;
    case NameColumn: return run.name;
    case StatusColumn: return run.status;
    case WallColumn: return run.finishedAt.isValid() ? formatDuration(run.wallNs) : QString();
    case TasksColumn: return QLocale().toString(run.taskCount);
    case SummaryColumn: return run.summary;
    }
    return {};
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    const auto *stored = index.isValid() ? run(index.row()) : nullptr;
    if (!stored)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole: return text(*stored, index.column());
    case Qt::ToolTipRole: {
        QString tip = tr("Run #%1, %2").arg(stored->id).arg(stored->status);
        if (!stored->summary.isEmpty())
            tip += QStringLiteral(": ") + stored->summary;
        if (!stored->parameters.isEmpty())
            tip += QLatin1Char('\n') + parametersText(stored->parameters);
        tip += tr("\n%L1 events").arg(stored->eventCount);
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == WallColumn || index.column() == TasksColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole: {
        if (index.column() != StatusColumn)
            return {};
        const auto palette = TimelinePalette::forPalette(QGuiApplication::palette());
        if (stored->status == QLatin1String("error"))
            return palette.failed();
        if (stored->status == QLatin1String("cancelled") || stored->status == report::History::interruptedStatus())
            return palette.cancelled();
        return {};
    }
    case RunIdRole: return stored->id;
    case StatusRole: return stored->status;
    }
    return {};
}

bool HistoryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const auto *stored = index.isValid() ? run(index.row()) : nullptr;
    if (!stored || role != Qt::EditRole || index.column() != NameColumn)
        return false;
    return rename(stored->id, value.toString());
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn: return QStringLiteral("#");
    case StartedColumn: return tr("Started");
    case PatternColumn: return tr("Pattern");
    case NameColumn: return tr("Name");
    case StatusColumn: return tr("Status");
    case WallColumn: return tr("Wall time");
    case TasksColumn: return tr("Tasks");
    case SummaryColumn: return tr("Outcome");
    }
    return {};
}

Qt::ItemFlags HistoryModel::flags(const QModelIndex &index) const
{
    auto flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == NameColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

} // namespace coroscope::app
