// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/lanepainter.h"

#include "app/timeformat.h"
#include "app/timelinemodel.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>

namespace coroscope::app {
namespace {

thread_local qsizetype t_drawCount = 0;

// Neighbouring rectangles of one colour become one fillRect: a dense stretch of merged pixel
// columns costs one call, not hundreds.
class FillBatcher
{
public:
    explicit FillBatcher(QPainter &painter)
        : m_painter(painter)
    {
    }
    ~FillBatcher() { flush(); }

    void add(const QRectF &rect, const QColor &color)
    {
        if (m_active && color == m_color && rect.top() == m_rect.top() && rect.height() == m_rect.height()
            && rect.left() <= m_rect.right() + 0.5) {
            m_rect.setRight(std::max(m_rect.right(), rect.right()));
            return;
        }
        flush();
        m_rect = rect;
        m_color = color;
        m_active = true;
    }

    void flush()
    {
        if (!m_active)
            return;
        m_painter.fillRect(m_rect, m_color);
        ++t_drawCount;
        m_active = false;
    }

private:
    QPainter &m_painter;
    QRectF m_rect;
    QColor m_color;
    bool m_active = false;
};

// State and reason folded into one small key, to find what dominates a merged pixel column.
constexpr int keyCount = SpanStateCount + trace::SuspendReasonCount;

int keyOf(const Span &span)
{
    return span.state == SpanState::Suspended ? SpanStateCount + int(span.reason) : int(span.state);
}

QColor colorOfKey(int key, const TimelinePalette &palette)
{
    Span probe;
    if (key >= SpanStateCount) {
        probe.state = SpanState::Suspended;
        probe.reason = trace::SuspendReason(key - SpanStateCount);
    } else {
        probe.state = SpanState(key);
    }
    return palette.spanColor(probe);
}

QString spanText(const Span &span, const Lane &lane, const LaneFrame &frame)
{
    const auto *trace = frame.model ? frame.model->trace() : nullptr;
    if (lane.kind == LaneKind::Thread) {
        const auto *task = frame.model ? frame.model->taskLane(span.task) : nullptr;
        return task ? task->title : QString();
    }
    const QString label = trace && span.label ? trace->string(span.label) : QString();
    switch (span.state) {
    case SpanState::Queued: return QStringLiteral("queued");
    case SpanState::Running: return QStringLiteral("running");
    case SpanState::Suspended: return label.isEmpty() ? reasonTitle(span.reason) : label;
    case SpanState::Cancelled: return label.isEmpty() ? QStringLiteral("cancelled") : QStringLiteral("cancelled: ") + label;
    case SpanState::Failed: return QStringLiteral("failed");
    }
    return {};
}

void drawWideSpan(QPainter &painter, FillBatcher &fills, const QRectF &bar, double xs, double xe, const Span &span,
                  const Lane &lane, const LaneFrame &frame, const QFontMetricsF &metrics)
{
    const auto color = frame.palette.spanColor(span);
    if (span.state == SpanState::Queued) {
        // Not yet running anywhere: a thin line, so it reads as "waiting for a thread".
        const double thickness = std::max(2.0, bar.height() * 0.14);
        fills.add(QRectF(xs, bar.center().y() - thickness / 2, xe - xs, thickness), color);
        return;
    }
    const QRectF rect(xs, bar.top(), xe - xs, bar.height());
    fills.add(rect, color);
    const bool hatch = span.state == SpanState::Cancelled;
    const double textRoom = rect.width() - 8;
    const bool text = textRoom >= metrics.averageCharWidth() * 5;
    if (!hatch && !text)
        return;
    fills.flush();
    if (hatch) {
        painter.fillRect(rect, QBrush(frame.palette.isDark() ? QColor(0, 0, 0, 90) : QColor(255, 255, 255, 110),
                                      Qt::BDiagPattern));
    }
    if (text) {
        const auto visible = rect.intersected(QRectF(0, rect.top(), frame.axis.widthPx(), rect.height()));
        const auto label = metrics.elidedText(spanText(span, lane, frame), Qt::ElideRight, visible.width() - 8);
        if (!label.isEmpty()) {
            painter.setPen(TimelinePalette::textOn(color));
            painter.drawText(visible.adjusted(4, 0, -4, 0), Qt::AlignVCenter | Qt::AlignLeft, label);
        }
    }
}

} // namespace

qsizetype LanePainter::lastDrawCount()
{
    return t_drawCount;
}

void LanePainter::paint(QPainter &painter, const QRectF &rect, const Lane &lane, const LaneFrame &frame)
{
    t_drawCount = 0;
    if (!frame.axis.isValid() || rect.isEmpty())
        return;
    painter.save();
    painter.setClipRect(rect, Qt::IntersectClip);
    painter.translate(rect.left(), 0);
    const QRectF local(0, rect.top(), rect.width(), rect.height());
    painter.setFont(frame.font);
    if (lane.kind == LaneKind::Group)
        painter.fillRect(local, frame.palette.groupBackground());
    if (lane.kind == LaneKind::Task && frame.selectedTask != 0 && lane.task == frame.selectedTask)
        painter.fillRect(local, frame.palette.selection());
    paintGrid(painter, local, frame);

    const double pad = std::max(2.0, std::round(rect.height() * 0.14));
    const QRectF inner = local.adjusted(0, pad, 0, -pad);
    switch (lane.kind) {
    case LaneKind::Task:
    case LaneKind::Thread:
        paintSpans(painter, inner, lane, frame);
        paintMarkers(painter, inner, lane, frame);
        break;
    case LaneKind::Counter:
        paintCounter(painter, inner, lane, frame);
        break;
    case LaneKind::EventLoop:
        paintLoopLag(painter, inner, lane, frame);
        paintMarkers(painter, inner, lane, frame);
        break;
    case LaneKind::Group:
        break;
    }
    painter.restore();
}

void LanePainter::paintGrid(QPainter &painter, const QRectF &rect, const LaneFrame &frame)
{
    if (frame.gridX.empty())
        return;
    painter.setPen(QPen(frame.palette.grid(), 0));
    for (const double x : frame.gridX)
        painter.drawLine(QPointF(std::round(x) + 0.5, rect.top()), QPointF(std::round(x) + 0.5, rect.bottom()));
}

void LanePainter::paintSpans(QPainter &painter, const QRectF &bar, const Lane &lane, const LaneFrame &frame)
{
    const auto &spans = lane.spans;
    const auto &axis = frame.axis;
    const auto now = frame.nowNs;
    const double width = axis.widthPx();
    const QFontMetricsF metrics(frame.font);
    FillBatcher fills(painter);
    auto clampX = [width](double x) { return std::clamp(x, -2.0, width + 2.0); };

    auto i = firstSpanEndingAfter(spans, axis.startNs(), now);
    const auto count = spans.size();
    while (i < count) {
        const auto &span = spans[i];
        if (span.startNs > axis.endNs())
            break;
        const double xs = axis.mapTimeToX(span.startNs);
        const double xe = axis.mapTimeToX(span.end(now));
        if (xe - xs >= 1.0) {
            drawWideSpan(painter, fills, bar, clampX(xs), clampX(xe), span, lane, frame, metrics);
            ++i;
            continue;
        }
        // Narrow spans starting in this pixel column become one column, coloured by whatever
        // covers most of it. After a handful, the rest of the column is skipped by binary search.
        const double column = std::floor(xs);
        const qint64 columnEnd = axis.mapXToTime(column + 1);
        std::array<qint64, keyCount> covered{};
        auto j = i;
        int merged = 0;
        while (j < count && spans[j].startNs < columnEnd && merged < 16) {
            const auto &next = spans[j];
            if (j != i && axis.mapTimeToX(next.end(now)) - column > 1.0)
                break; // a wide span begins here; it draws itself
            covered[std::size_t(keyOf(next))] += std::max<qint64>(1, next.end(now) - next.startNs);
            ++merged;
            ++j;
        }
        if (merged == 16)
            j = std::max(j, firstSpanEndingAfter(spans, columnEnd, now));
        const auto dominant = int(std::max_element(covered.begin(), covered.end()) - covered.begin());
        const auto color = colorOfKey(dominant, frame.palette);
        if (dominant == int(SpanState::Queued)) {
            const double thickness = std::max(2.0, bar.height() * 0.14);
            fills.add(QRectF(column, bar.center().y() - thickness / 2, 1.0, thickness), color);
        } else {
            fills.add(QRectF(column, bar.top(), 1.0, bar.height()), color);
        }
        i = std::max(j, i + 1);
    }
}

void LanePainter::paintMarkers(QPainter &painter, const QRectF &bar, const Lane &lane, const LaneFrame &frame)
{
    if (lane.markers.empty())
        return;
    const auto &axis = frame.axis;
    const double size = std::max(6.0, bar.height() * 0.62);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const auto &marker : lane.markers) {
        if (marker.timeNs < axis.startNs() - axis.durationOf(size) || marker.timeNs > axis.endNs() + axis.durationOf(size))
            continue;
        const double x = axis.mapTimeToX(marker.timeNs);
        const double y = bar.center().y();
        switch (marker.kind) {
        case MarkerKind::Error: {
            QPainterPath diamond;
            diamond.moveTo(x, y - size / 2);
            diamond.lineTo(x + size / 2, y);
            diamond.lineTo(x, y + size / 2);
            diamond.lineTo(x - size / 2, y);
            diamond.closeSubpath();
            painter.setPen(QPen(frame.palette.isDark() ? Qt::black : Qt::white, 1.2));
            painter.setBrush(frame.palette.failed());
            painter.drawPath(diamond);
            ++t_drawCount;
            break;
        }
        case MarkerKind::Cancelled: {
            const double r = size * 0.32;
            painter.setPen(QPen(frame.palette.isDark() ? QColor(0xee, 0xee, 0xee) : QColor(0x30, 0x30, 0x30), 2.0,
                                Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(QPointF(x - r, y - r), QPointF(x + r, y + r));
            painter.drawLine(QPointF(x - r, y + r), QPointF(x + r, y - r));
            ++t_drawCount;
            break;
        }
        case MarkerKind::Mark: {
            QPainterPath flag;
            flag.moveTo(x, bar.top());
            flag.lineTo(x + size * 0.45, bar.top() + size * 0.25);
            flag.lineTo(x, bar.top() + size * 0.5);
            flag.closeSubpath();
            painter.setPen(QPen(frame.palette.arrow().darker(130), 1.0));
            painter.drawLine(QPointF(x, bar.top()), QPointF(x, bar.bottom()));
            painter.setBrush(frame.palette.playhead());
            painter.drawPath(flag);
            ++t_drawCount;
            break;
        }
        case MarkerKind::Started:
        case MarkerKind::Finished:
            break; // the bar's own ends show these
        }
    }
    painter.restore();
}

void LanePainter::paintCounter(QPainter &painter, const QRectF &area, const Lane &lane, const LaneFrame &frame)
{
    const auto &points = lane.points;
    if (points.empty())
        return;
    const auto &axis = frame.axis;
    const double width = axis.widthPx();
    const double top = area.top() + std::round(area.height() * 0.12);
    const double bottom = area.bottom();
    const double scale = lane.maxValue > 0 ? lane.maxValue : 1.0;
    auto yOf = [&](double value) { return bottom - (bottom - top) * std::clamp(value / scale, 0.0, 1.0); };

    // The step line with pixel columns folded: inside a column only the lowest and highest values
    // survive, which is exactly what a column can show.
    QPolygonF line;
    auto at = pointAtOrBefore(points, axis.startNs());
    double value = at >= 0 ? points[std::size_t(at)].value : 0.0;
    double x = at >= 0 ? std::max(-1.0, axis.mapTimeToX(points[std::size_t(at)].timeNs)) : axis.mapTimeToX(points.front().timeNs);
    line << QPointF(x, yOf(value));
    auto i = std::size_t(at + 1);
    while (i < points.size() && points[i].timeNs <= axis.endNs()) {
        const double px = axis.mapTimeToX(points[i].timeNs);
        if (px - x < 1.0) {
            double low = points[i].value;
            double high = low;
            const qint64 columnEnd = axis.mapXToTime(std::floor(px) + 1);
            while (i + 1 < points.size() && points[i + 1].timeNs < columnEnd) {
                ++i;
                low = std::min(low, points[i].value);
                high = std::max(high, points[i].value);
            }
            line << QPointF(px, yOf(value)) << QPointF(px, yOf(high)) << QPointF(px, yOf(low));
            value = points[i].value;
            line << QPointF(px, yOf(value));
            x = px;
        } else {
            line << QPointF(px, yOf(value));
            value = points[i].value;
            line << QPointF(px, yOf(value));
            x = px;
        }
        ++i;
    }
    const double endX = std::min(width + 1, axis.mapTimeToX(frame.nowNs));
    if (endX > x)
        line << QPointF(endX, yOf(value));

    QPolygonF fill = line;
    fill << QPointF(fill.last().x(), bottom) << QPointF(fill.first().x(), bottom);
    auto color = frame.palette.counter();
    auto translucent = color;
    translucent.setAlpha(70);
    painter.setPen(Qt::NoPen);
    painter.setBrush(translucent);
    painter.drawPolygon(fill);
    painter.setPen(QPen(color, 1.5));
    painter.setBrush(Qt::NoBrush);
    painter.drawPolyline(line);
    t_drawCount += 2;

    painter.setPen(frame.palette.isDark() ? QColor(0xcc, 0xcc, 0xcc) : QColor(0x44, 0x44, 0x44));
    painter.drawText(QRectF(4, area.top() - 2, width, area.height()), Qt::AlignLeft | Qt::AlignTop,
                     QStringLiteral("peak %1").arg(lane.maxValue));
}

void LanePainter::paintLoopLag(QPainter &painter, const QRectF &area, const Lane &lane, const LaneFrame &frame)
{
    const auto &points = lane.points;
    const auto &axis = frame.axis;
    const double width = axis.widthPx();
    const double bottom = area.bottom();
    // Healthy lag stays near the floor and the blocked threshold sits below the lane's label.
    const double scale = std::max(lane.maxValue, blockedLagMs * 1.6);

    // The heartbeat's baseline: a live loop is a calm line.
    if (!points.empty()) {
        const double from = std::max(0.0, axis.mapTimeToX(points.front().timeNs));
        const double to = std::min(width, axis.mapTimeToX(frame.nowNs));
        if (to > from)
            painter.fillRect(QRectF(from, bottom - 1.5, to - from, 1.5), frame.palette.lagHealthy());
    }
    // The blocked threshold, so "how bad" reads without a scale.
    const double thresholdY = bottom - area.height() * blockedLagMs / scale;
    painter.setPen(QPen(frame.palette.lagBlocked(), 0, Qt::DashLine));
    painter.drawLine(QPointF(0, thresholdY), QPointF(width, thresholdY));

    auto colorOf = [&](double lag) {
        return lag >= blockedLagMs ? frame.palette.lagBlocked()
               : lag >= warningLagMs ? frame.palette.lagWarning()
                                     : frame.palette.lagHealthy();
    };
    auto heightOf = [&](double lag) { return std::max(1.5, area.height() * std::min(1.0, lag / scale)); };

    FillBatcher fills(painter);
    // A beat reporting `lag` ms arrived that late: the loop was busy for the lag before it.
    auto first = std::partition_point(points.begin(), points.end(),
                                      [&](const CounterPoint &p) { return p.timeNs < axis.startNs(); });
    struct Label {
        QRectF rect;
        double lag;
    };
    std::vector<Label> labels;
    double columnX = -1e9;
    double columnMax = 0;
    auto flushColumn = [&] {
        if (columnMax > 0.2)
            fills.add(QRectF(columnX, bottom - heightOf(columnMax), 1.0, heightOf(columnMax)), colorOf(columnMax));
        columnMax = 0;
    };
    for (auto it = first; it != points.end(); ++it) {
        const double lag = it->value;
        const qint64 beganNs = it->timeNs - qint64(lag * 1e6);
        if (beganNs > axis.endNs())
            break;
        if (lag <= 0.2)
            continue;
        const double xs = axis.mapTimeToX(beganNs);
        const double xe = axis.mapTimeToX(it->timeNs);
        if (xe - xs >= 1.0) {
            const QRectF bar(std::max(-2.0, xs), bottom - heightOf(lag), std::min(width + 2, xe) - std::max(-2.0, xs),
                             heightOf(lag));
            fills.add(bar, colorOf(lag));
            if (lag >= blockedLagMs)
                labels.push_back({bar, lag});
            continue;
        }
        const double column = std::floor(xe);
        if (column != columnX) {
            flushColumn();
            columnX = column;
        }
        columnMax = std::max(columnMax, lag);
    }
    flushColumn();
    fills.flush();
    if (!points.empty()) {
        painter.setPen(frame.palette.isDark() ? QColor(0xcc, 0xcc, 0xcc) : QColor(0x44, 0x44, 0x44));
        painter.drawText(QRectF(4, area.top() - 2, width, area.height()), Qt::AlignLeft | Qt::AlignTop,
                         QStringLiteral("heartbeat lag, max %1").arg(formatDuration(qint64(lane.maxValue * 1e6))));
    }
    QFont bold = frame.font;
    bold.setBold(true);
    painter.setFont(bold);
    const QFontMetricsF boldMetrics(bold);
    for (const auto &label : labels) {
        const auto text = QStringLiteral("loop blocked %1").arg(formatDuration(qint64(label.lag * 1e6)));
        const auto visible = label.rect.intersected(QRectF(0, label.rect.top(), width, label.rect.height()));
        if (boldMetrics.horizontalAdvance(text) + 8 <= visible.width() && visible.height() >= boldMetrics.height()) {
            painter.setPen(TimelinePalette::textOn(frame.palette.lagBlocked()));
            painter.drawText(visible.adjusted(4, 0, -4, 0), Qt::AlignCenter, text);
        }
    }
    painter.setFont(frame.font);
}

} // namespace coroscope::app
