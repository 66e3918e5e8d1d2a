// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"

// The colours every report draws with (SVG, PNG, PDF, HTML), as CSS hex strings, so that a
// reason looks the same in every export, and the same as in the app: its light timeline palette
// (app::TimelinePalette::light) is built from these, so what students are handed matches what
// they were shown.
namespace coroscope::report::palette {

inline constexpr char running[] = "#008a62";
inline constexpr char error[] = "#d53e00";
inline constexpr char cancelled[] = "#707070";
inline constexpr char mark[] = "#222222";
inline constexpr char counter[] = "#1f6fb5";
inline constexpr char counterFill[] = "#d2e2f0";
inline constexpr char grid[] = "#e4e4e4";
inline constexpr char text[] = "#222222";
inline constexpr char mutedText[] = "#666666";

inline const char *reason(trace::SuspendReason reason)
{
    switch (reason) {
    case trace::SuspendReason::Network: return "#338fd6";
    case trace::SuspendReason::Database: return "#c46fa6";
    case trace::SuspendReason::Timer: return "#e6a11a";
    case trace::SuspendReason::Semaphore: return "#c9b400";
    case trace::SuspendReason::ThreadPool: return "#866cc4";
    case trace::SuspendReason::ChildJoin: return "#a7b4c2";
    case trace::SuspendReason::Other: break;
    }
    return "#b8b8b8";
}

} // namespace coroscope::report::palette
