// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runPitfallBlocking(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makePitfallBlocking()
{
    PatternInfo info;
    info.id = QStringLiteral("pitfall-blocking");
    info.title = QStringLiteral("pitfall-blocking");
    info.category = QStringLiteral("Pitfalls");
    info.sourceFile = QStringLiteral(":/patterns/library/pitfall_blocking.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/pitfall_blocking.py");
    return definePattern(std::move(info), &runPitfallBlocking);
}

} // namespace coroscope::patterns
