// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/source/rulehighlighter.h"

namespace coroscope::app {

// Python for the asyncio twins of the patterns, with async and await standing out.
class PythonHighlighter : public RuleHighlighter
{
    Q_OBJECT
public:
    explicit PythonHighlighter(QTextDocument *document);
};

} // namespace coroscope::app
