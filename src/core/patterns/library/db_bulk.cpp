// SPDX-License-Identifier: GPL-3.0-or-later
// PLACEHOLDER: being written. Replace this whole file.
#include "patterns/library.h"

namespace coroscope::patterns {
namespace {

QCoro::Task<RunOutcome> runDbBulk(const PatternContext &)
{
    co_return RunOutcome{RunStatus::Error, QStringLiteral("not written yet")};
}

} // namespace

std::unique_ptr<Pattern> makeDbBulk()
{
    PatternInfo info;
    info.id = QStringLiteral("db-bulk");
    info.title = QStringLiteral("db-bulk");
    info.category = QStringLiteral("Database");
    info.sourceFile = QStringLiteral(":/patterns/library/db_bulk.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/db_bulk.py");
    return definePattern(std::move(info), &runDbBulk);
}

} // namespace coroscope::patterns
