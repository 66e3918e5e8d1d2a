// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli.h"

#include "cli/commands.h"

#include <QString>

#include <cstring>
#include <functional>

namespace coroscope::cli {
namespace {

struct Command {
    const char *name;
    const char *usage;
    int (*run)(const QStringList &);
};

const Command commands[] = {
    {"list", "list [--json]                      the patterns, by category", &listPatterns},
    {"describe", "describe ID                        a pattern's text and parameters", &describePattern},
    {"run", "run ID [--set name=value ...] [--server URL] [--database FILE] [--export FILE ...] [--no-history]\n"
            "                                     run a pattern headless and print its summary",
     &runPattern},
    {"serve", "serve [--port N]                   run the lab server in the foreground (Ctrl+C stops it)", &serve},
    {"history", "history [--json]                   the runs stored in the history", &listHistory},
    {"export", "export RUN_ID FILE                 export a stored run (.json .csv .html .svg .png .pdf)", &exportRun},
    {"compare", "compare RUN_ID RUN_ID FILE         both runs on one time axis (.html .svg .png)", &compareRuns},
    {"convert", "convert TRACE.json FILE            import a Chrome trace (ours or another tool's) and export it",
     &convertTrace},
};

void printHelp(QTextStream &stream)
{
    stream << "Coroscope: watch async code run.\n\n"
              "Usage:\n"
              "  coroscope                          open the app\n"
              "  coroscope --pattern ID [--set name=value ...] [--run] [--screenshot FILE]\n"
              "                                     open the app on a pattern (and run it, and save a PNG of the window)\n";
    for (const auto &command : commands)
        stream << "  coroscope " << command.usage << '\n';
    stream << "\nExit codes: 0 success, 1 the run failed (error, cancelled, timed out), 2 bad usage or files.\n";
}

} // namespace

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
    if (argc < 2)
        return false;
    const char *first = argv[1];
    return first[0] != '-' || std::strcmp(first, "--help") == 0 || std::strcmp(first, "-h") == 0;
}

int run(const QStringList &arguments)
{
    const auto name = arguments.value(1);
    if (name == QLatin1String("--help") || name == QLatin1String("-h") || name == QLatin1String("help")) {
        printHelp(out());
        return Success;
    }
    for (const auto &command : commands) {
        if (name == QLatin1String(command.name)) {
            const int code = command.run(arguments.mid(2));
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
