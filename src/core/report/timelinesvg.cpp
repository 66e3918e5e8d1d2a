// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/timelinesvg.h"

#include "report/markup.h"
#include "timeline/lanelayout.h"
#include "timeline/pagegeometry.h"
#include "timeline/timeformat.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinepalette.h"
#include "trace/trace.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace coroscope::report {

using timeline::formatDuration;
using timeline::formatTimeMs;
using timeline::TimelinePalette;

using namespace coroscope::trace;

namespace {

const TimelinePalette &paper()
{
    static const TimelinePalette palette = TimelinePalette::light();
    return palette;
}

QString colour(const QColor &colour)
{
    return colour.name(QColor::HexRgb);
}

// The palette's grid is translucent over the view; an SVG line is drawn opaque, as it looks on white.
QColor paperGrid()
{
    const QColor grid = paper().grid();
    const double alpha = grid.alphaF();
    return QColor::fromRgbF(float(1 - alpha + grid.redF() * alpha), float(1 - alpha + grid.greenF() * alpha),
                            float(1 - alpha + grid.blueF() * alpha));
}

constexpr double LaneHeight = 18;
constexpr double BarHeight = 12;
constexpr double CounterHeight = 36;
constexpr double RulerHeight = timeline::PageGeometry::RulerHeight;
constexpr double HeadingHeight = timeline::PageGeometry::HeadingHeight;
constexpr double TitleHeight = timeline::PageGeometry::TitleHeight;
constexpr double SectionGap = timeline::PageGeometry::SectionGap;
constexpr double LegendRowHeight = 20;
constexpr double CharWidth = 6.4; // average advance of 11 px sans-serif, for truncating labels
constexpr double MinBarWidth = 0.5;

// Coordinates with one decimal, and without it when whole: keeps big timelines small.
QString num(double value)
{
    const double rounded = std::round(value * 10) / 10;
    if (rounded == std::floor(rounded))
        return QString::number(qint64(rounded));
    return QString::number(rounded, 'f', 1);
}

QString elide(const QString &text, double width)
{
    const auto maxChars = qsizetype(std::max(1.0, width / CharWidth));
    if (text.size() <= maxChars)
        return text;
    return text.left(std::max<qsizetype>(1, maxChars - 1)) + QChar(0x2026);
}

class SvgWriter
{
public:
    SvgWriter(const TimelineSvgOptions &options, qint64 spanNs)
        : m_options(options)
        , m_width(std::max(options.width, 320))
        , m_labelWidth(timeline::PageGeometry(m_width).labelWidth)
        , m_plotX(timeline::PageGeometry(m_width).plotX)
        , m_plotWidth(timeline::PageGeometry(m_width).plotWidth)
        , m_spanNs(std::max<qint64>(spanNs, 1))
    {
    }

    void title(const QString &text)
    {
        m_out += QStringLiteral("<text x=\"10\" y=\"%1\" font-size=\"16\" font-weight=\"bold\">").arg(num(m_y + 20));
        appendEscapedMarkup(m_out, elide(text, m_width - 20));
        m_out += QLatin1String("</text>\n");
        m_y += TitleHeight;
    }

