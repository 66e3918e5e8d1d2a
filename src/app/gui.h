// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace coroscope::app {

// Opens the main window (with the lab server and the demo database up) and runs the event
// loop. Understands --pattern ID, --set name=value, --run, --screenshot FILE, --theme and
// --history FILE.
int runGui(const QStringList &arguments);

} // namespace coroscope::app
