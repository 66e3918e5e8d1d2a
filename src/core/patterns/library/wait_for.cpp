// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runWaitFor(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makeWaitFor()
{
    PatternInfo info;
    info.id = QStringLiteral("wait-for");
    info.title = QStringLiteral("wait-for");
    info.category = QStringLiteral("Timeouts");
    info.sourceFile = QStringLiteral(":/patterns/library/wait_for.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/wait_for.py");
    return definePattern(std::move(info), &runWaitFor);
}

} // namespace coroscope::patterns
