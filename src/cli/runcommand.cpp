// SPDX-License-Identifier: GPL-3.0-or-later
// coroscope run ID [--set name=value ...] [--fault name=value ...] [--server URL] [--database FILE]
//                  [--export FILE ...] [--narrate] [--answers]
#include "classroom/answers.h"
#include "classroom/narration.h"
#include "cli/commands.h"
#include "io/labserver.h"
#include "patterns/catalog.h"
#include "patterns/labenvironment.h"
#include "patterns/patternrun.h"
#include "patterns/runreport.h"
#include "report/exporter.h"
#include "timeline/timeformat.h"
#include "trace/summary.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFileInfo>

#include <limits>

namespace coroscope::cli {
namespace {

void printSummary(const patterns::PatternRun &run)
{
    const auto summary = trace::summarize(run.trace());
    const auto &outcome = run.outcome();
    out() << run.pattern().info().id << ": " << patterns::toString(outcome.status) << " - " << outcome.summary << '\n'
          << "  wall time        " << QString::number(double(summary.wallNs) / 1e6, 'f', 1) << " ms\n"
          << "  tasks            " << summary.tasks << '\n'
          << "  peak concurrency " << summary.peakConcurrency << '\n'
          << "  errors           " << summary.errors << '\n'
          << "  cancellations    " << summary.cancellations << '\n'
          << "  loop lag max     " << QString::number(summary.loopLagMaxMs, 'f', 1) << " ms (p50 "
          << QString::number(summary.loopLagP50Ms, 'f', 1) << ", p99 " << QString::number(summary.loopLagP99Ms, 'f', 1)
          << ")\n"
          << "  events           " << run.trace().events().size() << '\n';
}

// Prints the captions of a live run, one a line. Batches from different threads can reach back a
// little in time, so an event is captioned only once the trace has moved this far past it.
class LiveNarration
{
public:
    static constexpr qint64 settleNs = 100'000'000;

    explicit LiveNarration(const patterns::PatternRun &run)
        : m_run(run)
        , m_narrator(run.trace())
    {
    }

    void printSettled() { printUpTo(m_run.trace().endNs() - settleNs); }
    void printAll() { printUpTo(std::numeric_limits<qint64>::max()); }

private:
    void printUpTo(qint64 timeNs)
    {
        const auto &trace = m_run.trace();
        const auto &events = trace.events();
        for (; m_next < qsizetype(events.size()) && events[size_t(m_next)].timeNs <= timeNs; ++m_next) {
            if (const auto caption = m_narrator.next(m_next))
                out() << timeline::formatTimeMs(caption->timeNs - trace.startNs()).rightJustified(12) << "  "
                      << caption->text << '\n';
        }
        out().flush();
    }

