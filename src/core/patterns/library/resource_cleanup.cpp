// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runResourceCleanup(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makeResourceCleanup()
{
    PatternInfo info;
    info.id = QStringLiteral("resource-cleanup");
    info.title = QStringLiteral("resource-cleanup");
    info.category = QStringLiteral("Context managers");
    info.sourceFile = QStringLiteral(":/patterns/library/resource_cleanup.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/resource_cleanup.py");
    return definePattern(std::move(info), &runResourceCleanup);
}

} // namespace coroscope::patterns
