// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/pattern.h"

#include <span>

namespace coroscope::patterns {

// The coroutine a file in library/ defines: the whole of a pattern's code.
using PatternBody = QCoro::Task<RunOutcome> (*)(const PatternContext &);

// Ties a pattern's id, the name of its data file, to its body.
struct PatternBinding {
    const char *id;
    PatternBody body;
};

// Every pattern with code, in teaching order (library.cpp).
std::span<const PatternBinding> libraryBindings();

} // namespace coroscope::patterns
