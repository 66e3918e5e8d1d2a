// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/pattern.h"
#include "trace/trace.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <memory>

namespace coroscope::trace {
class Recorder;
}

namespace coroscope::patterns {

// One run of one pattern. The pattern runs on a thread of its own with its own event loop, so
// that a pattern blocking its loop (the pitfall it teaches) never freezes the window showing
// it. The trace fills in batches about 60 times a second on the thread that owns the run.
class PatternRun : public QObject
{
    Q_OBJECT
public:
    PatternRun(const Pattern &pattern, QVariantMap values, RunEnvironment environment, QObject *parent = nullptr);
    ~PatternRun() override;

    void start();
    // Cancels the run for real: every task gets CancelledError at its co_await.
    void stop();
    // Blocks in a local event loop until finished() (for the CLI and tests). Returns false
    // if `limitMs` passed first; the run is then stopped and waited for.
    bool waitForFinished(int limitMs = -1);

    bool isRunning() const { return m_started && !m_finished; }
    bool isFinished() const { return m_finished; }
    const Pattern &pattern() const { return m_pattern; }
    const QVariantMap &values() const { return m_values; }
    const trace::Trace &trace() const { return m_trace; }
    const RunOutcome &outcome() const { return m_outcome; }

Q_SIGNALS:
    // Events at trace().events()[first, first + count) are new or moved (re-read from `first`).
    void eventsAppended(qsizetype first, qsizetype count);
    void finished();

private:
    class Worker;
    void drain();
    void onWorkerDone(RunOutcome outcome);
    void watchLabFaults();

    const Pattern &m_pattern;
    QVariantMap m_values;
    RunEnvironment m_environment;
    std::shared_ptr<trace::Recorder> m_recorder;
    trace::Trace m_trace;
    QThread m_thread;
    Worker *m_worker = nullptr;
    QTimer m_drainTimer;
    RunOutcome m_outcome;
    bool m_started = false;
    bool m_finished = false;
    std::shared_ptr<void> m_faultsWatch; // marks each change of the lab server's faults
};

} // namespace coroscope::patterns
