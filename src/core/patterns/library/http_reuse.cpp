// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runHttpReuse(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makeHttpReuse()
{
    PatternInfo info;
    info.id = QStringLiteral("http-reuse");
    info.title = QStringLiteral("http-reuse");
    info.category = QStringLiteral("HTTP");
    info.sourceFile = QStringLiteral(":/patterns/library/http_reuse.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/http_reuse.py");
    return definePattern(std::move(info), &runHttpReuse);
}

} // namespace coroscope::patterns
