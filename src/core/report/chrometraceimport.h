// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/trace.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <functional>

class QIODevice;

namespace coroscope::report {

struct ImportOptions {
    qint64 maxBytes = qint64(512) << 20; // bigger files are refused before reading
    int maxDepth = 64; // JSON nesting; deeper input is refused, never recursed into
};

struct ImportResult {
    bool ok = false;
    bool cancelled = false;
    QString error; // set when !ok: what is wrong and where ("traceEvents[3]: ...")
    QStringList warnings; // what was imported approximately or left out
    bool lossless = false; // the file carried Coroscope's own copy of the run
    trace::Trace trace;
    // From a Coroscope export; empty for other tools' traces.
    QString title;
    QString patternId;
    QString status;
    QVariantMap parameters;
    QDateTime startedAt;
};

// Called with 0..100 as the import advances (roughly once per megabyte read); returning false
// cancels the import, which then ends with cancelled = true.
using ImportProgress = std::function<bool(int percent)>;

// Reads a Chrome Trace Event Format file (JSON Object or Array Format) into a trace.
//
// A file written by writeChromeTrace() comes back exactly (same tasks, events, strings,
// locations and threads). Other tools' traces are mapped: each thread track (pid, tid) and
// each async track (cat, id) becomes a task under one root task per process; a track's
// top-level slices are when the task runs and the gaps between them are shown as "idle"
// suspensions; a nested slice whose name (or args.reason) is a suspension reason becomes a
// suspension ("network", "database", ... with args.resource/file/line), any other nested slice
// and every instant a mark; "C" events become counters, one per argument; "M" metadata names
// processes and threads. Flow, sample and object events are skipped with a warning.
//
// Runs on the calling thread and touches no Qt object but the device, so it can run on a
// worker thread; the app does that.
ImportResult importChromeTrace(QIODevice &device, const ImportProgress &progress = {}, const ImportOptions &options = {});
ImportResult importChromeTraceFile(const QString &path, const ImportProgress &progress = {},
                                   const ImportOptions &options = {});

} // namespace coroscope::report
