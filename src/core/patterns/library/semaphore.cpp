// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runSemaphore(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makeSemaphore()
{
    PatternInfo info;
    info.id = QStringLiteral("semaphore");
    info.title = QStringLiteral("semaphore");
    info.category = QStringLiteral("Concurrency");
    info.sourceFile = QStringLiteral(":/patterns/library/semaphore.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/semaphore.py");
    return definePattern(std::move(info), &runSemaphore);
}

} // namespace coroscope::patterns
