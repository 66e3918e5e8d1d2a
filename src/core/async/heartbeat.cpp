// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/heartbeat.h"

#include "trace/counters.h"
#include "trace/recorder.h"

#include <algorithm>

namespace coroscope::async {

LoopHeartbeat::LoopHeartbeat(std::shared_ptr<trace::Recorder> recorder, std::chrono::milliseconds interval,
                             QObject *parent)
    : QObject(parent)
    , m_recorder(std::move(recorder))
    , m_interval(interval)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(m_interval);
    connect(&m_timer, &QTimer::timeout, this, &LoopHeartbeat::beat);
}

void LoopHeartbeat::start()
{
    m_sinceLastBeat.start();
    if (m_recorder)
        m_recorder->counter(trace::counters::loopLagMs(), 0);
    m_timer.start();
}

void LoopHeartbeat::stop()
{
    m_timer.stop();
}

void LoopHeartbeat::beat()
{
    const double elapsedMs = double(m_sinceLastBeat.nsecsElapsed()) / 1e6;
    m_sinceLastBeat.restart();
    const double lagMs = std::max(0.0, elapsedMs - double(m_interval.count()));
    m_maxLagMs = std::max(m_maxLagMs, lagMs);
    if (m_recorder)
        m_recorder->counter(trace::counters::loopLagMs(), lagMs);
}

} // namespace coroscope::async
