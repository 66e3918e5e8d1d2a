// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace coroscope::report {

// "850 ns", "12.3 µs", "4.56 ms", "1.23 s": three significant digits in the best unit.
QString formatDuration(qint64 ns);
// A point on a run's clock in milliseconds with microsecond precision: "12.345 ms".
QString formatTimeMs(qint64 ns);

} // namespace coroscope::report
