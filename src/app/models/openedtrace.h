// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/trace.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace coroscope::app {

// A finished run shown instead of a live one: a stored run from the history or a trace file
// another tool (or Coroscope) wrote.
struct OpenedTrace {
    trace::Trace trace;
    QString patternId; // empty when the catalog does not know it (other tools' traces)
    QString name; // the run's name in the history, or the title the file carried
    QString status; // "ok", "error", "cancelled", "interrupted", ... (empty: not known)
    QString summary;
    QVariantMap parameters; // what the run was given, when known
    QDateTime startedAt;
    qint64 historyId = 0; // 0: not from the history
    QString filePath; // the imported file
    QStringList warnings; // what an import mapped approximately or left out

    // "run #12 of 2026-11-25 14:20:31" or "other.json": what the window says it shows.
    QString caption() const;
};

struct OpenResult {
    std::unique_ptr<OpenedTrace> opened; // set when it worked
    bool cancelled = false;
    QString error; // what went wrong, naming the run or the file
};

// 0..100 as the work advances; returning false cancels it.
using OpenProgress = std::function<bool(int percent)>;

// Both run on any thread: they use a database connection and a file of their own.
OpenResult loadHistoryRun(const QString &historyPath, qint64 runId, const OpenProgress &progress);
OpenResult importTraceFile(const QString &path, const OpenProgress &progress);

} // namespace coroscope::app
