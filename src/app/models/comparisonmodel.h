// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/comparison.h"

#include <QAbstractTableModel>

#include <vector>

namespace coroscope::trace {
struct Summary;
}

namespace coroscope::app {

// What differs between two runs, one metric a row (report::compareRuns): the metric, run A,
// run B and the change from A to B. Rows whose values differ are emphasised (bold) and say so
// in DiffersRole.
class ComparisonModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { MetricColumn, FirstColumn, SecondColumn, ChangeColumn, ColumnCount };
    enum Role { DiffersRole = Qt::UserRole + 1 };

    explicit ComparisonModel(QObject *parent = nullptr);

    void setRuns(const trace::Summary &first, const trace::Summary &second);
    // Column headings, "A: gather" / "B: sequential".
    void setHeadings(const QString &first, const QString &second);

    const std::vector<report::ComparisonRow> &rows() const { return m_rows; }
    // The row of `metric` ("wall time"), or -1.
    int rowOf(const QString &metric) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<report::ComparisonRow> m_rows;
    QString m_firstHeading = QStringLiteral("A");
    QString m_secondHeading = QStringLiteral("B");
};

} // namespace coroscope::app
