// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/window/theme.h"

#include <QCoreApplication>
#include <QList>

#include <array>

class QAction;
class QWidget;

namespace coroscope::app {

// Every command of the main window, by name the compiler checks. Texts, shortcuts and tips are
// set where they are made (createMainActions); what a command does is wired by the window.
struct MainActions {
    Q_DECLARE_TR_FUNCTIONS(MainActions)
public:
    // Run
    QAction *run = nullptr;
    QAction *stop = nullptr;
    QAction *runAgain = nullptr;
    QAction *compare = nullptr;
    // File
    QAction *exportRun = nullptr;
    QAction *openTrace = nullptr;
    QAction *quit = nullptr;
    // View
    QAction *history = nullptr; // the History dock's own toggle
    QAction *zoomIn = nullptr;
    QAction *zoomOut = nullptr;
    QAction *fit = nullptr;
    QAction *follow = nullptr;
    QAction *themeSystem = nullptr;
    QAction *themeLight = nullptr;
    QAction *themeDark = nullptr;
    QAction *toggleTheme = nullptr;
    QAction *largerText = nullptr;
    QAction *smallerText = nullptr;
    QAction *resetText = nullptr;
    QAction *findPattern = nullptr;
    QAction *filterLog = nullptr;
    QAction *fullScreen = nullptr;
    QAction *present = nullptr;
    std::array<QAction *, 4> presentationScales = {}; // 150%..300%, checkable, data() the percent
    // In presentation mode only, for the keyboard or a presentation clicker
    QAction *presentNext = nullptr;
    QAction *presentPrevious = nullptr;
    QAction *blank = nullptr;
    QAction *leavePresentation = nullptr;
    // Replay
    QAction *play = nullptr;
    QAction *next = nullptr;
    QAction *previous = nullptr;
    QAction *faster = nullptr;
    QAction *slower = nullptr;
    // Help
    QAction *shortcuts = nullptr;
    QAction *about = nullptr;

    QAction *theme(Theme theme) const;
    // The replay commands, enabled together when there is a finished run to replay.
    QList<QAction *> replay() const { return {play, next, previous, faster, slower}; }
    // The view commands, enabled together when there is a trace on the timeline.
    QList<QAction *> view() const { return {zoomIn, zoomOut, fit, follow}; }
    QList<QAction *> presenting() const { return {presentNext, presentPrevious, blank, leavePresentation}; }
};

// Makes every action, owned by and added to `window` (so its shortcuts work anywhere in it).
// `historyToggle` is the History dock's toggleViewAction, given its text and shortcut here.
MainActions createMainActions(QWidget *window, QAction *historyToggle);

} // namespace coroscope::app
