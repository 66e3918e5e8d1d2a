// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"

#include <QTimer>
#include <QWidget>

#include <memory>

namespace Ui {
class EventLogPanel;
}
class QTableView;

namespace coroscope::app {

class EventLogFilter;
class EventLogModel;
class TimelineState;

// The event log: a filterable table of every event, kept in step with the timeline. Picking a
// row selects its task and (after the run) moves the playhead there; selecting a task selects
// its rows; the playhead scrolls the table.
class EventLogPanel : public QWidget
{
    Q_OBJECT
public:
    explicit EventLogPanel(QWidget *parent = nullptr);
    ~EventLogPanel() override;

    void setModel(EventLogModel *model);
    void setState(TimelineState *state);

    EventLogFilter *filter() const { return m_filter; }
    QTableView *table() const;
    void focusFilter();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applySelectionColors();
    void onCurrentRowChanged(const QModelIndex &current);
    void selectRowsOfTask(trace::TaskId task);
    void scrollToTime(qint64 timeNs);
    void updateCount();

    std::unique_ptr<Ui::EventLogPanel> m_ui;
    EventLogModel *m_model = nullptr;
    EventLogFilter *m_filter;
    TimelineState *m_state = nullptr;
    bool m_syncing = false;
    bool m_applyingPalette = false;
    bool m_following = true; // at the newest row
    QTimer m_followTimer;
};

} // namespace coroscope::app
