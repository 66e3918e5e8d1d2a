// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/openedtrace.h"

#include "report/chrometraceimport.h"
#include "report/history.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace coroscope::app {

QString OpenedTrace::caption() const
{
    if (historyId > 0)
        return QCoreApplication::translate("OpenedTrace", "run #%1 of %2")
            .arg(historyId)
            .arg(startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    return QFileInfo(filePath).fileName();
}

OpenResult loadHistoryRun(const QString &historyPath, qint64 runId, const OpenProgress &progress)
{
    OpenResult result;
    if (progress && !progress(0)) {
        result.cancelled = true;
        return result;
    }
    report::History history;
    QString error;
    if (!history.open(historyPath, &error)) {
        result.error = QCoreApplication::translate("OpenedTrace", "Cannot open the history %1: %2").arg(historyPath, error);
        return result;
    }
    const auto run = history.run(runId, &error);
    if (!run) {
        result.error = QCoreApplication::translate("OpenedTrace", "Run #%1 is not in the history%2")
                           .arg(runId)
                           .arg(error.isEmpty() ? QCoreApplication::translate("OpenedTrace", " (deleted?)")
                                                : QStringLiteral(": ") + error);
        return result;
    }
    auto opened = std::make_unique<OpenedTrace>();
    if (!history.load(runId, opened->trace, &error)) {
        result.error = QCoreApplication::translate("OpenedTrace", "Cannot load run #%1: %2").arg(runId).arg(error);
        return result;
    }
    if (progress && !progress(100)) {
        result.cancelled = true;
        return result;
    }
    opened->patternId = run->patternId;
    opened->name = run->name;
    opened->status = run->status;
    opened->summary = run->summary;
    opened->parameters = run->parameters;
    opened->startedAt = run->startedAt;
    opened->historyId = run->id;
    result.opened = std::move(opened);
    return result;
}

OpenResult importTraceFile(const QString &path, const OpenProgress &progress)
{
    OpenResult result;
    auto imported = report::importChromeTraceFile(path, progress);
    if (imported.cancelled) {
        result.cancelled = true;
        return result;
    }
    if (!imported.ok) {
        result.error = QCoreApplication::translate("OpenedTrace", "Cannot import %1: %2")
                           .arg(QFileInfo(path).fileName(), imported.error);
        return result;
    }
    if (imported.trace.events().empty()) {
        result.error = QCoreApplication::translate("OpenedTrace", "Cannot import %1: it holds no events to show")
                           .arg(QFileInfo(path).fileName());
        return result;
    }
    auto opened = std::make_unique<OpenedTrace>();
    opened->trace = std::move(imported.trace);
    opened->patternId = imported.patternId;
    opened->name = imported.title;
    // A Coroscope export carries "ok: 10 responses"; the card and the list want the first word.
    const auto separator = imported.status.indexOf(QStringLiteral(": "));
    opened->status = separator < 0 ? imported.status : imported.status.left(separator);
    opened->summary = separator < 0 ? QString() : imported.status.mid(separator + 2);
    opened->parameters = imported.parameters;
    opened->startedAt = imported.startedAt;
    opened->filePath = path;
    opened->warnings = imported.warnings;
    result.opened = std::move(opened);
    return result;
}

} // namespace coroscope::app
