// SPDX-License-Identifier: GPL-3.0-or-later
#include "trace/summary.h"

#include "trace/counters.h"
#include "trace/trace.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <vector>

namespace coroscope::trace {
namespace {

double percentile(std::vector<double> sorted, double fraction)
{
    if (sorted.empty())
        return 0;
    const auto rank = std::size_t(std::ceil(fraction * double(sorted.size()))) - 1;
    return sorted[std::min(rank, sorted.size() - 1)];
}

} // namespace

QString Summary::toText() const
{
    return QStringLiteral("wall %1 ms, %2 tasks, peak concurrency %3, %4 errors, %5 cancelled, loop lag max %6 ms")
        .arg(double(wallNs) / 1e6, 0, 'f', 1)
        .arg(tasks)
        .arg(peakConcurrency)
        .arg(errors)
        .arg(cancellations)
        .arg(loopLagMaxMs, 0, 'f', 1);
}

Summary summarize(const Trace &trace)
{
    Summary summary;
    summary.wallNs = trace.durationNs();
    summary.tasks = int(trace.tasks().size());

    struct Suspension {
        qint64 sinceNs;
        std::size_t reason;
    };
    QHash<TaskId, Suspension> suspended;
    auto addSuspended = [&](const Suspension &suspension, qint64 untilNs) {
        summary.suspendedNsByReason[suspension.reason] += untilNs - suspension.sinceNs;
    };
    std::vector<double> lags;
    StringId lagName = 0;
    for (const auto name : trace.counterNames()) {
        if (trace.string(name) == counters::loopLagMs())
            lagName = name;
    }
    int running = 0;
    for (const auto &event : trace.events()) {
        const auto *info = trace.task(event.task);
        const bool isRoot = info && info->parent == 0;
        switch (event.kind) {
        case EventKind::Started:
            if (!isRoot)
                summary.peakConcurrency = std::max(summary.peakConcurrency, ++running);
            break;
        case EventKind::Finished:
            if (!isRoot)
                --running;
            if (event.status() == FinishStatus::Error)
                ++summary.errors;
            else if (event.status() == FinishStatus::Cancelled)
                ++summary.cancellations;
            break;
        case EventKind::Suspended:
            suspended.insert(event.task, {event.timeNs, std::min<std::size_t>(event.detail, SuspendReasonCount - 1)});
            break;
        case EventKind::Resumed:
            if (const auto it = suspended.constFind(event.task); it != suspended.cend()) {
                addSuspended(*it, event.timeNs);
                suspended.erase(it);
            }
            break;
        case EventKind::Counter:
            if (lagName != 0 && event.label == lagName)
                lags.push_back(event.value);
            break;
        default: break;
        }
    }
    // A suspension never resumed (the run was stopped) counts up to the end of the trace.
    for (const auto &suspension : std::as_const(suspended))
        addSuspended(suspension, trace.endNs());
    std::sort(lags.begin(), lags.end());
    summary.loopLagMaxMs = lags.empty() ? 0 : lags.back();
    summary.loopLagP50Ms = percentile(lags, 0.50);
    summary.loopLagP99Ms = percentile(lags, 0.99);
    return summary;
}

} // namespace coroscope::trace
