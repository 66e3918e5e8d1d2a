// SPDX-License-Identifier: GPL-3.0-or-later
// coroscope history, export, compare, convert: working with stored and imported runs.
#include "cli/commands.h"
#include "patterns/runreport.h"
#include "report/chrometraceimport.h"
#include "report/exporter.h"
#include "report/history.h"
#include "trace/trace.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

namespace coroscope::cli {
namespace {

std::optional<qint64> runId(const QString &text)
{
    bool ok = false;
    const auto id = text.toLongLong(&ok);
    if (!ok || id <= 0) {
        err() << "coroscope: \"" << text << "\" is not a run id (see coroscope history)\n";
        return std::nullopt;
    }
    return id;
}

// Reading never creates a history: a missing file is one with no runs yet.
bool historyExists()
{
    return QFileInfo::exists(historyPath());
}

bool openHistory(report::History &history)
{
    if (!historyExists()) {
        err() << "coroscope: there are no runs yet in " << historyPath() << " (try coroscope run gather)\n";
        return false;
    }
    QString error;
    if (history.open(historyPath(), &error))
        return true;
    err() << "coroscope: cannot open the history " << historyPath() << ": " << error << '\n';
    return false;
}

bool load(const report::History &history, qint64 id, patterns::StoredRun &stored)
{
    QString error;
    if (patterns::loadStoredRun(history, id, stored, &error))
        return true;
    err() << "coroscope: " << error << '\n';
    return false;
}

} // namespace

int listHistory(const QStringList &arguments)
{
    const bool json = arguments.contains(QLatin1String("--json"));
    for (const auto &argument : arguments) {
        if (argument != QLatin1String("--json")) {
            err() << "usage: coroscope history [--json] [--history FILE]\n";
            return BadUsage;
        }
    }
    report::History history;
    if (historyExists() && !openHistory(history))
        return BadUsage;
    QString error;
    const auto runs = history.isOpen() ? history.runs(&error) : std::vector<report::HistoryRun>{};
    if (!error.isEmpty()) {
        err() << "coroscope: " << error << '\n';
        return BadUsage;
    }
    if (json) {
        QJsonArray list;
        for (const auto &run : runs) {
            list.append(QJsonObject{{QStringLiteral("id"), run.id},
                                    {QStringLiteral("pattern"), run.patternId},
                                    {QStringLiteral("name"), run.name},
                                    {QStringLiteral("started"), run.startedAt.toString(Qt::ISODateWithMs)},
                                    {QStringLiteral("status"), run.status},
                                    {QStringLiteral("summary"), run.summary},
                                    {QStringLiteral("events"), run.eventCount},
                                    {QStringLiteral("wall_ms"), double(run.wallNs) / 1e6}});
        }
        out() << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return Success;
    }
    if (runs.empty())
        out() << "No runs yet in " << historyPath() << ": try coroscope run gather\n";
    for (const auto &run : runs) {
        out() << QString::number(run.id).rightJustified(5) << "  " << run.startedAt.toLocalTime().toString(Qt::ISODate)
              << "  " << run.patternId.leftJustified(18) << run.status.leftJustified(12)
              << QString::number(double(run.wallNs) / 1e6, 'f', 0).rightJustified(7) << " ms  " << run.summary << '\n';
    }
    return Success;
}

int exportRun(const QStringList &arguments)
{
    if (arguments.size() != 2) {
        err() << "usage: coroscope export RUN_ID FILE\n";
        return BadUsage;
    }
    const auto id = runId(arguments.at(0));
    report::History history;
    patterns::StoredRun stored;
    if (!id || !openHistory(history) || !load(history, *id, stored))
        return BadUsage;
    QString error;
    if (!report::exportTrace(stored.reportInput(), arguments.at(1), &error)) {
        err() << "coroscope: " << error << '\n';
        return BadUsage;
    }
    out() << "exported run " << *id << " to " << arguments.at(1) << '\n';
    return Success;
}

int compareRuns(const QStringList &arguments)
{
    if (arguments.size() != 3) {
        err() << "usage: coroscope compare RUN_ID RUN_ID FILE\n";
        return BadUsage;
    }
    const auto first = runId(arguments.at(0));
    const auto second = runId(arguments.at(1));
    report::History history;
    patterns::StoredRun a, b;
    if (!first || !second || !openHistory(history) || !load(history, *first, a) || !load(history, *second, b))
        return BadUsage;
    QString error;
    if (!report::exportComparison(a.reportInput(), b.reportInput(), arguments.at(2), &error)) {
        err() << "coroscope: " << error << '\n';
        return BadUsage;
    }
    out() << "compared runs " << *first << " and " << *second << " in " << arguments.at(2) << '\n';
    return Success;
}

int convertTrace(const QStringList &arguments)
{
    if (arguments.size() != 2) {
        err() << "usage: coroscope convert TRACE.json FILE\n";
        return BadUsage;
    }
    const auto imported = report::importChromeTraceFile(arguments.at(0));
    if (!imported.ok) {
        err() << "coroscope: cannot import " << arguments.at(0) << ": " << imported.error << '\n';
        return BadUsage;
    }
    for (const auto &warning : imported.warnings)
        err() << "coroscope: note: " << warning << '\n';
    auto input = patterns::reportInputFor(imported.patternId, imported.title, imported.parameters, imported.status,
                                          imported.startedAt, &imported.trace);
    QString error;
    if (!report::exportTrace(input, arguments.at(1), &error)) {
        err() << "coroscope: " << error << '\n';
        return BadUsage;
    }
    out() << "converted " << arguments.at(0) << " (" << imported.trace.events().size() << " events) to "
          << arguments.at(1) << '\n';
    return Success;
}

} // namespace coroscope::cli
