// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/pattern.h"
#include "report/history.h"
#include "report/historywriter.h"
#include "report/reportinput.h"
#include "trace/trace.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace coroscope::patterns {

class PatternRun;

// What a report or export says about a finished (or running) run of a catalog pattern.
report::ReportInput reportInputFor(const PatternRun &run, const QDateTime &startedAt);
// The same for a run loaded from the history: texts come from the catalog when it still knows
// the pattern.
report::ReportInput reportInputFor(const QString &patternId, const QString &title, const QVariantMap &parameters,
                                   const QString &status, const QDateTime &startedAt, const trace::Trace *trace);

// A run from the history with all its events.
struct StoredRun {
    report::HistoryRun run;
    trace::Trace trace;

    // What a report says about it; points into `trace`.
    report::ReportInput reportInput() const;
};

// Loads run `id` from `history` into `stored`; false with the reason in `error`
// ("no run 12 in the history").
bool loadStoredRun(const report::History &history, qint64 id, StoredRun &stored, QString *error = nullptr);

// Keeps the history up to date while a run goes: follows the run's batches, so a crash loses
// at most the last second, and stores the outcome when it finishes.
class HistoryRecording : public QObject
{
    Q_OBJECT
public:
    HistoryRecording(PatternRun &run, const QString &historyPath, QObject *parent = nullptr);
    ~HistoryRecording() override;

    bool isRecording() const { return m_writer != nullptr; }
    // The run's id in the history (kept after it finished); 0 if it could not be stored.
    qint64 runId() const { return m_runId; }
    QString errorString() const { return m_error; }

private:
    PatternRun &m_run;
    std::unique_ptr<report::HistoryWriter> m_writer;
    qint64 m_runId = 0;
    QString m_error;
};

// history.sqlite in the application's data directory.
QString defaultHistoryPath();

} // namespace coroscope::patterns
