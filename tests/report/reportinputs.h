// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Report inputs for the report tests: the same hostile strings everywhere a run can put text.

#include "report/reportinput.h"
#include "sampletrace.h"

namespace coroscope::testing {

inline report::ReportInput sampleInput(const trace::Trace &trace)
{
    report::ReportInput input;
    input.title = QStringLiteral("gather <script>alert(1)</script> \"demo\"");
    input.patternId = QStringLiteral("gather");
    input.explanation = QStringLiteral("First paragraph <b>not bold</b>.\nSecond line.\n\nSecond paragraph & more.");
    input.whatToLookFor = QStringLiteral("The bars overlap; 'orders' fails.");
    input.parameters = {{QStringLiteral("tasks"), 3},
                        {QStringLiteral("label<i>"), QStringLiteral("\"><img src=x onerror=alert(2)>")}};
    input.code = QStringLiteral(
        "auto x = a < b && c > d;\n// \"quoted\" </pre><script>alert(3)</script>\nco_return x;\n");
    input.pythonCode = QStringLiteral("async def main():\n    await asyncio.sleep(0)\n");
    input.status = QStringLiteral("error: orders down <b>");
    input.startedAt = QDateTime(QDate(2025, 1, 2), QTime(3, 4, 5), Qt::UTC);
    input.trace = &trace;
    return input;
}

} // namespace coroscope::testing
