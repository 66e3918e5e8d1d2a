// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeline/lane.h"
#include "timeline/timeaxis.h"

#include <QRectF>

#include <vector>

namespace coroscope::timeline {

// A run of device-pixel columns [firstColumn, endColumn) of one key (spanKey(): a state, or a
// wait's reason), counted from the left edge of the time area.
struct LaneBar {
    int firstColumn = 0;
    int endColumn = 0;
    quint8 key = 0;

    friend bool operator==(const LaneBar &, const LaneBar &) = default;
};

// A marker and its x (logical pixels from the left edge of the time area).
using PlacedMarker = std::pair<double, const Marker *>;

// A span wide enough for its text, between x0 and x1 (logical pixels, clipped to the time area).
struct LaneLabel {
    double x0 = 0;
    double x1 = 0;
    const Span *span = nullptr;
};

// Where the bars of one lane go for one visible window and width: the only place that decides
// it, so every back-end (the app's view, PNG, PDF, SVG) draws the same bars. Intervals narrower
// than a pixel are merged into one column keyed by what covers most of it, and the lane's span
// summaries stand in for dense stretches: the cost follows the pixels, not the events. A value:
// no painting device, no colours.
struct LaneLayout {
    double devicePixelRatio = 1;
    std::vector<LaneBar> bars; // left to right, neighbours differ in key
    std::vector<std::pair<double, double>> queuedLines; // x and width of "waiting for a thread"
    std::vector<LaneLabel> labels;

    // Where `bar` is on a row starting at `top`, in logical pixels.
    QRectF rect(const LaneBar &bar, double top, double height) const;

    static LaneLayout ofSpans(const Lane &lane, const TimeAxis &axis, qint64 nowNs, double devicePixelRatio,
                              double labelMinWidth);
    // The lane's markers in view (`sizePx` of slack on both sides, for their shapes). A replay
    // shows what was true at its playhead: nothing after `revealedUntilNs` (-1: no playhead),
    // so a cancellation appears at the moment it arrives, not before.
    static std::vector<PlacedMarker> ofMarkers(const Lane &lane, const TimeAxis &axis, qint64 revealedUntilNs,
                                               double sizePx);
};

} // namespace coroscope::timeline
