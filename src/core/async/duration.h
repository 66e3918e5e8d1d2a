// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <chrono>

namespace coroscope::async {

// "250 ms", "1.5 s", "80 µs": how durations appear in labels and messages.
QString formatDuration(std::chrono::nanoseconds duration);

} // namespace coroscope::async
