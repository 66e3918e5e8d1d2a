// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "classroom/moments.h"
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
// (of the selected task, or of any task when none is selected). Paced by time, the playhead
// moves with the clock; paced by events, it goes from one event to the next, a few a second.
// With setStopsAtMoments(true) it stops by itself at each teaching moment (classroom/moments.h),
// never jumping past one whatever the speed, and play() goes on from there.
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

    enum class Pacing { ByTime, ByEvents };
    Pacing pacing() const { return m_pacing; }
    void setPacing(Pacing pacing) { m_pacing = pacing; }
    // Events a second at 1x when paced by events.
    static constexpr double eventsPerSecond = 8;

    bool stopsAtMoments() const { return m_stopAtMoments; }
    void setStopsAtMoments(bool stop) { m_stopAtMoments = stop; }
    // The moments of the trace, in time order.
    const std::vector<classroom::Moment> &moments() const { return m_moments; }

    void play();
    void pause();
    void toggle();
    // Move the playhead to the next or previous event; false if there is none.
    bool stepNext();
    bool stepPrevious();

    // The time of the first task event after `timeNs` (of `task`, if not 0), or -1.
    static qint64 nextEventTime(const trace::Trace &trace, qint64 timeNs, trace::TaskId task);
    static qint64 previousEventTime(const trace::Trace &trace, qint64 timeNs, trace::TaskId task);

    // Moves the replay on as if `wallNs` had passed on the clock (the timer calls it on every tick).
    void advanceBy(qint64 wallNs);

Q_SIGNALS:
    void playingChanged(bool playing);
    void speedChanged(double speed);
    // The replay stopped by itself at moments()[index].
    void momentReached(int index);

private:
    void advance();
    qint64 nextStepAfter(qint64 timeNs) const;

    QPointer<TimelineState> m_state;
    const trace::Trace *m_trace = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_speed = 1.0;
    double m_positionNs = 0; // fractional, so slow speeds do not stall on rounding
    double m_eventCredit = 0; // events due when paced by events, fractional for the same reason
    Pacing m_pacing = Pacing::ByTime;
    bool m_stopAtMoments = false; // the classroom turns it on; a developer replays straight through
    std::vector<classroom::Moment> m_moments;
    size_t m_nextMoment = 0;
    qint64 m_stoppedAtNs = -1; // where the last moment stopped the replay
};

} // namespace coroscope::app
