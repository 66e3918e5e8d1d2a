// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/timelinestate.h"

#include "timeline/timeaxis.h"

#include <algorithm>
#include <cmath>

namespace coroscope::app {

using timeline::TimeAxis;
namespace {

constexpr double zoomStep = 1.5;
// A live window starts at this width and grows in 1-2-5 steps, so the picture rescales a few
// times during a run instead of creeping every frame.
constexpr qint64 initialLiveWindowNs = 500'000'000;

} // namespace

TimelineState::TimelineState(QObject *parent)
    : QObject(parent)
{
}

void TimelineState::reset()
{
    m_traceStartNs = 0;
    m_traceEndNs = 0;
    m_followWindowNs = 0;
    setSelectedTask(0);
    clearPlayhead();
    setFollowing(true);
    follow();
    Q_EMIT traceRangeChanged(m_traceStartNs, m_traceEndNs);
}

void TimelineState::setTraceRange(qint64 startNs, qint64 endNs)
{
    endNs = std::max(startNs, endNs);
    if (startNs == m_traceStartNs && endNs == m_traceEndNs)
        return;
    m_traceStartNs = startNs;
    m_traceEndNs = endNs;
    if (m_playheadNs >= 0)
        setPlayhead(m_playheadNs); // clamps
    if (m_following)
        follow();
    Q_EMIT traceRangeChanged(startNs, endNs);
}

void TimelineState::setLive(bool live)
{
    if (m_live == live)
        return;
    m_live = live;
    if (m_following)
        follow();
}

void TimelineState::follow()
{
    const qint64 length = m_traceEndNs - m_traceStartNs;
    if (m_live) {
        if (m_followWindowNs < initialLiveWindowNs)
            m_followWindowNs = initialLiveWindowNs;
        if (double(length) > 0.9 * double(m_followWindowNs))
            m_followWindowNs = TimeAxis::niceStep(double(length) / 0.9);
        applyVisibleRange(m_traceStartNs, m_traceStartNs + m_followWindowNs);
        return;
    }
    // A little air after the last event, so the final markers are not cut at the edge.
    const qint64 margin = std::max<qint64>(length / 50, minimumVisibleNs);
    applyVisibleRange(m_traceStartNs, m_traceStartNs + std::max(length + margin, minimumVisibleNs));
}

void TimelineState::applyVisibleRange(qint64 startNs, qint64 endNs)
{
    if (endNs - startNs < minimumVisibleNs) {
        const qint64 middle = startNs + (endNs - startNs) / 2;
        startNs = middle - minimumVisibleNs / 2;
        endNs = startNs + minimumVisibleNs;
    }
    if (startNs == m_visibleStartNs && endNs == m_visibleEndNs)
        return;
    m_visibleStartNs = startNs;
    m_visibleEndNs = endNs;
    Q_EMIT visibleRangeChanged(startNs, endNs);
}

void TimelineState::setVisibleRange(qint64 startNs, qint64 endNs)
{
    setFollowing(false);
    // Never lose the run entirely: at least a tenth of the window stays over it.
    const qint64 width = std::max(endNs - startNs, minimumVisibleNs);
    const qint64 slack = width * 9 / 10;
    startNs = std::clamp(startNs, m_traceStartNs - slack, std::max(m_traceStartNs - slack, m_traceEndNs - width / 10));
    applyVisibleRange(startNs, startNs + width);
}

void TimelineState::zoomBy(double factor, qint64 anchorNs)
{
    if (!(factor > 0))
        return;
    const double width = double(visibleDurationNs());
    // Zooming out stops when the whole run fits ten times over.
    const double maximum = std::max(10.0 * double(m_traceEndNs - m_traceStartNs), 10e9);
    const double newWidth = std::clamp(width / factor, double(minimumVisibleNs), maximum);
    const double anchorFraction = width > 0 ? double(anchorNs - m_visibleStartNs) / width : 0.5;
    const auto start = m_visibleStartNs + qint64(std::llround((width - newWidth) * anchorFraction));
    setVisibleRange(start, start + qint64(std::llround(newWidth)));
}

void TimelineState::zoomIn()
{
    const bool playheadInView = m_playheadNs >= m_visibleStartNs && m_playheadNs <= m_visibleEndNs;
    zoomBy(zoomStep, playheadInView ? m_playheadNs : m_visibleStartNs + visibleDurationNs() / 2);
}

void TimelineState::zoomOut()
{
    const bool playheadInView = m_playheadNs >= m_visibleStartNs && m_playheadNs <= m_visibleEndNs;
    zoomBy(1.0 / zoomStep, playheadInView ? m_playheadNs : m_visibleStartNs + visibleDurationNs() / 2);
}

void TimelineState::panBy(qint64 deltaNs)
{
    setVisibleRange(m_visibleStartNs + deltaNs, m_visibleEndNs + deltaNs);
}

void TimelineState::fit()
{
    setFollowing(true);
    follow();
}

void TimelineState::ensureVisible(qint64 timeNs)
{
    if (timeNs >= m_visibleStartNs && timeNs <= m_visibleEndNs)
        return;
    const qint64 width = visibleDurationNs();
    // Page so the time lands a tenth in from the edge it came through.
    const qint64 start = timeNs > m_visibleEndNs ? timeNs - width * 9 / 10 : timeNs - width / 10;
    setVisibleRange(start, start + width);
}

void TimelineState::setFollowing(bool following)
{
    if (m_following == following)
        return;
    m_following = following;
    if (following)
        follow();
    Q_EMIT followingChanged(following);
}

void TimelineState::setSelectedTask(trace::TaskId task)
{
    if (m_selectedTask == task)
        return;
    m_selectedTask = task;
    Q_EMIT selectedTaskChanged(task);
}

void TimelineState::setPlayhead(qint64 timeNs)
{
    if (timeNs >= 0)
        timeNs = std::clamp(timeNs, m_traceStartNs, std::max(m_traceStartNs, m_traceEndNs));
    if (timeNs == m_playheadNs)
        return;
    m_playheadNs = timeNs;
    Q_EMIT playheadChanged(timeNs);
}

void TimelineState::clearPlayhead()
{
    setPlayhead(-1);
}

} // namespace coroscope::app
