// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace coroscope::app {

// Coroscope's icon: the installed theme's (named buildinfo::applicationId, as the desktop entry
// says), else the SVG embedded in the binary, so a build run from its folder shows it too.
QIcon applicationIcon();

} // namespace coroscope::app
