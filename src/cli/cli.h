// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace coroscope::cli {

// True when the arguments name a subcommand (list, run, serve, ...) or ask for help:
// those run without a display.
bool isCommandLine(int argc, char **argv);
// Runs a subcommand; returns the process exit code.
int run(const QStringList &arguments);

} // namespace coroscope::cli
