// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace coroscope::app {

enum class Theme { System, Light, Dark };

QString toString(Theme theme);
Theme themeFromString(const QString &text); // anything unknown is System

// Switches the whole application. System restores the palette the platform gave at startup.
void applyTheme(Theme theme);
// Presentation mode's look (high contrast, hatched waits) over the whole application; off puts
// `otherwise` back.
void applyProjectorLook(bool on, Theme otherwise);

} // namespace coroscope::app
