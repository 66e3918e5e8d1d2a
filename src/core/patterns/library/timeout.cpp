// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runTimeout(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makeTimeout()
{
    PatternInfo info;
    info.id = QStringLiteral("timeout");
    info.title = QStringLiteral("timeout");
    info.category = QStringLiteral("Timeouts");
    info.sourceFile = QStringLiteral(":/patterns/library/timeout.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/timeout.py");
    return definePattern(std::move(info), &runTimeout);
}

} // namespace coroscope::patterns
