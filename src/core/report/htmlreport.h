// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportinput.h"

#include <QString>

namespace coroscope::report {

struct HtmlReportOptions {
    int timelineWidth = 1200;
    int maxTableRows = 5000; // the event table stops here (with a note); the CSV has them all
};

// One self-contained HTML file, readable offline in any browser: title, status, the pattern's
// explanation, parameters, summary, the timeline as inline SVG, the code and the event table.
// No scripts, no external resources (a Content-Security-Policy forbids both), and every
// string from the run is escaped, so labels like "<script>" show as text.
QString htmlReport(const ReportInput &input, const HtmlReportOptions &options = {});

// Two runs side by side: what differs (wall time and ratio, concurrency, time suspended by
// reason, errors, loop lag), their parameters, and both timelines stacked on one time axis.
QString comparisonHtmlReport(const ReportInput &first, const ReportInput &second, const HtmlReportOptions &options = {});

} // namespace coroscope::report
