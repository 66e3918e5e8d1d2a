// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runPitfallLeak(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makePitfallLeak()
{
    PatternInfo info;
    info.id = QStringLiteral("pitfall-leak");
    info.title = QStringLiteral("pitfall-leak");
    info.category = QStringLiteral("Pitfalls");
    info.sourceFile = QStringLiteral(":/patterns/library/pitfall_leak.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/pitfall_leak.py");
    return definePattern(std::move(info), &runPitfallLeak);
}

} // namespace coroscope::patterns
