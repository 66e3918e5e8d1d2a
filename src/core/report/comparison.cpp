// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/comparison.h"

#include "timeline/timeformat.h"

#include <cmath>

namespace coroscope::report {

using timeline::formatDuration;
using timeline::formatTimeMs;

using namespace coroscope::trace;

namespace {

QString signedDuration(qint64 ns)
{
    return (ns > 0   ? QStringLiteral("+")
            : ns < 0 ? QStringLiteral("−")
                     : QString())
           + formatDuration(ns < 0 ? -ns : ns);
}

ComparisonRow durationRow(const QString &metric, qint64 first, qint64 second)
{
    ComparisonRow row{metric, formatDuration(first), formatDuration(second), QString(), first != second};
    if (first > 0)
        row.change
            = QStringLiteral("×%1 (%2)").arg(double(second) / double(first), 0, 'f', 2).arg(signedDuration(second - first));
    else
        row.change = signedDuration(second - first);
    return row;
}

ComparisonRow countRow(const QString &metric, int first, int second)
{
    const int delta = second - first;
    return {metric, QString::number(first), QString::number(second),
            delta > 0   ? QStringLiteral("+%1").arg(delta)
            : delta < 0 ? QStringLiteral("−%1").arg(-delta)
                        : QStringLiteral("same"),
            delta != 0};
}

ComparisonRow millisecondsRow(const QString &metric, double first, double second)
{
    const double delta = second - first;
    return {
        metric, QStringLiteral("%1 ms").arg(first, 0, 'f', 1), QStringLiteral("%1 ms").arg(second, 0, 'f', 1),
        QStringLiteral("%1%2 ms").arg(delta >= 0 ? QStringLiteral("+") : QStringLiteral("−")).arg(std::abs(delta), 0, 'f', 1),
        std::abs(delta) >= 0.05};
}

} // namespace

std::vector<ComparisonRow> compareRuns(const Summary &first, const Summary &second)
{
    std::vector<ComparisonRow> rows;
    rows.push_back(durationRow(QStringLiteral("wall time"), first.wallNs, second.wallNs));
    rows.push_back(countRow(QStringLiteral("tasks"), first.tasks, second.tasks));
    rows.push_back(countRow(QStringLiteral("peak concurrency"), first.peakConcurrency, second.peakConcurrency));
    rows.push_back(countRow(QStringLiteral("errors"), first.errors, second.errors));
    rows.push_back(countRow(QStringLiteral("cancelled tasks"), first.cancellations, second.cancellations));
    rows.push_back(millisecondsRow(QStringLiteral("event-loop lag, max"), first.loopLagMaxMs, second.loopLagMaxMs));
    rows.push_back(millisecondsRow(QStringLiteral("event-loop lag, p99"), first.loopLagP99Ms, second.loopLagP99Ms));
    for (int i = 0; i < SuspendReasonCount; ++i) {
        const auto a = first.suspendedNsByReason[std::size_t(i)];
        const auto b = second.suspendedNsByReason[std::size_t(i)];
        if (a != 0 || b != 0)
            rows.push_back(
                durationRow(QStringLiteral("time suspended: %1").arg(QLatin1String(toString(SuspendReason(i)))), a, b));
    }
    return rows;
}

} // namespace coroscope::report
