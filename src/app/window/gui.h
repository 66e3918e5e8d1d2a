// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace coroscope::app {

// The app as `main` starts it: checks the command line before anything needs a screen (a
// mistake is answered on stderr, exit 2), creates the QApplication (no display reachable: one
// line on stderr, exit 2, instead of Qt's abort), opens the main window with the lab server and
// the demo database up, and runs the event loop. Understands --pattern ID, --set name=value,
// --run, --screenshot FILE, --theme, --history FILE and --compare RUN_A RUN_B.
int startGui(int argc, char **argv);

} // namespace coroscope::app
