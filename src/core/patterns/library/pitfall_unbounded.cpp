// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runPitfallUnbounded(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makePitfallUnbounded()
{
    PatternInfo info;
    info.id = QStringLiteral("pitfall-unbounded");
    info.title = QStringLiteral("pitfall-unbounded");
    info.category = QStringLiteral("Pitfalls");
    info.sourceFile = QStringLiteral(":/patterns/library/pitfall_unbounded.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/pitfall_unbounded.py");
    return definePattern(std::move(info), &runPitfallUnbounded);
}

} // namespace coroscope::patterns
