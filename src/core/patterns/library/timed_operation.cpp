// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runTimedOperation(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makeTimedOperation()
{
    PatternInfo info;
    info.id = QStringLiteral("timed-operation");
    info.title = QStringLiteral("timed-operation");
    info.category = QStringLiteral("Context managers");
    info.sourceFile = QStringLiteral(":/patterns/library/timed_operation.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/timed_operation.py");
    return definePattern(std::move(info), &runTimedOperation);
}

} // namespace coroscope::patterns
