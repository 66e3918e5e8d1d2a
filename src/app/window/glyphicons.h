// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>

namespace coroscope::app {

enum class Glyph { Run, Stop, RunAgain, ZoomIn, ZoomOut, ZoomFit, Play, Pause, StepForward, StepBack, Follow };

// Toolbar icons drawn as vector paths at whatever size and pixel ratio they are asked for, in
// the colour given: crisp on a 4K projector, and right in both light and dark palettes.
QIcon glyphIcon(Glyph glyph, const QColor &color);

} // namespace coroscope::app
