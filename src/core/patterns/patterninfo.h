// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/parameter.h"
#include "patterns/question.h"

#include <QString>

namespace coroscope::patterns {

// What a pattern tells people about itself: read from resources/patterns/<id>.json (patterndata.h).
struct PatternInfo {
    QString id; // "gather"
    QString title; // "gather: the dashboard in parallel"
    QString category; // "Concurrency"
    QString summary; // one sentence for lists
    QString explanation;
    QString whatToLookFor;
    QString seedSection; // the section of the Python guide it mirrors
    ParameterSpecs parameters;
    Questions questions; // for the classroom: predict, then see the answer computed from the run
    // Resource paths derived from the id: the C++ file that runs (":/patterns/library/gather.cpp") and our
    // Python reference (empty when the pattern has none).
    QString sourceFile;
    QString pythonFile;
};

} // namespace coroscope::patterns
