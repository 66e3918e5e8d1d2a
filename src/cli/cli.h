// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace coroscope::cli {

// True when the arguments name a subcommand (list, run, serve, ...) or ask for help:
// those run without a display.
bool isCommandLine(int argc, char **argv);
// Runs a subcommand (`arguments` as QCoreApplication::arguments()); returns the exit code.
int run(const QStringList &arguments);
// "coroscope 0.1.0 (Qt 6.4.2, QCoro 0.8.0)"
QString versionText();

} // namespace coroscope::cli
