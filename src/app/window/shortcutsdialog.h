// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QWidget;

namespace coroscope::app {

// Every shortcut of `window`'s actions, and the mouse gestures of the timeline, in a table.
void showShortcutsDialog(QWidget *window);

} // namespace coroscope::app
