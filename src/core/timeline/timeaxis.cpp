// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timeaxis.h"

#include <cmath>
#include <limits>

namespace coroscope::timeline {

TimeAxis::TimeAxis(qint64 startNs, qint64 endNs, double widthPx)
    : m_startNs(startNs)
    , m_endNs(endNs)
    , m_widthPx(widthPx)
{
}

double TimeAxis::mapTimeToX(qint64 timeNs) const
{
    if (!isValid())
        return 0;
    // Subtract in integers first: at nanosecond resolution a double loses exactness after 2^53,
    // but the offset into a visible window is always small.
    return double(timeNs - m_startNs) * m_widthPx / double(durationNs());
}

qint64 TimeAxis::mapXToTime(double x) const
{
    if (!isValid())
        return m_startNs;
    return m_startNs + qint64(std::llround(x * double(durationNs()) / m_widthPx));
}

qint64 TimeAxis::durationOf(double pixels) const
{
    if (!isValid())
        return 0;
    return qint64(std::llround(pixels * nsPerPixel()));
}

qint64 TimeAxis::niceStep(double ns)
{
    if (!(ns > 1))
        return 1;
    auto power = qint64(1);
    while (double(power) * 10 <= ns && power < std::numeric_limits<qint64>::max() / 100)
        power *= 10;
    for (const qint64 factor : {1, 2, 5, 10}) {
        if (double(power * factor) >= ns)
            return power * factor;
    }
    return power * 10;
}

std::vector<TimeAxis::Tick> TimeAxis::ticks(double minLabelSpacingPx, qint64 *majorStepNs) const
{
    std::vector<Tick> result;
    if (!isValid() || minLabelSpacingPx <= 0)
        return result;
    const qint64 major = niceStep(minLabelSpacingPx * nsPerPixel());
    // Five minor ticks per 1- or 5-step, four per 2-step, so minor ticks land on round numbers.
    qint64 digit = major;
    while (digit >= 10 && digit % 10 == 0)
        digit /= 10;
    const qint64 minor = std::max<qint64>(1, major / (digit == 2 ? 4 : 5));
    if (majorStepNs)
        *majorStepNs = major;
    qint64 first = (m_startNs / minor) * minor;
    if (first < m_startNs)
        first += minor;
    for (qint64 t = first; t <= m_endNs; t += minor)
        result.push_back(Tick{t, mapTimeToX(t), t % major == 0});
    return result;
}

} // namespace coroscope::timeline
