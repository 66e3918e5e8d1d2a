// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/summary.h"

#include <QString>

#include <vector>

namespace coroscope::report {

// One line of "what changed between two runs": the metric, both values and the change
// from the first to the second ("×0.25 (−300 ms)", "+4").
struct ComparisonRow {
    QString metric;
    QString first;
    QString second;
    QString change;
    bool differs = false;
};

// Wall time and its ratio, tasks, peak concurrency, errors, cancellations, loop lag, and the
// time spent suspended for each reason that occurs in either run.
std::vector<ComparisonRow> compareRuns(const trace::Summary &first, const trace::Summary &second);

} // namespace coroscope::report
