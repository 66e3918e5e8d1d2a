// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli.h"

#include "buildinfo.h"
#include "cli/commands.h"
#include "patterns/catalog.h"
#include "patterns/runreport.h"

#include <QFileInfo>
#include <QString>

#include <cstring>
#include <functional>

namespace coroscope::cli {
namespace {

struct Command {
    const char *name;
    const char *usage;
    int (*run)(const QStringList &);
    bool readsHistory = false; // takes --history FILE
};

const Command commands[] = {
    {"list", "list [--json]                      the patterns, by category", &listPatterns},
    {"describe", "describe ID [--json]               a pattern's text, parameters and questions", &describePattern},
    {"run",
     "run ID [--set name=value ...] [--server URL] [--database FILE] [--export FILE ...] [--no-history]\n"
     "       [--narrate] [--answers]       run a pattern headless and print its summary; --narrate prints\n"
     "                                     what happens as it runs, --answers its questions' answers",
     &runPattern, true},
    {"serve", "serve [--port N]                   run the lab server in the foreground (Ctrl+C stops it)", &serve},
    {"history", "history [--json]                   the runs stored in the history", &listHistory, true},
    {"export", "export RUN_ID FILE                 export a stored run (.json .csv .html .svg .png .pdf)", &exportRun,
     true},
    {"compare", "compare RUN_ID RUN_ID FILE         both runs on one time axis (.html .svg .png)", &compareRuns, true},
    {"convert", "convert TRACE.json FILE            import a Chrome trace (ours or another tool's) and export it",
     &convertTrace},
};

void printHelp(QTextStream &stream)
{
    stream
        << "Coroscope: watch async code run.\n\n"
           "Usage:\n"
           "  coroscope [TRACE.json]             open the app (on a Chrome trace file)\n"
           "  coroscope --pattern ID [--set name=value ...] [--run] [--screenshot FILE]\n"
           "                                     open the app on a pattern (and run it, and save a PNG of the window)\n"
           "  coroscope --present [--scale PERCENT] --pattern ID [--run]\n"
           "                                     the same in presentation mode, text at 150-300% (F5 leaves it)\n"
           "  coroscope --version                the version, and the Qt and QCoro it runs on\n";
    for (const auto &command : commands)
        stream << "  coroscope " << command.usage << '\n';
    stream << "\nrun, history, export, compare and the app take --history FILE (before or after the command)\n"
              "to use another run history than "
           << patterns::defaultHistoryPath() << ".\n";
    stream << "\nExit codes: 0 success, 1 the run failed (error, cancelled, timed out), 2 bad usage or files.\n";
}

QString historyFile;

// `--history FILE` and `--history=FILE`, wherever they stand, taken out of `arguments`.
// Returns false (with a message) when the option has no value.
bool takeHistoryOption(QStringList &arguments, bool &given)
{
    const QString name = QStringLiteral("--history");
    for (qsizetype i = 0; i < arguments.size();) {
        const auto &argument = arguments.at(i);
        if (argument == name) {
            if (i + 1 >= arguments.size() || arguments.at(i + 1).isEmpty()) {
                err() << "coroscope: --history needs a FILE\n";
                return false;
            }
            historyFile = arguments.at(i + 1);
            arguments.remove(i, 2);
            given = true;
        } else if (argument.startsWith(name + QLatin1Char('='))) {
            historyFile = argument.mid(name.size() + 1);
            arguments.remove(i);
            given = true;
            if (historyFile.isEmpty()) {
                err() << "coroscope: --history needs a FILE\n";
                return false;
            }
        } else {
            ++i;
        }
    }
    return true;
}

// The first argument that is not a global option (`--history FILE`), or -1.
int firstCommandArgument(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--history") == 0)
            ++i;
        else if (std::strncmp(argv[i], "--history=", 10) != 0)
            return i;
    }
    return -1;
}

} // namespace

QString historyPath()
{
    return historyFile.isEmpty() ? patterns::defaultHistoryPath() : historyFile;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

bool isCommandLine(int argc, char **argv)
{
    const int index = firstCommandArgument(argc, argv);
    if (index < 0)
        return false;
    const char *first = argv[index];
    if (first[0] == '-')
        return std::strcmp(first, "--help") == 0 || std::strcmp(first, "-h") == 0 || std::strcmp(first, "--version") == 0;
    for (const auto &command : commands) {
        if (std::strcmp(first, command.name) == 0)
            return true;
    }
    // `coroscope run.json`, as the desktop entry starts it for a file, opens the window on it; any
    // other word is a mistyped command, answered on the terminal.
    return !QFileInfo::exists(QString::fromLocal8Bit(first));
}

int run(const QStringList &programAndArguments)
{
    auto arguments = programAndArguments.mid(1);
    bool historyGiven = false;
    if (!takeHistoryOption(arguments, historyGiven))
        return BadUsage;
    const auto name = arguments.value(0);
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printHelp(out());
        return Success;
    }
    if (name == QLatin1String("--version")) {
        out() << buildinfo::versionLine() << '\n';
        return Success;
    }
    for (const auto &command : commands) {
        if (name == QLatin1String(command.name)) {
            // A broken data file leaves its pattern out: every command says so rather than just not list it.
            for (const auto &problem : patterns::Catalog::instance().errors())
                err() << "coroscope: pattern left out: " << problem << '\n';
            if (historyGiven && !command.readsHistory) {
                err() << "coroscope: " << name << " does not use the run history: --history does not apply\n";
                return BadUsage;
            }
            const int code = command.run(arguments.mid(1));
            out().flush();
            err().flush();
            return code;
        }
    }
    err() << "coroscope: unknown command \"" << name << "\"\n\n";
    printHelp(err());
    return BadUsage;
}

} // namespace coroscope::cli
