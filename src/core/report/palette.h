// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"

// The colours every report draws with (SVG, PNG, PDF, HTML), as CSS hex strings, so that a
// reason looks the same in every export. Chosen to stay apart for common colour blindness.
namespace coroscope::report::palette {

inline constexpr char running[] = "#4e79a7";
inline constexpr char error[] = "#d62728";
inline constexpr char cancelled[] = "#444444";
inline constexpr char mark[] = "#222222";
inline constexpr char counter[] = "#2f6f8f";
inline constexpr char counterFill[] = "#d5e6ef";
inline constexpr char grid[] = "#e4e4e4";
inline constexpr char text[] = "#222222";
inline constexpr char mutedText[] = "#666666";

inline const char *reason(trace::SuspendReason reason)
{
    switch (reason) {
    case trace::SuspendReason::Network: return "#f28e2b";
    case trace::SuspendReason::Database: return "#59a14f";
    case trace::SuspendReason::Timer: return "#b07aa1";
    case trace::SuspendReason::Semaphore: return "#edc948";
    case trace::SuspendReason::ThreadPool: return "#76b7b2";
    case trace::SuspendReason::ChildJoin: return "#bab0ac";
    case trace::SuspendReason::Other: break;
    }
    return "#9c755f";
}

} // namespace coroscope::report::palette
