// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/runreport.h"

#include "patterns/catalog.h"
#include "patterns/patternrun.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace coroscope::patterns {
namespace {

QString statusText(const RunOutcome &outcome)
{
    return QLatin1String(toString(outcome.status)) + QStringLiteral(": ") + outcome.summary;
}

} // namespace

report::ReportInput reportInputFor(const QString &patternId, const QString &title, const QVariantMap &parameters,
                                   const QString &status, const QDateTime &startedAt, const trace::Trace *trace)
{
    report::ReportInput input;
    input.patternId = patternId;
    input.title = title;
    input.parameters = parameters;
    input.status = status;
    input.startedAt = startedAt;
    input.trace = trace;
    if (const auto *pattern = Catalog::instance().find(patternId)) {
        const auto &info = pattern->info();
        if (input.title.isEmpty())
            input.title = info.title;
        input.explanation = info.explanation;
        input.whatToLookFor = info.whatToLookFor;
        input.code = Catalog::readResource(info.sourceFile);
        input.pythonCode = Catalog::readResource(info.pythonFile);
    }
    return input;
}

report::ReportInput reportInputFor(const PatternRun &run, const QDateTime &startedAt)
{
    const auto &info = run.pattern().info();
    const auto status = run.isFinished() ? statusText(run.outcome()) : QStringLiteral("running");
    return reportInputFor(info.id, info.title, run.values(), status, startedAt, &run.trace());
}

report::ReportInput StoredRun::reportInput() const
{
    return reportInputFor(run.patternId, run.name, run.parameters, run.status + QStringLiteral(": ") + run.summary,
                          run.startedAt, &trace);
}

bool loadStoredRun(const report::History &history, qint64 id, StoredRun &stored, QString *error)
{
    QString reason;
    const auto run = history.run(id, &reason);
    if (!run) {
        if (error)
            *error = reason.isEmpty() ? QStringLiteral("no run %1 in the history").arg(id) : reason;
        return false;
    }
    stored.run = *run;
    if (!history.load(id, stored.trace, &reason)) {
        if (error)
            *error = QStringLiteral("cannot load run %1: %2").arg(QString::number(id), reason);
        return false;
    }
    return true;
}

HistoryRecording::HistoryRecording(PatternRun &run, const QString &historyPath, QObject *parent)
    : QObject(parent)
    , m_run(run)
{
    report::HistoryRunStart start;
    start.patternId = run.pattern().info().id;
    start.name = run.pattern().info().title;
    start.parameters = run.values();
    // The first run on a machine may find no data folder yet.
    QDir().mkpath(QFileInfo(historyPath).absolutePath());
    auto writer = std::make_unique<report::HistoryWriter>();
    if (!writer->begin(historyPath, start, &m_error))
        return;
    m_runId = writer->runId();
    m_writer = std::move(writer);
    connect(&run, &PatternRun::eventsAppended, this, [this](qsizetype first, qsizetype) {
        if (m_writer)
            m_writer->append(m_run.trace(), first, &m_error);
    });
    connect(&run, &PatternRun::finished, this, [this] {
        if (!m_writer)
            return;
        const auto &outcome = m_run.outcome();
        m_writer->finish(m_run.trace(), QLatin1String(toString(outcome.status)), outcome.summary, &m_error);
        m_writer.reset();
    });
}

HistoryRecording::~HistoryRecording() = default;

QString defaultHistoryPath()
{
    // One history for the app and the command line. Their application data folders differ (only
    // the app sets an organisation name), so it lives in the generic one, where the command
    // line always kept it.
    auto folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (folder.isEmpty())
        folder = QDir::homePath() + QStringLiteral("/.local/share");
    return folder + QStringLiteral("/coroscope/history.sqlite");
}

} // namespace coroscope::patterns
