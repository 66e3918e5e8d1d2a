// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runPitfallNoAwait(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makePitfallNoAwait()
{
    PatternInfo info;
    info.id = QStringLiteral("pitfall-no-await");
    info.title = QStringLiteral("pitfall-no-await");
    info.category = QStringLiteral("Pitfalls");
    info.sourceFile = QStringLiteral(":/patterns/library/pitfall_no_await.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/pitfall_no_await.py");
    return definePattern(std::move(info), &runPitfallNoAwait);
}

} // namespace coroscope::patterns
