// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/labfaults.h"

#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace coroscope::app {

// The window's command line: `coroscope [--pattern ID [--set name=value ...] [--run]]
// [--fault name=value ...] [--present [--scale PERCENT]] [--screenshot FILE] [--theme light|dark|system]
// [--history FILE] [TRACE.json]`, or `coroscope --compare RUN_A RUN_B [--history FILE] [--screenshot FILE]`
// for two runs of the history side by side. `--version` anywhere answers on stdout before anything needs a
// display.
struct GuiOptions {
    QString patternId;
    QVariantMap values; // validated against the pattern's parameters
    bool run = false;
    bool present = false; // start in presentation mode
    int presentationScale = 0; // percent; 0: the saved choice
    QString screenshotPath; // absolute
    QString theme; // empty: the saved choice
    QString historyPath; // absolute; empty: patterns::defaultHistoryPath()
    qint64 compareFirst = 0; // history run ids; 0: no comparison
    qint64 compareSecond = 0;
    io::LabFaults faults; // the lab server's faults from the start (--fault, as for coroscope run)
    QString tracePath; // absolute; a Chrome trace file to show (the desktop entry's %f)
    bool version = false; // print buildinfo::versionLine() and exit
};

struct ParsedGuiOptions {
    GuiOptions options;
    QString error; // why the command line cannot be used, for stderr
    bool ok() const { return error.isEmpty(); }
};

// `arguments` as QCoreApplication::arguments() (program name first). Checks everything that can
// be checked before the window opens: the pattern exists, every --set names a parameter with a
// valid value, the screenshot file can be written.
ParsedGuiOptions parseGuiOptions(const QStringList &arguments);

} // namespace coroscope::app
