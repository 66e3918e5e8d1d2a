// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runRetry(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makeRetry()
{
    PatternInfo info;
    info.id = QStringLiteral("retry");
    info.title = QStringLiteral("retry");
    info.category = QStringLiteral("HTTP");
    info.sourceFile = QStringLiteral(":/patterns/library/retry.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/retry.py");
    return definePattern(std::move(info), &runRetry);
}

} // namespace coroscope::patterns
