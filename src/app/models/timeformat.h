// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

namespace coroscope::app {

// "120 ms", "1.25 s", "850 µs": the unit follows the size, with three significant digits,
// so labels stay short on a ruler and readable from the back of a room.
QString formatDuration(qint64 ns);
// A time on the ruler whose ticks are `stepNs` apart: as many decimals as the step needs and no
// more, so neighbouring labels differ in their last digit ("1.25 s", "1.30 s").
QString formatTick(qint64 ns, qint64 stepNs);
// Milliseconds with microsecond precision, for the event log's time column: "1234.567".
QString formatMilliseconds(qint64 ns);

} // namespace coroscope::app
