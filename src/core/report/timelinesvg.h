// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace coroscope::trace {
class Trace;
}

namespace coroscope::report {

struct TimelineSvgOptions {
    int width = 1200; // in CSS pixels; the height follows from the lanes
    int maxLanes = 250; // tasks beyond this are counted in a note instead of drawn
    bool standalone = true; // an XML declaration for a .svg file; false to inline in HTML
    QString title; // drawn above the timeline when not empty
};

struct TimelineSection {
    const trace::Trace *trace = nullptr;
    QString heading; // "A: gather (before)"; may be empty
};

// The timeline as SVG, the second back-end of the one timeline layout: the app's TimelineModel
// lanes of the tasks (a coroutine nobody awaited on a lane of its own), their waits as the
// LaneLayout bars the app and the PNG draw (waits coloured by reason until they end; errors and
// cancellations marked where they happened), a time ruler, the counters as step charts, and a
// legend. Every element carries a <title> tooltip. Text from the run is escaped with
// escapeMarkup(), so the output is well-formed XML for any labels.
QString timelineSvg(const trace::Trace &trace, const TimelineSvgOptions &options = {});

// Several runs stacked in one picture on one time axis: the longest run sets the scale, so
// equal lengths mean equal durations.
QString stackedTimelineSvg(const std::vector<TimelineSection> &sections, const TimelineSvgOptions &options = {});

} // namespace coroscope::report
