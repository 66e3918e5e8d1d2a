// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/models/openedtrace.h"
#include "patterns/patternrun.h"
#include "report/reportinput.h"

#include <QDateTime>
#include <QObject>
#include <QVariantMap>

#include <memory>

namespace coroscope::patterns {
class HistoryRecording;
}

namespace coroscope::timeline {
class TimelineModel;
}

namespace coroscope::app {

using timeline::TimelineModel;
class EventLogModel;
class ReplayController;
class TimelineState;

// The one trace the window shows and its lifecycle: a live run (started, streaming, stopped,
// finished, recorded into the history) or a finished trace opened from the history or a file.
// It switches and feeds the timeline, event log and replay models; the window only shows what it
// says. No widgets: tested on its own.
class TraceController : public QObject
{
    Q_OBJECT
public:
    TraceController(TimelineModel *timeline, EventLogModel *log, TimelineState *state, ReplayController *replay,
                    QObject *parent = nullptr);
    // The models point into the shown trace: they let go of it first.
    ~TraceController() override;

    // Starts `pattern` with `values`; the run replaces whatever was shown. With a history path,
    // the run is recorded there; if it cannot be, `recordingProblem` says why and the run goes on.
    void startRun(const patterns::Pattern &pattern, const QVariantMap &values,
                  const patterns::RunEnvironment &environment, const QString &historyPath,
                  QString *recordingProblem = nullptr);
    void stopRun();
    // For closing the window: stops the run and waits up to `limitMs` for it to end.
    void stopAndWait(int limitMs);
    bool isRunning() const { return m_run && m_run->isRunning(); }
    // A finished run or an opened trace: something to replay.
    bool isFinished() const { return (m_run && m_run->isFinished()) || m_opened; }

    // The last run started, for "Run again" (it outlives the run being put away).
    const patterns::Pattern *lastPattern() const { return m_lastPattern; }
    QVariantMap lastValues() const { return m_lastValues; }

    void showOpened(std::unique_ptr<OpenedTrace> opened);
    // Shows nothing: the models are empty until the next run or opening.
    void putAway();

    patterns::PatternRun *run() const { return m_run.get(); }
    const OpenedTrace *opened() const { return m_opened.get(); }
    // The live run's id in the history once it is stored; 0 otherwise.
    qint64 recordedRunId() const;
    // Stops recording the live run (the history file changed); the run goes on.
    void dropRecording();
    bool isRecording() const;
    // What the timeline, event log and stats show; nullptr when nothing is.
    const trace::Trace *trace() const;
    // What an export says about the shown trace; only when trace() is set.
    report::ReportInput reportInput() const;

Q_SIGNALS:
    // The live run's events as they come, after the models have taken them.
    void eventsAppended(qsizetype first, qsizetype count);
    // The live run ended; the models show it whole and replay is possible.
    void runFinished();

private:
    void showTrace(const trace::Trace *trace, bool live);
    void finishShowing();

    TimelineModel *m_timeline;
    EventLogModel *m_log;
    TimelineState *m_state;
    ReplayController *m_replay;
    std::unique_ptr<patterns::PatternRun> m_run;
    // Follows m_run, so it goes first.
    std::unique_ptr<patterns::HistoryRecording> m_recording;
    std::unique_ptr<OpenedTrace> m_opened;
    const patterns::Pattern *m_lastPattern = nullptr;
    QVariantMap m_lastValues;
    QDateTime m_runStartedAt;
};

} // namespace coroscope::app
