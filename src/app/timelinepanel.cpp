// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/timelinepanel.h"

#include "app/timelinelegend.h"
#include "app/timelinestate.h"
#include "app/timelineview.h"

#include <QScrollBar>
#include <QVBoxLayout>

namespace coroscope::app {

TimelinePanel::TimelinePanel(QWidget *parent)
    : QWidget(parent)
    , m_legend(new TimelineLegend(this))
    , m_view(new TimelineView(this))
    , m_scrollBar(new QScrollBar(Qt::Horizontal, this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_legend);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_scrollBar);
    m_view->setObjectName(QStringLiteral("timeline"));
    connect(m_scrollBar, &QScrollBar::valueChanged, this, &TimelinePanel::onScrolled);
}

void TimelinePanel::setModel(TimelineModel *model)
{
    m_view->setTimelineModel(model);
}

void TimelinePanel::setState(TimelineState *state)
{
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    m_view->setState(state);
    if (!state)
        return;
    connect(state, &TimelineState::visibleRangeChanged, this, &TimelinePanel::syncScrollBar);
    connect(state, &TimelineState::traceRangeChanged, this, &TimelinePanel::syncScrollBar);
    syncScrollBar();
}

void TimelinePanel::syncScrollBar()
{
    if (!m_state)
        return;
    // Scroll bars count in int: pick a unit so a long run still fits.
    const qint64 start = std::min(m_state->traceStartNs(), m_state->visibleStartNs());
    const qint64 end = std::max(m_state->traceEndNs(), m_state->visibleEndNs());
    m_unitNs = std::max<qint64>(1, (end - start) / 100'000);
    m_syncing = true;
    m_scrollBar->setRange(int(start / m_unitNs), int((end - m_state->visibleDurationNs()) / m_unitNs));
    m_scrollBar->setPageStep(std::max(1, int(m_state->visibleDurationNs() / m_unitNs)));
    m_scrollBar->setSingleStep(std::max(1, m_scrollBar->pageStep() / 10));
    m_scrollBar->setValue(int(m_state->visibleStartNs() / m_unitNs));
    m_syncing = false;
}

void TimelinePanel::onScrolled(int value)
{
    if (m_syncing || !m_state)
        return;
    const qint64 start = qint64(value) * m_unitNs;
    m_state->setVisibleRange(start, start + m_state->visibleDurationNs());
}

} // namespace coroscope::app
