// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/parameter.h"

#include <QString>

namespace coroscope::patterns {

// What a pattern tells people about itself.
struct PatternInfo {
    QString id;       // "gather"
    QString title;    // "gather: the dashboard in parallel"
    QString category; // "Concurrency"
    QString summary;  // one sentence for lists
    QString explanation;
    QString whatToLookFor;
    QString seedSection; // the section of the Python guide it mirrors
    ParameterSpecs parameters;
    QString sourceFile; // the C++ file that runs, as a resource path (":/patterns/src/gather.cpp")
    QString pythonFile; // our Python reference, as a resource path
};

} // namespace coroscope::patterns
