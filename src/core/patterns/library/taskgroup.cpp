// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runTaskGroup(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makeTaskGroup()
{
    PatternInfo info;
    info.id = QStringLiteral("taskgroup");
    info.title = QStringLiteral("taskgroup");
    info.category = QStringLiteral("Concurrency");
    info.sourceFile = QStringLiteral(":/patterns/library/taskgroup.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/taskgroup.py");
    return definePattern(std::move(info), &runTaskGroup);
}

} // namespace coroscope::patterns
