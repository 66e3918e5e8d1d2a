// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/patterninfo.h"

#include <QString>

namespace coroscope::app {

// The "About this pattern" text as rich text for a QTextBrowser: title, summary, explanation,
// what to look for, where it is in the Python guide, and how to run it from the command line.
// Every text from the data file is escaped.
QString patternAboutHtml(const patterns::PatternInfo &info);

} // namespace coroscope::app
