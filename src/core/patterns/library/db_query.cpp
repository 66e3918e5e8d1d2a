// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runDbQuery(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makeDbQuery()
{
    PatternInfo info;
    info.id = QStringLiteral("db-query");
    info.title = QStringLiteral("db-query");
    info.category = QStringLiteral("Database");
    info.sourceFile = QStringLiteral(":/patterns/library/db_query.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/db_query.py");
    return definePattern(std::move(info), &runDbQuery);
}

} // namespace coroscope::patterns
