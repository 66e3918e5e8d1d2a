// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runExecutor(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makeExecutor()
{
    PatternInfo info;
    info.id = QStringLiteral("executor");
    info.title = QStringLiteral("executor");
    info.category = QStringLiteral("Background work");
    info.sourceFile = QStringLiteral(":/patterns/library/executor.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/executor.py");
    return definePattern(std::move(info), &runExecutor);
}

} // namespace coroscope::patterns
