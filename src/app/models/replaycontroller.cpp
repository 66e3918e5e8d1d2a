// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/replaycontroller.h"

#include "app/models/timelinestate.h"

#include <algorithm>

namespace coroscope::app {
namespace {

bool isStep(const trace::Event &event, trace::TaskId task)
{
    // Counters tick every few milliseconds; stepping is about what tasks did.
    if (event.kind == trace::EventKind::Counter || event.task == 0)
        return false;
    return task == 0 || event.task == task;
}

} // namespace

ReplayController::ReplayController(TimelineState *state, QObject *parent)
    : QObject(parent)
    , m_state(state)
{
    m_timer.setInterval(16);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &ReplayController::advance);
}

void ReplayController::setTrace(const trace::Trace *trace)
{
    pause();
    m_trace = trace;
    m_moments = trace ? classroom::teachingMoments(*trace) : std::vector<classroom::Moment>();
    m_nextMoment = 0;
    m_stoppedAtNs = -1;
}

void ReplayController::setSpeed(double speed)
{
    speed = std::clamp(speed, minimumSpeed, maximumSpeed);
    if (speed == m_speed)
        return;
    m_speed = speed;
    Q_EMIT speedChanged(speed);
}

void ReplayController::faster()
{
    const auto next = std::find_if(presetSpeeds.begin(), presetSpeeds.end(),
                                   [this](double preset) { return preset > m_speed * (1 + 1e-9); });
    setSpeed(next == presetSpeeds.end() ? presetSpeeds.back() : *next);
}

void ReplayController::slower()
{
    const auto next = std::find_if(presetSpeeds.rbegin(), presetSpeeds.rend(),
                                   [this](double preset) { return preset < m_speed * (1 - 1e-9); });
    setSpeed(next == presetSpeeds.rend() ? presetSpeeds.front() : *next);
}

void ReplayController::play()
{
    if (!m_trace || !m_state || m_trace->events().empty() || isPlaying())
        return;
    qint64 from = m_state->playheadNs();
    const auto firstMomentAfter = [&](auto passed) {
        return size_t(std::find_if(m_moments.begin(), m_moments.end(),
                                   [&](const classroom::Moment &moment) { return !passed(moment.caption.timeNs); })
                      - m_moments.begin());
    };
    if (from < 0 || from >= m_state->traceEndNs()) {
        from = m_state->traceStartNs();
        m_nextMoment = firstMomentAfter([&](qint64 at) { return at < from; });
    } else if (from != m_stoppedAtNs) { // moved by hand since: the moments ahead of the playhead count
        m_nextMoment = firstMomentAfter([&](qint64 at) { return at <= from; });
    }
    m_positionNs = double(from);
    m_eventCredit = 0;
    m_state->setPlayhead(from);
    m_state->ensureVisible(from);
    m_clock.start();
    m_timer.start();
    Q_EMIT playingChanged(true);
}

void ReplayController::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    Q_EMIT playingChanged(false);
}

void ReplayController::toggle()
{
    if (isPlaying())
        pause();
    else
        play();
}

void ReplayController::advance()
{
    const auto elapsed = m_clock.nsecsElapsed();
    m_clock.restart();
    advanceBy(elapsed);
}

qint64 ReplayController::nextStepAfter(qint64 timeNs) const
{
    const auto next = m_trace ? nextEventTime(*m_trace, timeNs, 0) : -1;
    return next < 0 ? m_state->traceEndNs() : next;
}

void ReplayController::advanceBy(qint64 wallNs)
{
    if (!m_state || !m_trace) {
        pause();
        return;
    }
    const auto end = m_state->traceEndNs();
    if (m_pacing == Pacing::ByTime) {
        m_positionNs += double(wallNs) * m_speed;
    } else {
        m_eventCredit += double(wallNs) / 1e9 * eventsPerSecond * m_speed;
        for (; m_eventCredit >= 1 && m_positionNs < double(end); m_eventCredit -= 1)
            m_positionNs = double(nextStepAfter(qint64(m_positionNs)));
    }
    auto position = std::min(qint64(m_positionNs), end);
    // However far this tick goes, it ends at the first moment on the way.
    const bool atMoment = m_stopAtMoments && m_nextMoment < m_moments.size()
                          && m_moments[m_nextMoment].caption.timeNs <= position;
    if (atMoment) {
        position = m_moments[m_nextMoment].caption.timeNs;
        m_positionNs = double(position);
        m_eventCredit = 0;
    }
    m_state->setPlayhead(position);
    m_state->ensureVisible(position);
    if (atMoment) {
        m_stoppedAtNs = m_state->playheadNs();
        const int index = int(m_nextMoment++);
        pause();
        Q_EMIT momentReached(index);
    } else if (position >= end) {
        pause();
    }
}

qint64 ReplayController::nextEventTime(const trace::Trace &trace, qint64 timeNs, trace::TaskId task)
{
    const auto &events = trace.events();
    auto it = std::partition_point(events.begin(), events.end(),
                                   [&](const trace::Event &e) { return e.timeNs <= timeNs; });
    for (; it != events.end(); ++it) {
        if (isStep(*it, task))
            return it->timeNs;
    }
    return -1;
}

qint64 ReplayController::previousEventTime(const trace::Trace &trace, qint64 timeNs, trace::TaskId task)
{
    const auto &events = trace.events();
    auto it = std::partition_point(events.begin(), events.end(),
                                   [&](const trace::Event &e) { return e.timeNs < timeNs; });
    while (it != events.begin()) {
        --it;
        if (isStep(*it, task))
            return it->timeNs;
    }
    return -1;
}

bool ReplayController::stepNext()
{
    if (!m_trace || !m_state)
        return false;
    pause();
    const auto from = m_state->playheadNs() >= 0 ? m_state->playheadNs() : m_state->traceStartNs() - 1;
    const auto at = nextEventTime(*m_trace, from, m_state->selectedTask());
    if (at < 0)
        return false;
    m_state->setPlayhead(at);
    m_state->ensureVisible(at);
    return true;
}

bool ReplayController::stepPrevious()
{
    if (!m_trace || !m_state)
        return false;
    pause();
    const auto from = m_state->playheadNs() >= 0 ? m_state->playheadNs() : m_state->traceEndNs() + 1;
    const auto at = previousEventTime(*m_trace, from, m_state->selectedTask());
    if (at < 0)
        return false;
    m_state->setPlayhead(at);
    m_state->ensureVisible(at);
    return true;
}

} // namespace coroscope::app
