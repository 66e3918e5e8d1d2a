// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <vector>

namespace coroscope::timeline {

// The mapping between trace time and horizontal pixels for one visible window, a value type so
// that every painter, hit test and ruler computes positions the same way (and tests can check
// them). x is relative to the left edge of the time area; fractional pixels are kept.
class TimeAxis
{
public:
    TimeAxis() = default;
    TimeAxis(qint64 startNs, qint64 endNs, double widthPx);

    bool isValid() const { return m_endNs > m_startNs && m_widthPx > 0; }
    qint64 startNs() const { return m_startNs; }
    qint64 endNs() const { return m_endNs; }
    qint64 durationNs() const { return m_endNs - m_startNs; }
    double widthPx() const { return m_widthPx; }
    double nsPerPixel() const { return double(durationNs()) / m_widthPx; }

    double mapTimeToX(qint64 timeNs) const;
    // The time under x, rounded to the nearest nanosecond.
    qint64 mapXToTime(double x) const;
    // A length on screen as a duration.
    qint64 durationOf(double pixels) const;

    struct Tick {
        qint64 timeNs;
        double x;
        bool major; // labelled
    };
    // Ruler ticks at a 1-2-5 step no closer than `minLabelSpacingPx` for labelled ticks, with
    // unlabelled minor ticks in between.
    std::vector<Tick> ticks(double minLabelSpacingPx, qint64 *majorStepNs = nullptr) const;
    // The smallest 1, 2 or 5 times a power of ten that is at least `ns`.
    static qint64 niceStep(double ns);

    friend bool operator==(const TimeAxis &, const TimeAxis &) = default;

private:
    qint64 m_startNs = 0;
    qint64 m_endNs = 0;
    double m_widthPx = 0;
};

} // namespace coroscope::timeline