    const patterns::PatternRun &m_run;
    classroom::Narrator m_narrator;
    qsizetype m_next = 0;
};

void printAnswers(const patterns::PatternRun &run)
{
    const auto &questions = run.pattern().info().questions;
    if (questions.empty()) {
        out() << "  answers          " << run.pattern().info().id << " has no questions\n";
        return;
    }
    out() << "  answers\n";
    for (const auto &question : questions) {
        const auto answer = classroom::answerFor(run.trace(), question, run.values());
        out() << "    " << question.text << "\n      " << classroom::answerText(question, answer) << '\n';
    }
}

} // namespace

int runPattern(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption set(QStringLiteral("set"), QStringLiteral("Set a parameter."), QStringLiteral("name=value"));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("Use this server instead of the lab server."), QStringLiteral("URL"));
    const QCommandLineOption database(QStringLiteral("database"), QStringLiteral("The demo database file."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption exportTo(QStringLiteral("export"), QStringLiteral("Export the run (by extension)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption noHistory(QStringLiteral("no-history"), QStringLiteral("Do not store the run."));
    const QCommandLineOption narrate(QStringLiteral("narrate"), QStringLiteral("Print what happens, as it runs."));
    const QCommandLineOption answers(QStringLiteral("answers"),
                                     QStringLiteral("Print the answers to the pattern's questions, from this run."));
    const QCommandLineOption fault(QStringLiteral("fault"),
                                   QStringLiteral("A fault of the lab server, e.g. preset=flaky or error_rate=0.3."),
                                   QStringLiteral("name=value"));
    parser.addOptions({set, fault, server, database, exportTo, noHistory, narrate, answers});
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The pattern to run."));
    if (!parser.parse(QStringList{QStringLiteral("coroscope run")} + arguments)) {
        err() << "coroscope run: " << parser.errorText() << '\n';
        return BadUsage;
    }
    if (parser.positionalArguments().size() != 1) {
        err() << "usage: coroscope run ID [--set name=value ...] [--fault name=value ...] [--server URL] "
                 "[--database FILE] [--export FILE ...] [--no-history] [--history FILE] [--narrate] [--answers]\n";
        return BadUsage;
    }
    const auto id = parser.positionalArguments().front();
    const auto *pattern = patterns::Catalog::instance().find(id);
    if (!pattern) {
        err() << "coroscope: no pattern \"" << id << "\" (see coroscope list)\n";
        return BadUsage;
    }
    const auto values = patterns::parseAssignments(pattern->info().parameters, parser.values(set));
    if (!values.errors.isEmpty()) {
        for (const auto &error : values.errors)
            err() << "coroscope run " << id << ": " << error << '\n';
        return BadUsage;
    }
    const auto faults = parseFaultOptions(QStringLiteral("coroscope run ") + id, parser.values(fault));
    if (!faults)
        return BadUsage;
    if (parser.isSet(fault) && parser.isSet(server)) {
        err() << "coroscope run " << id
              << ": --fault sets the embedded lab server's faults; it cannot go with --server\n";
        return BadUsage;
    }
    const auto exports = parser.values(exportTo);
    for (const auto &path : exports) {
        if (!report::exportFormats().contains(QFileInfo(path).suffix().toLower())) {
            err() << "coroscope: cannot export to \"" << path << "\": use one of ."
                  << report::exportFormats().join(QStringLiteral(", .")) << '\n';
            return BadUsage;
        }
    }

    patterns::LabEnvironment environment;
    patterns::LabEnvironment::Options options;
    options.server = QUrl(parser.value(server));
    options.databasePath = parser.value(database);
    if (parser.isSet(server) && options.server.isEmpty()) {
        err() << "coroscope: --server needs a URL\n";
        return BadUsage;
    }
    if (!environment.start(options)) {
        err() << "coroscope: " << environment.errorString() << '\n';
        return BadUsage;
    }

    if (auto *lab = environment.labServer())
        lab->setFaults(*faults);

    const auto startedAt = QDateTime::currentDateTimeUtc();
    patterns::PatternRun run(*pattern, values.values, environment.runEnvironment());
    std::unique_ptr<patterns::HistoryRecording> history;
    if (!parser.isSet(noHistory)) {
        history = std::make_unique<patterns::HistoryRecording>(run, historyPath());
        if (!history->isRecording())
            err() << "coroscope: not storing this run in the history: " << history->errorString() << '\n';
    }
    std::unique_ptr<LiveNarration> narration;
    if (parser.isSet(narrate)) {
        narration = std::make_unique<LiveNarration>(run);
        QObject::connect(&run, &patterns::PatternRun::eventsAppended, &run, [&narration] { narration->printSettled(); });
    }
    run.start();
    run.waitForFinished();
    if (narration)
        narration->printAll();
    printSummary(run);
    if (parser.isSet(answers))
        printAnswers(run);

    int code = run.outcome().status == patterns::RunStatus::Ok ? Success : RunFailed;
    const auto input = patterns::reportInputFor(run, startedAt);
    for (const auto &path : exports) {
        QString error;
        if (report::exportTrace(input, path, &error)) {
            out() << "  exported         " << path << '\n';
        } else {
            err() << "coroscope: " << error << '\n';
            code = BadUsage;
        }
    }
    return code;
}

} // namespace coroscope::cli
