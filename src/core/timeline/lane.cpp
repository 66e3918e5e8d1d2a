// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/lane.h"

#include <algorithm>

namespace coroscope::timeline {

const char *toString(SpanState state)
{
    switch (state) {
    case SpanState::Queued: return "queued";
    case SpanState::Running: return "running";
    case SpanState::Suspended: return "suspended";
    case SpanState::Failed: return "failed";
    }
    return "running";
}

void summariseSpans(Lane &lane)
{
    const auto &spans = lane.spans;
    for (int level = 0; level < spanBlockLevels; ++level) {
        const auto size = spanBlockSize(level);
        auto &blocks = lane.blocks[std::size_t(level)];
        blocks.resize(std::min(blocks.size(), lane.blocksValidBelow / size));
        for (auto b = blocks.size(); (b + 1) * size <= spans.size(); ++b) {
            const auto first = b * size;
            const auto last = first + size - 1;
            if (spans[last].isOpen())
                break;
            std::array<qint64, SpanKeyCount> covered{};
            if (level == 0) {
                for (auto i = first; i <= last; ++i)
                    covered[std::size_t(spanKey(spans[i]))] += std::max<qint64>(1, spans[i].endNs - spans[i].startNs);
            } else {
                // From the level below: eight blocks, each weighed by what its key covered.
                const auto &below = lane.blocks[std::size_t(level - 1)];
                for (auto k = b * 8; k < b * 8 + 8; ++k)
                    covered[below[k].key] += below[k].coveredNs;
            }
            const auto dominant = std::max_element(covered.begin(), covered.end());
            blocks.push_back(
                SpanBlock{spans[first].startNs, spans[last].endNs, *dominant, quint8(dominant - covered.begin())});
        }
    }
    lane.blocksValidBelow = spans.size();
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

} // namespace coroscope::timeline
