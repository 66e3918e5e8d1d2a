// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/source/rulehighlighter.h"

namespace coroscope::app {

// C++ as the patterns are written: Qt types, std::chrono literals, and co_await standing out.
class CppHighlighter : public RuleHighlighter
{
    Q_OBJECT
public:
    explicit CppHighlighter(QTextDocument *document);
};

} // namespace coroscope::app
