// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timeformat.h"

#include <cmath>
#include <cstdlib>

namespace coroscope::timeline {
namespace {

struct Unit {
    qint64 ns;
    const char16_t *name;
};

constexpr Unit units[] = {{1'000'000'000, u"s"}, {1'000'000, u"ms"}, {1'000, u"µs"}, {1, u"ns"}};

const Unit &unitFor(qint64 ns)
{
    const auto magnitude = std::llabs(ns);
    for (const auto &unit : units) {
        if (magnitude >= unit.ns)
            return unit;
    }
    return units[std::size(units) - 1];
}

QString withUnit(double value, int decimals, const Unit &unit)
{
    return QString::number(value, 'f', decimals) + QLatin1Char(' ') + QString::fromUtf16(unit.name);
}

} // namespace

QString formatDuration(qint64 ns)
{
    if (ns == 0)
        return QStringLiteral("0 ms");
    const auto magnitude = std::llabs(ns);
    if (magnitude < 1000)
        return withUnit(double(ns), 0, units[3]);
    // The unit is chosen after rounding to three digits: 999.7 µs rounds to 1000 and reads "1.00 ms".
    const Unit &unit = magnitude < 999'500 ? units[2] : magnitude < 999'500'000 ? units[1] : units[0];
    const double value = double(ns) / double(unit.ns);
    const double shown = std::abs(value);
    const int decimals = shown >= 99.95 ? 0 : shown >= 9.995 ? 1 : 2;
    return withUnit(value, decimals, unit);
}

QString formatTick(qint64 ns, qint64 stepNs)
{
    stepNs = std::max<qint64>(stepNs, 1);
    // The unit of the step, not of the value, so neighbouring ticks share one unit; a step of
    // half a unit or more counts in that unit ("1.5 s" rather than "1500 ms").
    const Unit *unit = &unitFor(stepNs);
    if (unit != &units[0] && stepNs * 2 >= (unit - 1)->ns)
        --unit;
    int decimals = 0;
    for (qint64 resolution = unit->ns; resolution > 1 && stepNs % resolution != 0; resolution /= 10)
        ++decimals;
    return withUnit(double(ns) / double(unit->ns), std::min(decimals, 3), *unit);
}

QString formatMilliseconds(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 3);
}

QString formatTimeMs(qint64 ns)
{
    return formatMilliseconds(ns) + QStringLiteral(" ms");
}

} // namespace coroscope::timeline
