// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/timeformat.h"

#include <cmath>
#include <cstdlib>

namespace coroscope::report {
namespace {

QString threeDigits(double value, const char *unit)
{
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 99.95 ? 0 : magnitude >= 9.995 ? 1 : 2;
    return QString::number(value, 'f', decimals) + QLatin1Char(' ') + QString::fromUtf8(unit);
}

} // namespace

QString formatDuration(qint64 ns)
{
    const auto magnitude = std::llabs(ns);
    if (magnitude < 1000)
        return QStringLiteral("%1 ns").arg(ns);
    if (magnitude < 999'500)
        return threeDigits(double(ns) / 1e3, "µs");
    if (magnitude < 999'500'000)
        return threeDigits(double(ns) / 1e6, "ms");
    return threeDigits(double(ns) / 1e9, "s");
}

QString formatTimeMs(qint64 ns)
{
    return QStringLiteral("%1 ms").arg(double(ns) / 1e6, 0, 'f', 3);
}

} // namespace coroscope::report
