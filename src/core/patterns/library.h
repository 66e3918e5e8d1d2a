// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/pattern.h"

#include <memory>

namespace coroscope::patterns {

// A pattern made of its description and one coroutine: what every file in library/ defines.
using PatternBody = QCoro::Task<RunOutcome> (*)(const PatternContext &);
std::unique_ptr<Pattern> definePattern(PatternInfo info, PatternBody body);

// One factory per file in library/, in teaching order.
std::unique_ptr<Pattern> makeSequential();

} // namespace coroscope::patterns
