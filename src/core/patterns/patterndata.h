// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/patterninfo.h"

#include <QByteArray>
#include <QStringList>

class QIODevice;

namespace coroscope::patterns {

// The format of resources/patterns/<id>.json, version 1 (docs/architecture.md, "Patterns"):
//   {"format": 1, "id", "title", "category", "seed_section", "summary", "explanation",
//    "what_to_look_for": strings, "parameters": [{"name", "label", "type", "default",
//    "minimum", "maximum", "unit", "help"}], "questions": [{"id", "text", "kind", "counter", "task",
//    "during", "choices": [{"id", "text", "claim"}]}]}
// "questions" is optional: 1 to 3 questions of 2 to 6 choices; what "claim" holds depends on "kind".
inline constexpr int patternDataFormat = 1;

struct PatternData {
    PatternInfo info; // sourceFile and pythonFile are the catalog's to fill in
    QStringList errors; // every problem found, each saying where: empty when the document is valid
    bool ok() const { return errors.isEmpty(); }
};

// Reads and checks one data file. `expectedId` is what its file name says the id is.
PatternData readPatternData(const QByteArray &document, const QString &expectedId);
PatternData readPatternData(QIODevice &device, const QString &expectedId);

} // namespace coroscope::patterns
