// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/comparisonmodel.h"

#include "trace/summary.h"

#include <QFont>

namespace coroscope::app {

ComparisonModel::ComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ComparisonModel::setRuns(const trace::Summary &first, const trace::Summary &second)
{
    beginResetModel();
    m_rows = report::compareRuns(first, second);
    endResetModel();
}

void ComparisonModel::setHeadings(const QString &first, const QString &second)
{
    m_firstHeading = first;
    m_secondHeading = second;
    Q_EMIT headerDataChanged(Qt::Horizontal, FirstColumn, SecondColumn);
}

int ComparisonModel::rowOf(const QString &metric) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].metric == metric)
            return int(i);
    }
    return -1;
}

int ComparisonModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ComparisonModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto &row = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case MetricColumn: return row.metric;
        case FirstColumn: return row.first;
        case SecondColumn: return row.second;
        case ChangeColumn: return row.differs ? row.change : tr("same");
        default: return {};
        }
    case Qt::FontRole:
        if (row.differs) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == MetricColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                              : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case DiffersRole: return row.differs;
    default: return {};
    }
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case MetricColumn: return tr("Metric");
    case FirstColumn: return m_firstHeading;
    case SecondColumn: return m_secondHeading;
    case ChangeColumn: return tr("Change A → B");
    default: return {};
    }
}

} // namespace coroscope::app
