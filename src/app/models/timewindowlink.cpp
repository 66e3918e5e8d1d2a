// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/timewindowlink.h"

#include "app/models/timelinestate.h"

namespace coroscope::app {

TimeWindowLink::TimeWindowLink(QObject *parent)
    : QObject(parent)
{
}

void TimeWindowLink::addState(TimelineState *state)
{
    m_states.emplace_back(state);
    connect(state, &TimelineState::visibleRangeChanged, this, [this, state] { followWindow(state); });
    connect(state, &TimelineState::playheadChanged, this, [this, state] { followPlayhead(state); });
    if (m_states.size() > 1 && m_states.front())
        followWindow(m_states.front());
}

void TimeWindowLink::setTraceRange(qint64 startNs, qint64 endNs)
{
    for (const auto &state : m_states) {
        if (state)
            state->setTraceRange(startNs, endNs);
    }
}

void TimeWindowLink::fit()
{
    if (!m_states.empty() && m_states.front())
        m_states.front()->fit();
}

void TimeWindowLink::zoomIn()
{
    if (!m_states.empty() && m_states.front())
        m_states.front()->zoomIn();
}

void TimeWindowLink::zoomOut()
{
    if (!m_states.empty() && m_states.front())
        m_states.front()->zoomOut();
}

void TimeWindowLink::followWindow(TimelineState *source)
{
    if (m_syncing)
        return;
    m_syncing = true;
    for (const auto &state : m_states) {
        if (!state || state == source)
            continue;
        // A fitted window stays fitted in all of them, so a later fit does the same everywhere.
        if (source->isFollowing())
            state->fit();
        else
            state->setVisibleRange(source->visibleStartNs(), source->visibleEndNs());
    }
    m_syncing = false;
}

void TimeWindowLink::followPlayhead(TimelineState *source)
{
    if (m_syncing)
        return;
    m_syncing = true;
    for (const auto &state : m_states) {
        if (state && state != source)
            state->setPlayhead(source->playheadNs());
    }
    m_syncing = false;
}

} // namespace coroscope::app
