// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/history.h"

#include <QAbstractTableModel>

#include <vector>

namespace coroscope::app {

// The stored runs of one history file, newest first, as a table. Renaming (editing the name
// column) and deleting write through to the file at once; the list is re-read on refresh().
// Without an open file the table is empty and errorString() says why the history is off.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        StartedColumn,
        PatternColumn,
        NameColumn,
        StatusColumn,
        WallColumn,
        TasksColumn,
        SummaryColumn, // what the run produced, or why it failed
        ColumnCount
    };
    enum Role {
        RunIdRole = Qt::UserRole + 1,
        StatusRole, // "ok", "error", "cancelled", "interrupted", "running", ...
    };

    explicit HistoryModel(QObject *parent = nullptr);
    ~HistoryModel() override;

    // Opens (creating if needed) the history at `path` and lists it; false with errorString().
    bool open(const QString &path);
    void close();
    bool isOpen() const { return m_history.isOpen(); }
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }

    // Re-reads the list; false (with errorString()) if the file cannot be read any more.
    bool refresh();

    const report::HistoryRun *run(int row) const;
    const std::vector<report::HistoryRun> &runs() const { return m_runs; }
    int rowOfRun(qint64 id) const;
    bool rename(qint64 id, const QString &name, QString *error = nullptr);
    // Removes every run it can; false with the reasons of those it could not.
    bool remove(const QList<qint64> &ids, QString *error = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // A change the user asked for was refused or failed; the message says why.
    void problem(const QString &message);

private:
    QString text(const report::HistoryRun &run, int column) const;

    report::History m_history;
    QString m_path;
    QString m_error;
    std::vector<report::HistoryRun> m_runs;
};

} // namespace coroscope::app
