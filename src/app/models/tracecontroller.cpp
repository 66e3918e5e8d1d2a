// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/tracecontroller.h"

#include "app/models/eventlogmodel.h"
#include "app/models/replaycontroller.h"
#include "app/models/timelinestate.h"
#include "patterns/runreport.h"
#include "timeline/timelinemodel.h"

namespace coroscope::app {

TraceController::TraceController(TimelineModel *timeline, EventLogModel *log, TimelineState *state,
                                 ReplayController *replay, QObject *parent)
    : QObject(parent)
    , m_timeline(timeline)
    , m_log(log)
    , m_state(state)
    , m_replay(replay)
{
}

TraceController::~TraceController()
{
    m_timeline->setTrace(nullptr);
    m_log->setTrace(nullptr);
    m_replay->setTrace(nullptr);
}

void TraceController::startRun(const patterns::Pattern &pattern, const QVariantMap &values,
                               const patterns::RunEnvironment &environment, const QString &historyPath,
                               QString *recordingProblem)
{
    m_lastPattern = &pattern;
    m_lastValues = values;
    m_runStartedAt = QDateTime::currentDateTime();
    auto run = std::make_unique<patterns::PatternRun>(pattern, values, environment);
    // The models switch to the new trace before the old run (and its trace) goes away.
    showTrace(&run->trace(), true);
    m_log->setUpdateInterval(200);
    m_recording.reset();
    m_opened.reset();
    m_run = std::move(run);
    // Recording follows the run's signals before this controller does, so the stored run is
    // complete by the time the window refreshes its list.
    if (!historyPath.isEmpty()) {
        m_recording = std::make_unique<patterns::HistoryRecording>(*m_run, historyPath);
        if (!m_recording->isRecording() && recordingProblem)
            *recordingProblem = m_recording->errorString();
    }
    connect(m_run.get(), &patterns::PatternRun::eventsAppended, this, [this](qsizetype first, qsizetype count) {
        m_timeline->update(first, count);
        m_log->update(first, count);
        m_state->setTraceRange(m_timeline->startNs(), m_timeline->endNs());
        Q_EMIT eventsAppended(first, count);
    });
    connect(m_run.get(), &patterns::PatternRun::finished, this, [this] {
        finishShowing();
        Q_EMIT runFinished();
    });
    m_run->start();
}

void TraceController::stopRun()
{
    if (isRunning())
        m_run->stop();
}

void TraceController::stopAndWait(int limitMs)
{
    if (!isRunning())
        return;
    m_run->stop();
    m_run->waitForFinished(limitMs);
}

void TraceController::showOpened(std::unique_ptr<OpenedTrace> opened)
{
    showTrace(&opened->trace, false);
    m_opened = std::move(opened);
    m_recording.reset();
    m_run.reset();
    finishShowing();
}

void TraceController::putAway()
{
    showTrace(nullptr, false);
    m_recording.reset();
    m_run.reset();
    m_opened.reset();
}

void TraceController::showTrace(const trace::Trace *trace, bool live)
{
    m_replay->setTrace(nullptr);
    m_state->reset();
    m_state->setLive(live);
    m_timeline->setTrace(trace);
    m_log->setTrace(trace);
}

void TraceController::finishShowing()
{
    m_log->setUpdateInterval(0); // flushes: every row is in the table from here on
    m_state->setLive(false);
    m_state->setTraceRange(m_timeline->startNs(), m_timeline->endNs());
    m_replay->setTrace(trace());
}

qint64 TraceController::recordedRunId() const
{
    return m_recording ? m_recording->runId() : 0;
}

void TraceController::dropRecording()
{
    m_recording.reset();
}

bool TraceController::isRecording() const
{
    return m_recording && m_recording->isRecording();
}

const trace::Trace *TraceController::trace() const
{
    if (m_opened)
        return &m_opened->trace;
    return m_run ? &m_run->trace() : nullptr;
}

report::ReportInput TraceController::reportInput() const
{
    if (m_opened) {
        return patterns::reportInputFor(m_opened->patternId, m_opened->name, m_opened->parameters, m_opened->status,
                                        m_opened->startedAt, &m_opened->trace);
    }
    return patterns::reportInputFor(*m_run, m_runStartedAt);
}

} // namespace coroscope::app
