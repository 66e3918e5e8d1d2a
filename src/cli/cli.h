// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace coroscope::cli {

// True when the arguments name a subcommand (list, run, serve, ...), ask for help or the
// version, or start with a word that is neither a command nor a file: those run without a
// display. A file (`coroscope run.json`) is for the window to open.
bool isCommandLine(int argc, char **argv);
// Runs a subcommand (`arguments` as QCoreApplication::arguments()); returns the exit code.
int run(const QStringList &arguments);

} // namespace coroscope::cli
