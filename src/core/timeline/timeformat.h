// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace coroscope::timeline {

// The one duration text of the app and of every report: "850 ns", "12.3 µs", "4.56 ms", "1.23 s",
// three significant digits in the unit the rounded value needs (999,700 ns is "1.00 ms", not
// "1000 µs"), so labels stay short on a ruler and readable from the back of a room. Zero is "0 ms".
QString formatDuration(qint64 ns);
// A time on the ruler whose ticks are `stepNs` apart: as many decimals as the step needs and no
// more, so neighbouring labels differ in their last digit ("1.25 s", "1.30 s").
QString formatTick(qint64 ns, qint64 stepNs);
// Milliseconds with microsecond precision, for the event log's time column: "1234.567".
QString formatMilliseconds(qint64 ns);
// A point on a run's clock, for tooltips and reports: "12.345 ms".
QString formatTimeMs(qint64 ns);

} // namespace coroscope::timeline
