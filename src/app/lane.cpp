// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/lane.h"

#include <algorithm>

namespace coroscope::app {

const char *toString(SpanState state)
{
    switch (state) {
    case SpanState::Queued: return "queued";
    case SpanState::Running: return "running";
    case SpanState::Suspended: return "suspended";
    case SpanState::Cancelled: return "cancelled";
    case SpanState::Failed: return "failed";
    }
    return "running";
}

std::size_t firstSpanEndingAfter(const std::vector<Span> &spans, qint64 timeNs, qint64 nowNs)
{
    const auto it = std::partition_point(spans.begin(), spans.end(),
                                         [&](const Span &span) { return span.end(nowNs) <= timeNs; });
    return std::size_t(it - spans.begin());
}

const Span *spanAt(const std::vector<Span> &spans, qint64 timeNs, qint64 nowNs)
{
    const auto index = firstSpanEndingAfter(spans, timeNs, nowNs);
    if (index == spans.size())
        return nullptr;
    const auto &span = spans[index];
    return span.startNs <= timeNs ? &span : nullptr;
}

qsizetype pointAtOrBefore(const std::vector<CounterPoint> &points, qint64 timeNs)
{
    const auto it = std::partition_point(points.begin(), points.end(),
                                         [&](const CounterPoint &point) { return point.timeNs <= timeNs; });
    return qsizetype(it - points.begin()) - 1;
}

} // namespace coroscope::app