    void section(const Trace &trace, const QString &heading)
    {
        m_origin = trace.startNs();
        m_axis = timeline::TimeAxis(m_origin, m_origin + m_spanNs, m_plotWidth);
        if (!heading.isEmpty()) {
            m_out += QStringLiteral("<text x=\"10\" y=\"%1\" font-size=\"13\" font-weight=\"bold\">").arg(num(m_y + 16));
            appendEscapedMarkup(m_out, elide(heading, m_width - 20));
            m_out += QStringLiteral("</text>\n");
            m_y += HeadingHeight;
        }
        // The lanes and bars of the app's timeline: the same model, the same layout.
        timeline::TimelineModel model;
        model.setTrace(&trace);
        m_nowNs = model.endNs();
        std::vector<const timeline::Lane *> tasks;
        std::vector<const timeline::Lane *> counters;
        for (const auto *lane : model.lanes()) {
            if (lane->kind == timeline::LaneKind::Task)
                tasks.push_back(lane);
            else if ((lane->kind == timeline::LaneKind::Counter || lane->kind == timeline::LaneKind::EventLoop)
                     && !lane->points.empty())
                counters.push_back(lane);
        }
        const auto shown = std::min<std::size_t>(tasks.size(), std::size_t(std::max(m_options.maxLanes, 0)));
        const double lanesTop = m_y + RulerHeight;
        const double lanesBottom = lanesTop + double(shown) * LaneHeight;
        ruler(lanesBottom);
        m_y = lanesTop;
        for (std::size_t i = 0; i < shown; ++i)
            lane(trace, *tasks[i], i);
        if (tasks.empty()) {
            m_out += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"%3\">no tasks were recorded</text>\n")
                         .arg(num(m_plotX), num(m_y + 13), colour(paper().mutedText()));
            m_y += LaneHeight;
        }
        if (shown < tasks.size()) {
            m_out += QStringLiteral("<text class=\"more\" x=\"10\" y=\"%1\" fill=\"%2\" font-style=\"italic\">… and %3 "
                                    "more tasks, not drawn "
                                    "(the event table and the JSON export have them all)</text>\n")
                         .arg(num(m_y + 13), colour(paper().mutedText()))
                         .arg(tasks.size() - shown);
            m_y += LaneHeight;
        }
        if (const auto *loop = model.eventLoopLane())
            untaskedMarks(trace, *loop, lanesTop, m_y);
        for (const auto *counter : counters)
            counterLane(trace, *counter);
        m_y += SectionGap;
    }

    void legend()
    {
        struct Item {
            QString label;
            QString swatch;
        };
        std::vector<Item> items;
        auto box = [](const QColor &fill) {
            return QStringLiteral("<rect x=\"0\" y=\"-9\" width=\"14\" height=\"10\" rx=\"2\" fill=\"%1\"/>")
                .arg(colour(fill));
        };
        items.push_back({QStringLiteral("running"), box(paper().running())});
        for (int i = 0; i < SuspendReasonCount; ++i) {
            const auto reason = SuspendReason(i);
            items.push_back(
                {QStringLiteral("waiting: %1").arg(QLatin1String(toString(reason))), box(paper().suspended(reason))});
        }
        items.push_back({QStringLiteral("error"), errorShape(7, -4)});
        items.push_back({QStringLiteral("cancelled"), cancelShape(7, -4)});
        items.push_back({QStringLiteral("mark"), markShape(7, -9)});
        double x = 10;
        m_y += 4;
        for (const auto &item : items) {
            const double itemWidth = 22 + double(item.label.size()) * CharWidth + 16;
            if (x + itemWidth > m_width - 10) {
                x = 10;
                m_y += LegendRowHeight;
            }
            m_out += QStringLiteral("<g transform=\"translate(%1,%2)\">").arg(num(x), num(m_y + 12)) + item.swatch
                     + QStringLiteral("<text x=\"20\" y=\"0\">");
            appendEscapedMarkup(m_out, item.label);
            m_out += QLatin1String("</text></g>\n");
            x += itemWidth;
        }
        m_y += LegendRowHeight + 6;
    }

    QString finish(const QString &description) const
    {
        const int height = int(std::ceil(m_y));
        QString svg;
        svg.reserve(m_out.size() + 1024);
        if (m_options.standalone)
            svg += QLatin1String("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg += QStringLiteral(
                   "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%1\" height=\"%2\" "
                   "viewBox=\"0 0 %1 %2\" font-family=\"DejaVu Sans, Verdana, Arial, Helvetica, sans-serif\" "
                   "font-size=\"11\" fill=\"%3\" role=\"img\" aria-label=\"")
                   .arg(m_width)
                   .arg(height)
                   .arg(colour(paper().text()));
        appendEscapedMarkup(svg, description);
        svg += QStringLiteral("\">\n<title>");
        appendEscapedMarkup(svg, description);
        svg += QStringLiteral("</title>\n<rect x=\"0\" y=\"0\" width=\"%1\" height=\"%2\" fill=\"#ffffff\"/>\n")
                   .arg(m_width)
                   .arg(height);
        svg += m_out;
        svg += QLatin1String("</svg>\n");
        return svg;
    }

private:
    double x(qint64 timeNs) const { return m_plotX + m_axis.mapTimeToX(timeNs); }

