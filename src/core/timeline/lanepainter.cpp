// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/lanepainter.h"

#include "timeline/lanelayout.h"
#include "timeline/statictextcache.h"
#include "timeline/timeformat.h"
#include "timeline/timelinemodel.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

namespace coroscope::timeline {
namespace {

thread_local qsizetype t_drawCount = 0;
thread_local LanePainter::LayoutRecorder t_layoutRecorder;
thread_local LanePainter::MarkRecorder t_markRecorder;

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

double devicePixelRatio(const QPainter &painter)
{
    return painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
}

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

// A transparent canvas of at least columns x rows, reused across lanes and frames on this thread.
QImage &scratchImage(int columns, int rows)
{
    thread_local QImage image;
    if (image.width() < columns || image.height() < rows)
        image = QImage(std::max(columns, image.width()), std::max(rows, image.height()),
                       QImage::Format_ARGB32_Premultiplied);
    for (int y = 0; y < rows; ++y)
        std::fill_n(reinterpret_cast<QRgb *>(image.scanLine(y)), columns, QRgb(0));
    return image;
}

// A lane's caption ("peak 5", "heartbeat lag, max 3 ms") in its top-left corner, on a backing so
// bars and bands behind it do not swallow it.
void drawCaption(QPainter &painter, const QRectF &area, const QString &text, const LaneFrame &frame)
{
    const QFontMetricsF metrics(frame.font);
    const QRectF box(2, area.top() - 1, metrics.horizontalAdvance(text) + 6, metrics.height());
    painter.fillRect(box, frame.palette.isDark() ? QColor(20, 22, 25, 170) : QColor(255, 255, 255, 190));
    painter.setPen(frame.palette.isDark() ? QColor(0xcc, 0xcc, 0xcc) : QColor(0x44, 0x44, 0x44));
    painter.drawText(box.adjusted(3, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
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
    case SpanState::Failed: return QStringLiteral("failed");
    }
    return {};
}

} // namespace

qsizetype LanePainter::lastDrawCount()
{
    return t_drawCount;
}

void LanePainter::setLayoutRecorder(LayoutRecorder recorder, MarkRecorder marks)
{
    t_layoutRecorder = std::move(recorder);
    t_markRecorder = std::move(marks);
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
    case LaneKind::Counter: paintCounter(painter, inner, lane, frame); break;
    case LaneKind::EventLoop:
        paintLoopLag(painter, inner, lane, frame);
        paintMarkers(painter, inner, lane, frame);
        break;
    case LaneKind::Group: break;
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
    const double textWidth = frame.labelMinWidth > 0 ? frame.labelMinWidth
                                                     : QFontMetricsF(frame.font).averageCharWidth() * 9 + 8;
    const auto layout = LaneLayout::ofSpans(lane, frame.axis, frame.nowNs, devicePixelRatio(painter), textWidth);
    if (t_layoutRecorder)
        t_layoutRecorder(lane, layout);
    paintLayout(painter, bar, lane, layout, frame);
}

void LanePainter::paintLayout(QPainter &painter, const QRectF &bar, const Lane &lane, const LaneLayout &layout,
                              const LaneFrame &frame)
{
    std::array<QRgb, SpanKeyCount> colors;
    for (int key = 0; key < SpanKeyCount; ++key)
        colors[std::size_t(key)] = qPremultiply(colorOfKey(key, frame.palette).rgba());
    const auto &bars = layout.bars;
    // Few runs of one colour: opaque fills are the cheapest thing a raster engine does. Many:
    // one row of device pixels stretched to the bar's height in a single blit beats thousands
    // of fills.
    constexpr std::size_t maxRuns = 96;
    if (!bars.empty() && bars.size() <= maxRuns) {
        for (const auto &run : bars) {
            const auto rect = layout.rect(run, bar.top(), bar.height());
            painter.fillRect(rect, QColor::fromRgba(colors[run.key]));
            if (run.key >= SpanStateCount && frame.palette.isProjector())
                painter.fillRect(rect, frame.palette.hatch(trace::SuspendReason(run.key - SpanStateCount)));
            ++t_drawCount;
        }
    } else if (!bars.empty()) {
        const int used0 = bars.front().firstColumn;
        const int used1 = bars.back().endColumn - 1;
        auto &row = scratchImage(used1 + 1, 1);
        auto *pixels = reinterpret_cast<QRgb *>(row.scanLine(0));
        bool opaque = true;
        for (std::size_t i = 0; i < bars.size(); ++i) {
            std::fill(pixels + bars[i].firstColumn, pixels + bars[i].endColumn, colors[bars[i].key]);
            opaque = opaque && (i == 0 || bars[i - 1].endColumn == bars[i].firstColumn);
        }
        // Without gaps the row is opaque: said so, the stretch is a copy rather than a blend.
        const QImage view(row.constBits(), row.width(), 1, row.bytesPerLine(),
                          opaque ? QImage::Format_RGB32 : QImage::Format_ARGB32_Premultiplied);
        const double ratio = layout.devicePixelRatio;
        painter.drawImage(QRectF(used0 / ratio, bar.top(), (used1 - used0 + 1) / ratio, bar.height()), view,
                          QRectF(used0, 0, used1 - used0 + 1, 1));
        ++t_drawCount;
    }
    if (!layout.queuedLines.empty()) {
        // Not yet running anywhere: a thin line, so it reads as "waiting for a thread".
        const double thickness = std::max(2.0, bar.height() * 0.14);
        FillBatcher fills(painter);
        for (const auto &[x, width] : layout.queuedLines)
            fills.add(QRectF(x, bar.center().y() - thickness / 2, width, thickness), frame.palette.queued());
    }
    for (const auto &placed : layout.labels) {
        const QRectF visible(placed.x0, bar.top(), placed.x1 - placed.x0, bar.height());
        // Labels repeat ("sleep 100 ms", "GET /users/3"): laid out once, drawn many times.
        thread_local StaticTextCache labels;
        const auto &label = labels.elided(spanText(*placed.span, lane, frame), frame.font, visible.width() - 8);
        if (!label.text().isEmpty()) {
            painter.setPen(TimelinePalette::textOn(frame.palette.spanColor(*placed.span)));
            painter.drawStaticText(QPointF(visible.left() + 4, visible.center().y() - label.size().height() / 2), label);
        }
    }
}

void LanePainter::paintMarkers(QPainter &painter, const QRectF &bar, const Lane &lane, const LaneFrame &frame)
{
    if (lane.markers.empty())
        return;
    const auto &axis = frame.axis;
    const double size = std::max(6.0, bar.height() * 0.62);
    const auto placed = LaneLayout::ofMarkers(lane, axis, frame.revealedUntilNs, size);
    if (t_markRecorder)
        t_markRecorder(lane, placed);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (const auto &[x, markerPointer] : placed) {
        const auto &marker = *markerPointer;
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
        case MarkerKind::Finished: {
            // Thin brackets at the task's ends, so a start or an end shows even where the bar
            // beside it is a merged pixel column.
            const double w = std::max(1.5, size * 0.12);
            const double edge = marker.kind == MarkerKind::Started ? x : x - w;
            painter.fillRect(QRectF(edge, bar.top() - 1, w, bar.height() + 2),
                             frame.palette.isDark() ? QColor(255, 255, 255, 170) : QColor(0, 0, 0, 150));
            ++t_drawCount;
            break;
        }
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
    const double ratio = devicePixelRatio(painter);
    // The step chart is drawn pixel by pixel at device resolution: every column keeps the lowest
    // and highest value it saw, so a million steps cost as much as a thousand, and one blit
    // puts the result on screen.
    const int columns = std::max(1, int(std::ceil(width * ratio)));
    const int rows = std::max(1, int(std::ceil(area.height() * ratio)));
    // Room above the highest step for the "peak" label, when the lane is tall enough for both.
    const double labelHeight = QFontMetricsF(frame.font).height();
    const double headroom = std::round(area.height() > 2.5 * labelHeight ? labelHeight : area.height() * 0.12) * ratio;
    const double scale = lane.maxValue > 0 ? lane.maxValue : 1.0;
    auto rowOf = [&](double value) {
        return std::clamp(
            int(std::lround(double(rows - 1) - (double(rows - 1) - headroom) * std::clamp(value / scale, 0.0, 1.0))), 0,
            rows - 1);
    };
    auto columnOf = [&](qint64 t) { return int(std::floor(axis.mapTimeToX(t) * ratio)); };

    const auto at = pointAtOrBefore(points, axis.startNs());
    const int firstColumn = at >= 0 ? 0 : std::clamp(columnOf(points.front().timeNs), 0, columns);
    const int lastColumn = std::clamp(int(std::ceil(std::min(width, axis.mapTimeToX(frame.nowNs)) * ratio)),
                                      firstColumn, columns);
    if (lastColumn <= firstColumn)
        return;
    std::vector<double> low(std::size_t(columns), 0.0);
    std::vector<double> high(std::size_t(columns), 0.0);
    double value = at >= 0 ? points[std::size_t(at)].value : points.front().value;
    int column = firstColumn;
    auto carry = [&](int until) {
        for (; column < until; ++column)
            low[std::size_t(column)] = high[std::size_t(column)] = value;
    };
    for (auto i = std::size_t(at + 1); i < points.size() && points[i].timeNs <= axis.endNs(); ++i) {
        const int c = std::clamp(columnOf(points[i].timeNs), firstColumn, lastColumn - 1);
        if (c >= column) {
            carry(c);
            low[std::size_t(c)] = high[std::size_t(c)] = value;
            column = c + 1;
        }
        value = points[i].value;
        low[std::size_t(c)] = std::min(low[std::size_t(c)], value);
        high[std::size_t(c)] = std::max(high[std::size_t(c)], value);
    }
    carry(lastColumn);

    auto &canvas = scratchImage(columns, rows);
    const QRgb fill = qPremultiply(withAlpha(frame.palette.counter(), 70).rgba());
    const QRgb line = frame.palette.counter().rgba();
    const int thickness = std::max(1, int(std::lround(1.5 * ratio)));
    int previous = -1;
    for (int c = firstColumn; c < lastColumn; ++c) {
        const int top = rowOf(high[std::size_t(c)]);
        const int bottom = rowOf(low[std::size_t(c)]);
        // The line runs from where the last column ended to everywhere this one went.
        const int from = std::min({top, previous < 0 ? top : previous});
        const int to = std::max({bottom, previous < 0 ? bottom : previous}) + thickness - 1;
        for (int y = top; y < rows; ++y)
            reinterpret_cast<QRgb *>(canvas.scanLine(y))[c] = fill;
        for (int y = std::max(0, from); y <= std::min(rows - 1, to); ++y)
            reinterpret_cast<QRgb *>(canvas.scanLine(y))[c] = line;
        previous = top;
    }
    painter.drawImage(QRectF(firstColumn / ratio, area.top(), (lastColumn - firstColumn) / ratio, rows / ratio), canvas,
                      QRectF(firstColumn, 0, lastColumn - firstColumn, rows));
    ++t_drawCount;

    drawCaption(painter, area, QStringLiteral("peak %1").arg(lane.maxValue), frame);
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
        return lag >= blockedLagMs   ? frame.palette.lagBlocked()
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
    if (!points.empty())
        drawCaption(painter, area,
                    QStringLiteral("heartbeat lag, max %1").arg(formatDuration(qint64(lane.maxValue * 1e6))), frame);
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

} // namespace coroscope::timeline
