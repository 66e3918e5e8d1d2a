// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runDbStream(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makeDbStream()
{
    PatternInfo info;
    info.id = QStringLiteral("db-stream");
    info.title = QStringLiteral("db-stream");
    info.category = QStringLiteral("Database");
    info.sourceFile = QStringLiteral(":/patterns/library/db_stream.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/db_stream.py");
    return definePattern(std::move(info), &runDbStream);
}

} // namespace coroscope::patterns
