// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runGatherErrors(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makeGatherErrors()
{
    PatternInfo info;
    info.id = QStringLiteral("gather-errors");
    info.title = QStringLiteral("gather-errors");
    info.category = QStringLiteral("Concurrency");
    info.sourceFile = QStringLiteral(":/patterns/library/gather_errors.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/gather_errors.py");
    return definePattern(std::move(info), &runGatherErrors);
}

} // namespace coroscope::patterns
