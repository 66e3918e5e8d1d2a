// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runBackgroundTask(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makeBackgroundTask()
{
    PatternInfo info;
    info.id = QStringLiteral("background-task");
    info.title = QStringLiteral("background-task");
    info.category = QStringLiteral("Background work");
    info.sourceFile = QStringLiteral(":/patterns/library/background_task.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/background_task.py");
    return definePattern(std::move(info), &runBackgroundTask);
}

} // namespace coroscope::patterns
