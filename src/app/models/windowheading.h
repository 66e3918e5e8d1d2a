// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace coroscope::patterns {
struct PatternInfo;
}

namespace coroscope::app {

struct OpenedTrace;

// What the window says it shows, above the timeline and in its title bar: the selected pattern,
// or the stored run or trace file opened instead of a live run.
struct WindowHeading {
    QString title; // over the timeline
    QString summary; // the line under it
    QString windowTitle;
    QString banner; // "Stored run #3 ..., not a live run": empty while a live run is shown
};

// `opened` is the trace shown instead of a live run (nullptr: none); a run going on shows live.
WindowHeading windowHeading(const patterns::PatternInfo *selected, const OpenedTrace *opened, bool running);

} // namespace coroscope::app
