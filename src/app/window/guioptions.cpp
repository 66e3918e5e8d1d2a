// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/guioptions.h"

#include "patterns/catalog.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace coroscope::app {
namespace {

QString checkWritable(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return QStringLiteral("cannot write the screenshot to %1: it is a folder").arg(path);
    if (!info.absoluteDir().exists())
        return QStringLiteral("cannot write the screenshot to %1: the folder %2 does not exist")
            .arg(path, info.absolutePath());
    // Trying is the only reliable test (permissions, read-only mounts, root).
    QFile file(path);
    const bool existed = file.exists();
    if (!file.open(QIODevice::Append))
        return QStringLiteral("cannot write the screenshot to %1: %2").arg(path, file.errorString());
    file.close();
    if (!existed)
        file.remove();
    return {};
}

} // namespace

ParsedGuiOptions parseGuiOptions(const QStringList &arguments)
{
    ParsedGuiOptions result;
    QCommandLineParser parser;
    const QCommandLineOption pattern(QStringLiteral("pattern"), QStringLiteral("Pattern to open."), QStringLiteral("id"));
    const QCommandLineOption set(QStringLiteral("set"), QStringLiteral("Parameter value."), QStringLiteral("name=value"));
    const QCommandLineOption run(QStringLiteral("run"), QStringLiteral("Run the pattern at once."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save the window as PNG and quit."), QStringLiteral("file"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("light, dark or system."),
                                   QStringLiteral("theme"));
    const QCommandLineOption history(
        QStringLiteral("history"), QStringLiteral("Run history file to record into and list."), QStringLiteral("file"));
    const QCommandLineOption compare(QStringLiteral("compare"),
                                     QStringLiteral("Compare two runs of the history: --compare RUN_A RUN_B."));
    const QCommandLineOption present(QStringLiteral("present"),
                                     QStringLiteral("Start in presentation mode (F5 leaves and enters it)."));
    const QCommandLineOption scale(QStringLiteral("scale"),
                                   QStringLiteral("Presentation text size in percent, 150 to 300."),
                                   QStringLiteral("percent"));
    const QCommandLineOption fault(QStringLiteral("fault"), QStringLiteral("A fault of the lab server."),
                                   QStringLiteral("name=value"));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Print the version and exit."));
    parser.addOptions({pattern, set, run, fault, screenshot, theme, compare, history, present, scale, version});
    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    auto &options = result.options;
    if (parser.isSet(version)) {
        options.version = true;
        return result;
    }
    const auto positional = parser.positionalArguments();
    if (parser.isSet(compare)) {
        bool firstOk = false;
        bool secondOk = false;
        if (positional.size() == 2) {
            options.compareFirst = positional.at(0).toLongLong(&firstOk);
            options.compareSecond = positional.at(1).toLongLong(&secondOk);
        }
        if (!firstOk || !secondOk || options.compareFirst <= 0 || options.compareSecond <= 0) {
            result.error = QStringLiteral("--compare needs two run ids (see coroscope history)");
            return result;
        }
    } else if (positional.size() == 1 && QFileInfo(positional.first()).isFile()) {
        options.tracePath = QFileInfo(positional.first()).absoluteFilePath();
    } else if (!positional.isEmpty()) {
        result.error = positional.size() == 1
                           ? QStringLiteral("cannot open \"%1\": no such file").arg(positional.first())
                           : QStringLiteral("unexpected argument \"%1\"").arg(positional.at(1));
        return result;
    }
    options.run = parser.isSet(run);
    options.present = parser.isSet(present);
    if (parser.isSet(scale)) {
        bool isNumber = false;
        options.presentationScale = parser.value(scale).toInt(&isNumber);
        if (!isNumber || options.presentationScale < 150 || options.presentationScale > 300) {
            result.error
                = QStringLiteral("--scale must be a percentage from 150 to 300 (got \"%1\")").arg(parser.value(scale));
            return result;
        }
    }
    options.theme = parser.value(theme);
    if (parser.isSet(history))
        options.historyPath = QFileInfo(parser.value(history)).absoluteFilePath();
    if (!options.theme.isEmpty() && options.theme != QLatin1String("light") && options.theme != QLatin1String("dark")
        && options.theme != QLatin1String("system")) {
        result.error = QStringLiteral("--theme must be light, dark or system (got \"%1\")").arg(options.theme);
        return result;
    }
    const auto assignments = parser.values(set);
    if (parser.isSet(pattern)) {
        options.patternId = parser.value(pattern);
        const auto *found = patterns::Catalog::instance().find(options.patternId);
        if (!found) {
            result.error = QStringLiteral("unknown pattern \"%1\" (known: %2)")
                               .arg(options.patternId, patterns::Catalog::instance().ids().join(QStringLiteral(", ")));
            return result;
        }
        const auto parsed = patterns::parseAssignments(found->info().parameters, assignments);
        if (!parsed.errors.isEmpty()) {
            result.error = parsed.errors.join(QStringLiteral("; "));
            return result;
        }
        for (const auto &assignment : assignments) {
            const auto name = assignment.left(assignment.indexOf(QLatin1Char('='))).trimmed();
            options.values.insert(name, parsed.values.value(name));
        }
    } else if (!assignments.isEmpty() || options.run) {
        result.error = QStringLiteral("%1 needs --pattern ID")
                           .arg(options.run ? QStringLiteral("--run") : QStringLiteral("--set"));
        return result;
    }
    const auto faults = io::parseLabFaultAssignments(parser.values(fault));
    if (!faults.faults) {
        result.error = QStringLiteral("--fault ") + faults.errors.join(QStringLiteral("; "));
        return result;
    }
    options.faults = *faults.faults;
    if (parser.isSet(screenshot)) {
        options.screenshotPath = QFileInfo(parser.value(screenshot)).absoluteFilePath();
        if (const auto error = checkWritable(options.screenshotPath); !error.isEmpty()) {
            result.error = error;
            return result;
        }
    }
    return result;
}

} // namespace coroscope::app
