// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>

namespace coroscope::timeline {

// The frame around the lanes of an exported timeline, one for both of its back-ends (the QPainter
// picture and the SVG): where the time area starts and how wide it is in a picture `width` wide,
// and the rows around the lanes. Lane names get about a fifth of the width, within bounds.
struct PageGeometry {
    static constexpr double TitleHeight = 30;
    static constexpr double HeadingHeight = 24;
    static constexpr double RulerHeight = 24;
    static constexpr double SectionGap = 16;
    static constexpr double Margin = 10;

    explicit PageGeometry(double pictureWidth)
        : width(std::max(pictureWidth, 320.0))
        , labelWidth(std::clamp(width * 0.22, 130.0, 280.0))
        , plotX(labelWidth + Margin)
        , plotWidth(std::max(40.0, width - plotX - 14))
    {
    }

    double width;
    double labelWidth;
    double plotX;
    double plotWidth;
};

} // namespace coroscope::timeline
