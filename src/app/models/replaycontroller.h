// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/trace.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <array>

namespace coroscope::app {

class TimelineState;

// Plays a finished run back by moving the shared playhead: at 0.1x a 100 ms wait takes a
// second on screen, slow enough to talk over. Also steps the playhead from event to event
// (of the selected task, or of any task when none is selected).
class ReplayController : public QObject
{
    Q_OBJECT
public:
    static constexpr double minimumSpeed = 0.1;
    static constexpr double maximumSpeed = 10.0;
    // The speeds offered in the window, slowest first; faster()/slower() move along them.
    static constexpr std::array<double, 7> presetSpeeds = {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0};

    explicit ReplayController(TimelineState *state, QObject *parent = nullptr);

    // The finished run to replay (not owned); nullptr while a run is live.
    void setTrace(const trace::Trace *trace);
    const trace::Trace *trace() const { return m_trace; }

    bool isPlaying() const { return m_timer.isActive(); }
    double speed() const { return m_speed; }
    void setSpeed(double speed);
    // To the next preset speed up or down (a speed between presets goes to the nearer one first).
    void faster();
    void slower();

    void play();
    void pause();
    void toggle();
    // Move the playhead to the next or previous event; false if there is none.
    bool stepNext();
    bool stepPrevious();

    // The time of the first task event after `timeNs` (of `task`, if not 0), or -1.
    static qint64 nextEventTime(const trace::Trace &trace, qint64 timeNs, trace::TaskId task);
    static qint64 previousEventTime(const trace::Trace &trace, qint64 timeNs, trace::TaskId task);

Q_SIGNALS:
    void playingChanged(bool playing);
    void speedChanged(double speed);

private:
    void advance();

    QPointer<TimelineState> m_state;
    const trace::Trace *m_trace = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_speed = 1.0;
    double m_positionNs = 0; // fractional, so slow speeds do not stall on rounding
};

} // namespace coroscope::app
