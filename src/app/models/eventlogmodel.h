// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeline/timelinepalette.h"
#include "trace/trace.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QTimer>

namespace coroscope::app {

using timeline::TimelinePalette;

// Every event of a run as a table row, in time order. Rows are read straight from the trace
// (nothing is copied), so a million-event run costs the table nothing until rows are shown.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, TaskColumn, EventColumn, DetailColumn, SourceColumn, ThreadColumn, ColumnCount };
    enum Role {
        TaskIdRole = Qt::UserRole + 1,
        TimeNsRole,
        KindRole, // int(trace::EventKind)
    };

    explicit EventLogModel(QObject *parent = nullptr);

    // Shows `trace` (not owned); nullptr clears.
    void setTrace(const trace::Trace *trace);
    const trace::Trace *trace() const { return m_trace; }
    // The trace grew: events [first, first + count) are new or moved.
    void update(qsizetype first, qsizetype count);
    // While a run streams in, announce new rows at most this often (0: at once). A table
    // re-lays out every visible row when rows are inserted; a few times a second is plenty.
    void setUpdateInterval(int milliseconds);
    // Announce whatever is pending now.
    void flush();
    // Colours of the event swatches, matching the timeline.
    void setPalette(const TimelinePalette &palette);

    const trace::Event *event(int row) const;
    // The first row at or after `timeNs` (rowCount() if none).
    int rowAtTime(qint64 timeNs) const;
    // Everything a row says, in one string, for the search filter.
    QString searchText(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(const trace::Event &event, int column) const;
    QString taskName(trace::TaskId task) const;

    const trace::Trace *m_trace = nullptr;
    int m_rows = 0;
    TimelinePalette m_palette = TimelinePalette::light();
    qsizetype m_pendingFirst = -1; // lowest row changed since the last announcement
    QTimer m_flushTimer;
    QElapsedTimer m_sinceFlush;
};

} // namespace coroscope::app
