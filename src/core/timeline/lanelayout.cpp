// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/lanelayout.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

namespace coroscope::timeline {
namespace {

// Time covered per key within one pixel column, and which key leads. Reset touches only the
// keys that were added to: columns are many, and a fresh array per column costs more than the
// merging itself.
class ColumnVote
{
public:
    void add(int key, qint64 ns)
    {
        auto &total = m_covered[std::size_t(key)];
        total += ns;
        m_touched |= 1u << key;
        if (total > m_leadNs) {
            m_leadNs = total;
            m_lead = key;
        }
    }
    int lead() const { return m_lead; }
    void reset()
    {
        for (auto bits = m_touched; bits != 0; bits &= bits - 1)
            m_covered[std::size_t(std::countr_zero(bits))] = 0;
        m_touched = 0;
        m_lead = 0;
        m_leadNs = -1;
    }

private:
    std::array<qint64, SpanKeyCount> m_covered{};
    quint32 m_touched = 0;
    int m_lead = 0;
    qint64 m_leadNs = -1;
};

} // namespace

QRectF LaneLayout::rect(const LaneBar &bar, double top, double height) const
{
    return QRectF(bar.firstColumn / devicePixelRatio, top, (bar.endColumn - bar.firstColumn) / devicePixelRatio, height);
}

LaneLayout LaneLayout::ofSpans(const Lane &lane, const TimeAxis &axis, qint64 nowNs, double ratio, double labelMinWidth)
{
    LaneLayout layout;
    layout.devicePixelRatio = ratio;
    const auto &spans = lane.spans;
    if (spans.empty() || !axis.isValid())
        return layout;
    const auto now = nowNs;
    const int columns = std::max(1, int(std::ceil(axis.widthPx() * ratio)));
    const qint64 origin = axis.startNs();
    const double pixelsPerNs = ratio * axis.widthPx() / double(axis.durationNs());
    auto xOf = [&](qint64 t) { return double(t - origin) * pixelsPerNs; }; // device pixels

    // One key per device pixel column: spans wider than a pixel fill their columns; narrower
    // ones starting in the same column are merged into it, keyed by what covers most of it.
    constexpr quint8 empty = 0xff;
    std::vector<quint8> cells(std::size_t(columns), empty);
    auto paintColumns = [&](int from, int to, int key) {
        from = std::max(from, 0);
        to = std::min(to, columns);
        if (from < to)
            std::fill(cells.begin() + from, cells.begin() + to, quint8(key));
    };
    // A merged column's intervals can reach into the next columns, where nothing may start:
    // they are covered too (until something starting there paints over them), or a dense
    // stretch would be striped with gaps that are no pause at all.
    auto paintMerged = [&](double column, qint64 reachNs, int key) {
        paintColumns(int(column), int(column) + 1, key);
        const int through = std::min(columns - 1, int(std::floor(xOf(reachNs))));
        for (int c = int(column) + 1; c <= through; ++c) {
            if (cells[std::size_t(c)] == empty)
                cells[std::size_t(c)] = quint8(key);
        }
    };
    std::vector<const Span *> wide; // wide enough for a label

    const auto count = spans.size();
    ColumnVote vote;
    // Paints spans [from, to) that are in view.
    auto paintSpanRange = [&](std::size_t from, std::size_t to) {
        auto i = from;
        while (i < to) {
            const auto &span = spans[i];
            if (span.startNs > axis.endNs())
                break;
            const double xs = xOf(span.startNs);
            const double xe = xOf(span.end(now));
            if (xe - xs >= 1.0) {
                if (span.state == SpanState::Queued)
                    layout.queuedLines.push_back({xs / ratio, (xe - xs) / ratio});
                else
                    paintColumns(int(std::lround(xs)), int(std::lround(xe)), spanKey(span));
                if ((xe - xs) / ratio >= labelMinWidth)
                    wide.push_back(&span);
                ++i;
                continue;
            }
            // Narrow spans from here to the column's right edge, in one pass over them.
            const double column = std::floor(xs);
            const qint64 columnEnd = origin + qint64((column + 1) / pixelsPerNs);
            const qint64 nextColumnEnd = origin + qint64((column + 2) / pixelsPerNs);
            vote.reset();
            auto j = i;
            qint64 reachNs = 0;
            while (j < to) {
                const auto &next = spans[j];
                if (next.startNs >= columnEnd)
                    break;
                const qint64 end = next.end(now);
                if (j != i && end > nextColumnEnd)
                    break; // a wide span begins here; it paints itself
                vote.add(spanKey(next), std::max<qint64>(1, end - next.startNs));
                reachNs = std::max(reachNs, end);
                ++j;
            }
            const int dominant = vote.lead();
            if (dominant == int(SpanState::Queued))
                layout.queuedLines.push_back({column / ratio, 1 / ratio});
            else
                paintMerged(column, reachNs, dominant);
            i = std::max(j, i + 1);
        }
    };

    // Where several spans share each pixel, the model's summaries of 8, 64 or 512 spans stand in
    // for them: the cost follows the pixels, not the spans. Summaries wider than two pixels
    // (a long wait among short ones) are painted span by span, and so are the newest spans,
    // which no summary covers yet.
    const auto first = firstSpanEndingAfter(spans, axis.startNs(), now);
    const auto beyond = std::size_t(std::partition_point(spans.begin() + qsizetype(first), spans.end(),
                                                         [&](const Span &span) { return span.startNs <= axis.endNs(); })
                                    - spans.begin());
    const double perPixel = double(beyond - first) / double(columns);
    int level = -1;
    for (int l = spanBlockLevels - 1; l >= 0 && level < 0; --l) {
        if (double(spanBlockSize(l)) <= perPixel * 2 && !lane.blocks[std::size_t(l)].empty())
            level = l;
    }
    if (level < 0) {
        paintSpanRange(first, count);
    } else {
        const auto size = spanBlockSize(level);
        const auto &blocks = lane.blocks[std::size_t(level)];
        auto b = first / size;
        while (b < blocks.size() && blocks[b].startNs <= axis.endNs()) {
            const double xs = xOf(blocks[b].startNs);
            if (xOf(blocks[b].endNs) - xs >= 2.0) {
                paintSpanRange(b * size, (b + 1) * size);
                ++b;
                continue;
            }
            const double column = std::floor(xs);
            const qint64 columnEnd = origin + qint64((column + 1) / pixelsPerNs);
            vote.reset();
            qint64 reachNs = 0;
            while (b < blocks.size() && blocks[b].startNs < columnEnd
                   && xOf(blocks[b].endNs) - xOf(blocks[b].startNs) < 2.0) {
                vote.add(blocks[b].key, std::max<qint64>(1, blocks[b].coveredNs));
                reachNs = std::max(reachNs, blocks[b].endNs);
                ++b;
            }
            const int dominant = vote.lead();
            if (dominant == int(SpanState::Queued))
                layout.queuedLines.push_back({column / ratio, 1 / ratio});
            else
                paintMerged(column, reachNs, dominant);
        }
        if (b >= blocks.size())
            paintSpanRange(std::max(first, blocks.size() * size), count);
    }

    for (int c = 0; c < columns;) {
        int end = c + 1;
        while (end < columns && cells[std::size_t(end)] == cells[std::size_t(c)])
            ++end;
        if (cells[std::size_t(c)] != empty)
            layout.bars.push_back(LaneBar{c, end, cells[std::size_t(c)]});
        c = end;
    }
    const double width = axis.widthPx();
    for (const auto *span : wide) {
        const double xs = std::clamp(axis.mapTimeToX(span->startNs), -2.0, width + 2);
        const double xe = std::clamp(axis.mapTimeToX(span->end(now)), -2.0, width + 2);
        if (span->state == SpanState::Queued || xe - xs < labelMinWidth)
            continue;
        layout.labels.push_back(LaneLabel{std::max(xs, 0.0), std::min(xe, width), span});
    }
    return layout;
}

std::vector<PlacedMarker> LaneLayout::ofMarkers(const Lane &lane, const TimeAxis &axis, qint64 revealedUntilNs,
                                                double sizePx)
{
    std::vector<PlacedMarker> placed;
    if (!axis.isValid())
        return placed;
    const qint64 slackNs = axis.durationOf(sizePx);
    const qint64 lastNs = revealedUntilNs >= 0 ? std::min(revealedUntilNs, axis.endNs() + slackNs)
                                               : axis.endNs() + slackNs;
    for (const auto &marker : lane.markers) {
        if (marker.timeNs >= axis.startNs() - slackNs && marker.timeNs <= lastNs)
            placed.emplace_back(axis.mapTimeToX(marker.timeNs), &marker);
    }
    return placed;
}

} // namespace coroscope::timeline
