// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/duration.h"

namespace coroscope::async {

QString formatDuration(std::chrono::nanoseconds duration)
{
    const double ns = double(duration.count());
    if (ns >= 1e9)
        return QStringLiteral("%1 s").arg(ns / 1e9, 0, 'g', 3);
    if (ns >= 1e6)
        return QStringLiteral("%1 ms").arg(ns / 1e6, 0, 'g', 4);
    return QStringLiteral("%1 µs").arg(ns / 1e3, 0, 'g', 3);
}

} // namespace coroscope::async
