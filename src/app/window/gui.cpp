// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/gui.h"

#include "app/compare/comparewindow.h"
#include "app/models/environment.h"
#include "app/present/presentationmode.h"
#include "app/window/applicationicon.h"
#include "app/window/guioptions.h"
#include "app/window/mainwindow.h"
#include "app/window/translations.h"
#include "buildinfo.h"
#include "io/labserver.h"
#include "patterns/catalog.h"
#include "patterns/runreport.h"

#include <QApplication>
#include <QGuiApplication>
#include <QMessageBox>
#include <QScreen>
#include <QTextStream>
#include <QTimer>

#include <cstdlib>
#include <utility>

namespace coroscope::app {
namespace {

// A screenshot run must end even if the pattern never does.
constexpr int screenshotRunLimitMs = 5 * 60 * 1000;

int fail(const QString &message, int code)
{
    QTextStream(stderr) << "coroscope: " << message << '\n';
    return code;
}

// Qt ends the process with qFatal when no platform plugin can start (no X server or Wayland
// compositor, a DISPLAY that cannot be reached over SSH). While the QApplication is being
// created, its warnings are held back, and a fatal message becomes one line and exit code 2.
QStringList heldBackWarnings;

void answerMissingDisplay(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type != QtFatalMsg) {
        heldBackWarnings.append(message);
        return;
    }
    const auto display = qEnvironmentVariable("DISPLAY");
    const auto wayland = qEnvironmentVariable("WAYLAND_DISPLAY");
    QTextStream(stderr) << "coroscope: cannot open a window: no display could be reached (DISPLAY="
                        << (display.isEmpty() ? QStringLiteral("unset") : display)
                        << ", WAYLAND_DISPLAY=" << (wayland.isEmpty() ? QStringLiteral("unset") : wayland)
                        << "); the commands need none (coroscope --help)\n";
    std::_Exit(2);
}

QStringList argumentsOf(int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

// A pattern whose data file is broken is missing from the browser: say which and why, on the
// terminal and, unless a screenshot is being taken, in the window.
void reportBrokenPatterns(QWidget *window, bool quietly)
{
    const auto &problems = patterns::Catalog::instance().errors();
    if (problems.isEmpty())
        return;
    for (const auto &problem : problems)
        QTextStream(stderr) << "coroscope: pattern left out: " << problem << '\n';
    if (quietly)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Warning, QCoreApplication::translate("Gui", "Patterns left out"),
        QCoreApplication::translate("Gui", "Some patterns could not be loaded and are not in the list."),
        QMessageBox::Ok, window);
    box->setDetailedText(problems.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

int runGui(const GuiOptions &options)
{
    const bool screenshot = !options.screenshotPath.isEmpty();

    Environment environment;
    if (!environment.start())
        QTextStream(stderr) << "coroscope: " << environment.errorString() << '\n';
    if (auto *lab = environment.labServer())
        lab->setFaults(options.faults);

    MainWindow window(&environment);
    window.setHistoryPath(options.historyPath.isEmpty() ? patterns::defaultHistoryPath() : options.historyPath);
    // Screenshots start from the same window every time: no saved layout, nothing saved back.
    const bool placed = !screenshot && window.restoreSettings();
    if (!options.theme.isEmpty())
        window.setTheme(themeFromString(options.theme));
    if (!options.patternId.isEmpty()) {
        window.selectPattern(options.patternId);
        const auto rejected = window.setParameterValues(options.values);
        if (!rejected.isEmpty())
            return fail(rejected.join(QStringLiteral("; ")), 2);
    }
    if (!placed) {
        const auto available = window.screen() ? window.screen()->availableGeometry().size() : QSize(1600, 1000);
        window.resize(std::min(1760, available.width() * 92 / 100), std::min(1040, available.height() * 92 / 100));
    }
    QWidget *shown = &window;
    if (options.compareFirst > 0) {
        QString error;
        auto *compare = CompareWindow::load(window.historyPath(), options.compareFirst, options.compareSecond, &error,
                                            &window);
        if (!compare)
            return fail(error, 2);
        compare->setAttribute(Qt::WA_DeleteOnClose);
        shown = compare;
    }
    // A screenshot of the comparison needs only the comparison on screen.
    if (!screenshot || shown == &window)
        window.show();
    shown->show();
    shown->raise();
    if (options.presentationScale > 0)
        window.presentation()->setScale(options.presentationScale);
    if (options.present)
        window.presentation()->setOn(true);
    reportBrokenPatterns(&window, screenshot);

    int exitCode = 0;
    auto saveAndQuit = [&] {
        window.showcase();
        // Let the window lay out and paint its final state before grabbing it.
        QTimer::singleShot(300, &window, [&] {
            const auto image = shown->grab().toImage();
            if (!image.save(options.screenshotPath, "PNG")) {
                exitCode = fail(QStringLiteral("could not write the screenshot to %1").arg(options.screenshotPath), 1);
            }
            QApplication::quit();
        });
    };
    if (options.run) {
        if (screenshot) {
            QObject::connect(&window, &MainWindow::runFinished, &window, saveAndQuit);
            QTimer::singleShot(screenshotRunLimitMs, &window, [&] {
                exitCode = fail(QStringLiteral("the run did not finish within 5 minutes; stopping it"), 1);
                window.stopRun();
            });
        }
        QTimer::singleShot(0, &window, [&] {
            if (!window.startRun()) {
                exitCode = fail(QStringLiteral("could not start the run"), 1);
                if (screenshot)
                    QApplication::quit();
            }
        });
    } else if (!options.tracePath.isEmpty()) {
        // A file that cannot be read is said in the window's status bar; the window stays.
        if (screenshot)
            QObject::connect(&window, &MainWindow::openFinished, &window, saveAndQuit);
        if (!window.openTraceFile(options.tracePath) && screenshot)
            QTimer::singleShot(0, &window, saveAndQuit);
    } else if (screenshot) {
        QTimer::singleShot(0, &window, saveAndQuit);
    }
    const int code = QApplication::exec();
    return exitCode != 0 ? exitCode : code;
}

} // namespace

int startGui(int argc, char **argv)
{
    const auto parsed = parseGuiOptions(argumentsOf(argc, argv));
    if (!parsed.ok())
        return fail(parsed.error + QStringLiteral(" (coroscope --help lists the options)"), 2);
    if (parsed.options.version) {
        QTextStream(stdout) << buildinfo::versionLine() << '\n';
        return 0;
    }

    const auto previousHandler = qInstallMessageHandler(answerMissingDisplay);
    QApplication app(argc, argv);
    qInstallMessageHandler(previousHandler);
    for (const auto &warning : std::exchange(heldBackWarnings, {}))
        qWarning().noquote() << warning;
    QApplication::setApplicationName(QStringLiteral("coroscope"));
    QApplication::setOrganizationName(QStringLiteral("Coroscope"));
    QApplication::setApplicationVersion(QLatin1String(buildinfo::version));
    // The task bar finds the window's entry, and with it the icon, by this id.
    QGuiApplication::setDesktopFileName(QLatin1String(buildinfo::applicationId));
    QApplication::setWindowIcon(applicationIcon());
    installTranslations();
    return runGui(parsed.options);
}

} // namespace coroscope::app
