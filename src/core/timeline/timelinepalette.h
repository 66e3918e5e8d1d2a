// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeline/lane.h"

#include <QBrush>
#include <QColor>
#include <QPalette>

#include <array>

namespace coroscope::timeline {

// The timeline's colours, one set for light and one for dark backgrounds, and one for a
// projector. Hues follow the Okabe-Ito set, so the states stay apart for colour-blind students;
// the projector set is darker and fully saturated on white, and hatches every kind of wait, so
// that a washed-out beamer or a student who cannot tell red from green still reads the reason.
class TimelinePalette
{
public:
    // Picks the light or dark set from the window colour of `palette`, or the projector set
    // while presentation mode has the whole app on it.
    static TimelinePalette forPalette(const QPalette &palette);
    static TimelinePalette light();
    static TimelinePalette dark();
    static TimelinePalette projector();
    // Presentation mode switches every view at once, as a theme does.
    static void useProjector(bool on);
    static bool isProjectorInUse();

    bool isProjector() const { return m_hatched; }
    // Drawn over a wait's fill: a pattern of its own per reason, or no brush outside the
    // projector set.
    QBrush hatch(trace::SuspendReason reason) const;

    bool isDark() const { return m_dark; }
    QColor running() const { return m_running; }
    QColor suspended(trace::SuspendReason reason) const { return m_reasons[std::size_t(reason)]; }
    QColor queued() const { return m_queued; }
    QColor cancelled() const { return m_cancelled; }
    QColor failed() const { return m_failed; }
    QColor spanColor(const Span &span) const;
    // A text colour readable on `fill`.
    static QColor textOn(const QColor &fill);

    QColor text() const { return m_text; }
    QColor mutedText() const { return m_mutedText; }
    QColor counter() const { return m_counter; }
    QColor lagHealthy() const { return m_lagHealthy; }
    QColor lagWarning() const { return m_lagWarning; }
    QColor lagBlocked() const { return m_failed; }
    QColor arrow() const { return m_arrow; }
    QColor playhead() const { return m_playhead; }
    QColor grid() const { return m_grid; }
    QColor groupBackground() const { return m_groupBackground; }
    QColor selection() const { return m_selection; }

private:
    bool m_dark = false;
    bool m_hatched = false;
    QColor m_running;
    std::array<QColor, trace::SuspendReasonCount> m_reasons;
    QColor m_queued;
    QColor m_cancelled;
    QColor m_failed;
    QColor m_text;
    QColor m_mutedText;
    QColor m_counter;
    QColor m_lagHealthy;
    QColor m_lagWarning;
    QColor m_arrow;
    QColor m_playhead;
    QColor m_grid;
    QColor m_groupBackground;
    QColor m_selection;
};

// Human names for the legend and tooltips: "waiting on the network".
QString reasonTitle(trace::SuspendReason reason);

} // namespace coroscope::timeline
