// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/mainactions.h"

#include <QAction>
#include <QActionGroup>
#include <QWidget>

namespace coroscope::app {
namespace {

using K = QKeySequence;

QAction *makeAction(QWidget *window, const char *name, const QString &text, const QList<QKeySequence> &shortcuts,
                    const QString &tip = {})
{
    auto *action = new QAction(text, window);
    action->setObjectName(QString::fromLatin1(name));
    // Platform key bindings may coincide with the explicit ones (FullScreen is F11 on Linux).
    QList<QKeySequence> keys;
    for (const auto &key : shortcuts) {
        if (!key.isEmpty() && !keys.contains(key))
            keys.append(key);
    }
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    QString toolTip = tip.isEmpty() ? QString(text).remove(QLatin1Char('&')) : tip;
    if (!keys.isEmpty())
        toolTip += QStringLiteral(" (%1)").arg(keys.first().toString(QKeySequence::NativeText));
    action->setToolTip(toolTip);
    action->setStatusTip(tip);
    window->addAction(action);
    return action;
}

QAction *makeCheckable(QWidget *window, const char *name, const QString &text, const QList<QKeySequence> &shortcuts,
                       const QString &tip = {})
{
    auto *action = makeAction(window, name, text, shortcuts, tip);
    action->setCheckable(true);
    return action;
}

} // namespace

QAction *MainActions::theme(Theme theme) const
{
    switch (theme) {
    case Theme::System: return themeSystem;
    case Theme::Light: return themeLight;
    case Theme::Dark: return themeDark;
    }
    return nullptr;
}

MainActions createMainActions(QWidget *window, QAction *historyToggle)
{
    MainActions a;
    a.run = makeAction(window, "run", MainActions::tr("&Run"), {K(Qt::CTRL | Qt::Key_R)},
                       MainActions::tr("Run the pattern with these parameters"));
    a.stop = makeAction(window, "stop", MainActions::tr("&Stop"), {K(Qt::Key_Escape), K(Qt::SHIFT | Qt::Key_F5)},
                        MainActions::tr("Cancel the run: every task gets CancelledError at its co_await"));
    a.runAgain = makeAction(window, "runAgain", MainActions::tr("Run &again"), {K(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
                            MainActions::tr("Repeat the last run with the same parameters"));
    a.compare = makeAction(window, "compare", MainActions::tr("&Compare runs…"), {},
                           MainActions::tr("Two runs from the history on one time axis, with what differs"));

    a.exportRun = makeAction(
        window, "export", MainActions::tr("&Export…"), {K(Qt::CTRL | Qt::Key_E)},
        MainActions::tr("Save the run as an HTML report, SVG or PNG timeline, PDF handout, Chrome trace or CSV"));
    a.openTrace = makeAction(
        window, "openTrace", MainActions::tr("&Open trace…"), {K(K::Open)},
        MainActions::tr("Show a Chrome trace JSON file (from Coroscope, Perfetto or another tool) on the timeline"));
    a.quit = makeAction(window, "quit", MainActions::tr("&Quit"), {K(K::Quit)});

    a.history = historyToggle;
    a.history->setObjectName(QStringLiteral("history"));
    a.history->setText(MainActions::tr("&History"));
    a.history->setShortcut(K(Qt::CTRL | Qt::Key_H));
    a.history->setToolTip(MainActions::tr("Show or hide the stored runs (Ctrl+H)"));
    window->addAction(a.history);
    a.zoomIn = makeAction(window, "zoomIn", MainActions::tr("Zoom &in"), {K(K::ZoomIn), K(Qt::CTRL | Qt::Key_Equal)});
    a.zoomOut = makeAction(window, "zoomOut", MainActions::tr("Zoom &out"), {K(K::ZoomOut)});
    a.fit = makeAction(window, "fit", MainActions::tr("&Fit run"), {K(Qt::CTRL | Qt::Key_0)},
                       MainActions::tr("Show the whole run"));
    a.follow = makeCheckable(window, "follow", MainActions::tr("Follow &newest"), {K(Qt::CTRL | Qt::Key_End)},
                             MainActions::tr("Keep the newest events in view while the run goes on"));
    a.themeSystem = makeCheckable(window, "theme-system", MainActions::tr("Follow the &system"), {});
    a.themeLight = makeCheckable(window, "theme-light", MainActions::tr("&Light"), {});
    a.themeDark = makeCheckable(window, "theme-dark", MainActions::tr("&Dark"), {});
    auto *themes = new QActionGroup(window);
    for (auto *theme : {a.themeSystem, a.themeLight, a.themeDark})
        themes->addAction(theme);
    a.toggleTheme = makeAction(window, "toggleTheme", MainActions::tr("&Toggle light/dark"),
                               {K(Qt::CTRL | Qt::SHIFT | Qt::Key_T)});
    a.largerText = makeAction(window, "largerText", MainActions::tr("&Larger text"),
                              {K(Qt::CTRL | Qt::ALT | Qt::Key_Equal)},
                              MainActions::tr("Bigger text everywhere, for the back of the room"));
    a.smallerText = makeAction(window, "smallerText", MainActions::tr("&Smaller text"),
                               {K(Qt::CTRL | Qt::ALT | Qt::Key_Minus)});
    a.resetText = makeAction(window, "resetText", MainActions::tr("&Normal text"), {K(Qt::CTRL | Qt::ALT | Qt::Key_0)});
    a.findPattern = makeAction(window, "findPattern", MainActions::tr("Find &pattern"), {K(K::Find)});
    a.filterLog = makeAction(window, "filterLog", MainActions::tr("Filter event &log"), {K(Qt::CTRL | Qt::Key_L)});
    a.fullScreen = makeCheckable(window, "fullScreen", MainActions::tr("F&ull screen"),
                                 {K(K::FullScreen), K(Qt::Key_F11)});
    // F5, as in every presentation program.
    a.present = makeCheckable(
        window, "present", MainActions::tr("&Present"), {K(Qt::Key_F5)},
        MainActions::tr("Presentation mode: large text, projector colours, only what the class needs"));
    auto *scales = new QActionGroup(window);
    for (std::size_t i = 0; i < a.presentationScales.size(); ++i) {
        const int percent = 150 + int(i) * 50;
        auto *scale = makeCheckable(window, "presentationScale", MainActions::tr("%1%").arg(percent), {});
        scale->setObjectName(QStringLiteral("presentationScale%1").arg(percent));
        scale->setData(percent);
        scales->addAction(scale);
        a.presentationScales[i] = scale;
    }
    a.presentNext = makeAction(window, "presentNext", MainActions::tr("Next step"), {K(Qt::Key_PageDown)});
    a.presentPrevious = makeAction(window, "presentPrevious", MainActions::tr("Previous step"), {K(Qt::Key_PageUp)});
    a.blank = makeCheckable(window, "blank", MainActions::tr("&Blank the screen"), {K(Qt::Key_B)},
                            MainActions::tr("Hide everything from the class for a moment"));
    a.leavePresentation = makeAction(window, "leavePresentation", MainActions::tr("Leave presentation"),
                                     {K(Qt::Key_Escape)});
    for (auto *action : a.presenting())
        action->setEnabled(false);

    a.play = makeAction(window, "play", MainActions::tr("Play"), {K(Qt::Key_Space)},
                        MainActions::tr("Replay the run from the playhead"));
    a.next = makeAction(window, "next", MainActions::tr("&Next event"), {K(Qt::CTRL | Qt::Key_Right), K(Qt::Key_Period)},
                        MainActions::tr("Move the playhead to the next event of the selected task"));
    a.previous = makeAction(window, "previous", MainActions::tr("&Previous event"),
                            {K(Qt::CTRL | Qt::Key_Left), K(Qt::Key_Comma)},
                            MainActions::tr("Move the playhead to the previous event of the selected task"));
    a.faster = makeAction(window, "faster", MainActions::tr("&Faster"), {K(Qt::Key_BracketRight)});
    a.slower = makeAction(window, "slower", MainActions::tr("&Slower"), {K(Qt::Key_BracketLeft)});

    a.shortcuts = makeAction(window, "shortcuts", MainActions::tr("&Keyboard shortcuts"), {K(Qt::Key_F1)});
    a.about = makeAction(window, "about", MainActions::tr("&About Coroscope"), {});
    return a;
}

} // namespace coroscope::app
