// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QScrollBar;

namespace coroscope::timeline {
class TimelineModel;
}

namespace coroscope::app {

using timeline::TimelineModel;

class TimelineLegend;
class TimelineState;
class TimelineView;

// The timeline with its legend above and a scroll bar for time below.
class TimelinePanel : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePanel(QWidget *parent = nullptr);

    void setModel(TimelineModel *model);
    void setState(TimelineState *state);

    TimelineView *view() const { return m_view; }
    TimelineLegend *legend() const { return m_legend; }
    QScrollBar *timeScrollBar() const { return m_scrollBar; }

private:
    void syncScrollBar();
    void onScrolled(int value);

    TimelineLegend *m_legend;
    TimelineView *m_view;
    QScrollBar *m_scrollBar;
    TimelineState *m_state = nullptr;
    qint64 m_unitNs = 1;
    bool m_syncing = false;
};

} // namespace coroscope::app