    static QString errorShape(double cx, double cy)
    {
        return QStringLiteral(
                   "<path d=\"M%1 %2 L%3 %4 L%1 %5 L%6 %4 Z\" fill=\"%7\" stroke=\"#ffffff\" stroke-width=\"1\"/>")
            .arg(num(cx), num(cy - 6), num(cx + 5), num(cy), num(cy + 6), num(cx - 5), colour(paper().failed()));
    }

    static QString cancelShape(double cx, double cy)
    {
        return QStringLiteral("<rect x=\"%1\" y=\"%2\" width=\"10\" height=\"10\" fill=\"%3\"/>"
                              "<path d=\"M%4 %5 L%6 %7 M%4 %7 L%6 %5\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>")
            .arg(num(cx - 5), num(cy - 5), colour(paper().cancelled()), num(cx - 3), num(cy - 3), num(cx + 3),
                 num(cy + 3));
    }

    static QString markShape(double cx, double top)
    {
        return QStringLiteral("<path d=\"M%1 %2 L%3 %2 L%4 %5 Z\" fill=\"%6\"/>")
            .arg(num(cx - 4), num(top), num(cx + 4), num(cx), num(top + 6), colour(paper().text()));
    }

    void ruler(double gridBottom)
    {
        // The ticks and labels of the app's ruler and of the exported picture.
        qint64 step = 0;
        const auto ticks = m_axis.ticks(100, &step);
        const double baseline = m_y + RulerHeight - 4;
        m_out += QStringLiteral("<g font-size=\"10\" fill=\"%1\">\n").arg(colour(paper().mutedText()));
        for (const auto &tick : ticks) {
            if (!tick.major)
                continue;
            const double tx = m_plotX + tick.x;
            const QString label = timeline::formatTick(tick.timeNs, step);
            // The last label would run off the right edge: put it on the left of its tick.
            const bool atEnd = tx + 3 + double(label.size()) * CharWidth > m_plotX + m_plotWidth + 10;
            m_out += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"%4\" stroke-width=\"1\"/>"
                                    "<text x=\"%5\" y=\"%6\"%7>%8</text>\n")
                         .arg(num(tx), num(baseline - 10), num(gridBottom), colour(paperGrid()),
                              num(atEnd ? tx - 3 : tx + 3), num(baseline - 4),
                              atEnd ? QStringLiteral(" text-anchor=\"end\"") : QString(), escapeMarkup(label));
        }
        m_out += QStringLiteral(
                     "<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#999999\" stroke-width=\"1\"/>\n")
                     .arg(num(m_plotX), num(baseline), num(m_plotX + m_plotWidth));
        m_out += QLatin1String("</g>\n");
    }

    static int depthOf(const timeline::Lane &lane)
    {
        int depth = 0;
        for (const auto *up = lane.parent; up; up = up->parent)
            depth += up->kind == timeline::LaneKind::Task ? 1 : 0;
        return depth;
    }

    void lane(const Trace &trace, const timeline::Lane &lane, std::size_t index)
    {
        const QString name = lane.title;
        const QString who = QStringLiteral("%1 (#%2)").arg(name.isEmpty() ? QStringLiteral("task") : name).arg(lane.task);
        const double top = m_y;
        const double barTop = top + (LaneHeight - BarHeight) / 2;
        const int depth = depthOf(lane);
        m_out += QStringLiteral("<g class=\"lane\" data-task=\"%1\" data-depth=\"%2\">\n").arg(lane.task).arg(depth);
        if (index % 2 == 1)
            m_out += QStringLiteral("<rect x=\"0\" y=\"%1\" width=\"%2\" height=\"%3\" fill=\"#f6f7f9\"/>\n")
                         .arg(num(top), QString::number(m_width), num(LaneHeight));
        const double indent = std::min(depth, 8) * 10.0;
        // The tooltip sits beside the text, not in it: some renderers draw a <title> inside <text>.
        m_out += QStringLiteral("<g><title>");
        appendEscapedMarkup(m_out, who);
        m_out += QStringLiteral("</title><text x=\"%1\" y=\"%2\">").arg(num(10 + indent), num(top + 13));
        appendEscapedMarkup(m_out, elide(who, m_labelWidth - 10 - indent));
        m_out += QLatin1String("</text></g>\n");

        // The life, drawn as running; the layout's waits are painted over it.
        qint64 suspendedNs = 0;
        for (const auto &span : lane.spans)
            suspendedNs += span.state == timeline::SpanState::Suspended ? span.end(m_nowNs) - span.startNs : 0;
        const qint64 createdNs = std::max<qint64>(lane.createdNs, 0);
        const qint64 endNs = lane.isFinished() ? lane.finishedNs : std::max(m_nowNs, createdNs);
        const double x0 = x(createdNs);
        const double x1 = std::max(x(endNs), x0 + MinBarWidth);
        const QString status = lane.isFinished() ? QLatin1String(toString(lane.status))
                                                 : QStringLiteral("still running when the trace ended");
        QString tip = QStringLiteral("%1: from %2 to %3 (%4), %5 in all, %6 suspended")
                          .arg(who, formatTimeMs(createdNs - m_origin), formatTimeMs(endNs - m_origin), status,
                               formatDuration(endNs - createdNs), formatDuration(suspendedNs));
        if (lane.error != 0)
            tip += QStringLiteral(": ") + trace.string(lane.error);
        const auto location = trace.location(lane.spawnLocation);
        if (location.isValid())
            tip += QStringLiteral(" (spawned at %1:%2)").arg(location.file).arg(location.line);
        m_out += QStringLiteral(
                     "<rect class=\"life\" x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"%6><title>")
                     .arg(num(x0), num(barTop), num(x1 - x0), num(BarHeight), colour(paper().running()),
                          lane.isFinished() ? QString() : QStringLiteral(" fill-opacity=\"0.6\""));
        appendEscapedMarkup(m_out, tip);
        m_out += QLatin1String("</title></rect>\n");
        waits(trace, lane, who, barTop);
        markers(trace, lane, who, top);
        m_out += QLatin1String("</g>\n");
        m_y += LaneHeight;
    }

    void markers(const Trace &trace, const timeline::Lane &lane, const QString &who, double top)
    {
        std::vector<const timeline::Marker *> marks;
        for (const auto &marker : lane.markers) {
            if (marker.kind == timeline::MarkerKind::Mark)
                marks.push_back(&marker);
        }
        // Marks closer than their own width to the previous one are counted in its tooltip.
        for (std::size_t i = 0; i < marks.size();) {
            const auto &mark = *marks[i];
            const double mx = x(mark.timeNs);
            std::size_t next = i + 1;
            while (next < marks.size() && x(marks[next]->timeNs) - mx < 4)
                ++next;
            m_out += QStringLiteral("<g class=\"mark\">") + markShape(mx, top + 1) + QStringLiteral("<title>");
            QString tip
                = QStringLiteral("%1 at %2: %3").arg(who, formatTimeMs(mark.timeNs - m_origin), trace.string(mark.label));
            if (next - i > 1)
                tip += QStringLiteral(" (and %1 more marks close by)").arg(next - i - 1);
            appendEscapedMarkup(m_out, tip);
            m_out += QLatin1String("</title></g>\n");
            i = next;
        }
        // How the task ended, at the moment it did: a cancellation where it reached the task.
        for (const auto &marker : lane.markers) {
            const bool failed = marker.kind == timeline::MarkerKind::Error;
            if (!failed && marker.kind != timeline::MarkerKind::Cancelled)
                continue;
            const double mx = x(marker.timeNs);
            m_out += (failed ? QStringLiteral("<g class=\"error\">") : QStringLiteral("<g class=\"cancelled\">"))
                     + (failed ? errorShape(mx, top + LaneHeight / 2) : cancelShape(mx, top + LaneHeight / 2))
                     + QStringLiteral("<title>");
            const QString message = trace.string(lane.error);
            appendEscapedMarkup(m_out, QStringLiteral("%1 %2 at %3%4")
                                           .arg(who, failed ? QStringLiteral("failed") : QStringLiteral("was cancelled"),
                                                formatTimeMs(marker.timeNs - m_origin),
                                                message.isEmpty() ? QString() : QStringLiteral(": ") + message));
            m_out += QLatin1String("</title></g>\n");
        }
    }

    // The waits of the lane's layout: where waits are denser than the pixels, the layout has
    // merged them into one bar, and its tooltip counts them.
    void waits(const Trace &trace, const timeline::Lane &lane, const QString &who, double barTop)
    {
        const auto layout = timeline::LaneLayout::ofSpans(lane, m_axis, m_nowNs, 1.0, m_plotWidth + 1);
        for (const auto &bar : layout.bars) {
            if (bar.key < timeline::SpanStateCount)
                continue; // running (the life shows it), queued or failed
            const auto reason = SuspendReason(bar.key - timeline::SpanStateCount);
            const qint64 from = m_axis.mapXToTime(bar.firstColumn);
            const qint64 to = m_axis.mapXToTime(bar.endColumn);
            const timeline::Span *first = nullptr;
            int count = 0;
            qint64 totalNs = 0;
            for (auto i = timeline::firstSpanEndingAfter(lane.spans, from, m_nowNs);
                 i < lane.spans.size() && lane.spans[i].startNs < to; ++i) {
                const auto &span = lane.spans[i];
                if (timeline::spanKey(span) != bar.key)
                    continue;
                first = first ? first : &span;
                ++count;
                totalNs += span.end(m_nowNs) - span.startNs;
            }
            m_out += QStringLiteral("<rect class=\"suspended\" data-reason=\"%6\" x=\"%1\" y=\"%2\" width=\"%3\" "
                                    "height=\"%4\" fill=\"%5\"><title>")
                         .arg(num(m_plotX + bar.firstColumn), num(barTop), num(bar.endColumn - bar.firstColumn),
                              num(BarHeight), colour(paper().suspended(reason)), QLatin1String(toString(reason)));
            QString tip;
            if (count == 1) {
                tip = QStringLiteral("%1 waiting on %2").arg(who, QLatin1String(toString(reason)));
                const QString resource = trace.string(first->label);
                if (!resource.isEmpty())
                    tip += QStringLiteral(": ") + resource;
                tip += QStringLiteral(" for %1 from %2")
                           .arg(formatDuration(totalNs), formatTimeMs(first->startNs - m_origin));
                if (first->isOpen())
                    tip += QStringLiteral(" (not resumed)");
                else if (first->ending == timeline::SpanEnding::Cancelled)
                    tip += QStringLiteral(", until a cancellation ended it");
                const auto location = trace.location(first->location);
                if (location.isValid())
                    tip += QStringLiteral(" at %1:%2").arg(location.file).arg(location.line);
            } else {
                tip = QStringLiteral("%1: %2 waits on %3, %4 in all")
                          .arg(who)
                          .arg(count)
                          .arg(QLatin1String(toString(reason)), formatDuration(totalNs));
            }
            appendEscapedMarkup(m_out, tip);
            m_out += QLatin1String("</title></rect>\n");
        }
    }

    void untaskedMarks(const Trace &trace, const timeline::Lane &loop, double top, double bottom)
    {
        for (const auto &mark : loop.markers) {
            const double mx = x(mark.timeNs);
            m_out += QStringLiteral("<g><line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"%4\" stroke-width=\"1\" "
                                    "stroke-dasharray=\"3,3\"/>")
                         .arg(num(mx), num(top), num(bottom), colour(paper().text()))
                     + markShape(mx, top - 7) + QStringLiteral("<title>");
            appendEscapedMarkup(
                m_out, QStringLiteral("at %1: %2").arg(formatTimeMs(mark.timeNs - m_origin), trace.string(mark.label)));
            m_out += QLatin1String("</title></g>\n");
        }
    }

    void counterLane(const Trace &trace, const timeline::Lane &counter)
    {
        if (counter.points.empty())
            return;
        double low = 0, high = 0;
        for (const auto &point : counter.points) {
            if (std::isfinite(point.value)) {
                low = std::min(low, point.value);
                high = std::max(high, point.value);
            }
        }
        const double range = high > low ? high - low : 1;
        const double top = m_y + 4, bottom = m_y + CounterHeight - 4;
        auto y = [&](double value) { return bottom - (std::isfinite(value) ? value - low : 0) * (bottom - top) / range; };
        const QString name = trace.string(counter.counter);
        m_out += QStringLiteral("<text x=\"10\" y=\"%1\" font-style=\"italic\">").arg(num(m_y + 14));
        appendEscapedMarkup(m_out, elide(name, m_labelWidth - 10));
        m_out += QStringLiteral("</text><text x=\"10\" y=\"%1\" font-size=\"10\" fill=\"%2\">max %3</text>\n")
                     .arg(num(m_y + 27), colour(paper().mutedText()), QString::number(high, 'g', 4));
        // A step line; within one pixel column only the extremes matter.
        QString points;
        double lastX = -1, lastY = y(0);
        double columnLow = 0, columnHigh = 0;
        auto addPoint = [&](double px, double py) { points += num(px) + QLatin1Char(',') + num(py) + QLatin1Char(' '); };
        addPoint(x(m_origin), lastY);
        for (const auto &point : counter.points) {
            const double px = std::round(x(point.timeNs) * 2) / 2;
            const double py = y(point.value);
            if (px == lastX) {
                columnLow = std::min(columnLow, py);
                columnHigh = std::max(columnHigh, py);
                lastY = py;
                continue;
            }
            if (lastX >= 0 && columnHigh - columnLow > 0.5) {
                addPoint(lastX, columnLow);
                addPoint(lastX, columnHigh);
                addPoint(lastX, lastY);
            }
            addPoint(px, lastY);
            addPoint(px, py);
            lastX = px;
            lastY = columnLow = columnHigh = py;
        }
        addPoint(x(m_origin + m_spanNs), lastY);
        m_out
            += QStringLiteral(
                   "<polyline class=\"counter\" points=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"1.5\"><title>")
                   .arg(points.trimmed(), colour(paper().counter()));
        appendEscapedMarkup(m_out, QStringLiteral("%1: %2 samples, from %3 to %4")
                                       .arg(name)
                                       .arg(counter.points.size())
                                       .arg(QString::number(low, 'g', 4), QString::number(high, 'g', 4)));
        m_out += QStringLiteral("</title></polyline>\n<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"%4\"/>\n")
                     .arg(num(m_plotX), num(bottom), num(m_plotX + m_plotWidth), colour(paperGrid()));
        m_y += CounterHeight;
    }

    const TimelineSvgOptions &m_options;
    const int m_width;
    const double m_labelWidth;
    const double m_plotX;
    const double m_plotWidth;
    const qint64 m_spanNs;
    qint64 m_origin = 0;
    qint64 m_nowNs = 0;
    timeline::TimeAxis m_axis;
    double m_y = 4;
    QString m_out;
};

} // namespace

QString stackedTimelineSvg(const std::vector<TimelineSection> &sections, const TimelineSvgOptions &options)
{
    qint64 span = 0;
    int tasks = 0;
    for (const auto &section : sections) {
        if (section.trace) {
            span = std::max(span, section.trace->durationNs());
            tasks += int(section.trace->tasks().size());
        }
    }
    SvgWriter writer(options, span);
    if (!options.title.isEmpty())
        writer.title(options.title);
    for (const auto &section : sections) {
        if (section.trace)
            writer.section(*section.trace, section.heading);
    }
    writer.legend();
    const QString description = (options.title.isEmpty() ? QStringLiteral("Timeline") : options.title)
                                + QStringLiteral(": %1 tasks over %2").arg(tasks).arg(formatDuration(span));
    return writer.finish(description);
}

QString timelineSvg(const Trace &trace, const TimelineSvgOptions &options)
{
    return stackedTimelineSvg({TimelineSection{&trace, QString()}}, options);
}

} // namespace coroscope::report
