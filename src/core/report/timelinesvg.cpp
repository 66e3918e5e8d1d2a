// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/timelinesvg.h"

#include "report/markup.h"
#include "report/tasklanes.h"
#include "timeline/timeformat.h"
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
constexpr double RulerHeight = 24;
constexpr double HeadingHeight = 24;
constexpr double TitleHeight = 30;
constexpr double SectionGap = 16;
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

// Ticks at 1, 2 or 5 times a power of ten, about every 100 px.
qint64 tickStep(qint64 spanNs, double plotWidth)
{
    const double wanted = double(spanNs) * 100.0 / std::max(plotWidth, 1.0);
    double step = std::pow(10.0, std::floor(std::log10(std::max(wanted, 1.0))));
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (step * factor >= wanted) {
            step *= factor;
            break;
        }
    }
    return std::max<qint64>(1, qint64(step));
}

QString tickLabel(qint64 ns, qint64 step)
{
    if (step >= 1'000'000'000)
        return QStringLiteral("%1 s").arg(double(ns) / 1e9, 0, 'g', 6);
    if (step >= 1'000'000)
        return QStringLiteral("%1 ms").arg(double(ns) / 1e6, 0, 'g', 6);
    if (step >= 1'000)
        return QStringLiteral("%1 µs").arg(double(ns) / 1e3, 0, 'g', 6);
    return QStringLiteral("%1 ns").arg(ns);
}

class SvgWriter
{
public:
    SvgWriter(const TimelineSvgOptions &options, qint64 spanNs)
        : m_options(options)
        , m_width(std::max(options.width, 320))
        , m_labelWidth(std::clamp(m_width * 0.22, 130.0, 280.0))
        , m_plotX(m_labelWidth + 10)
        , m_plotWidth(std::max(40.0, m_width - m_plotX - 14))
        , m_spanNs(std::max<qint64>(spanNs, 1))
    {
    }

    void title(const QString &text)
    {
        m_out += QStringLiteral("<text x=\"10\" y=\"%1\" font-size=\"16\" font-weight=\"bold\">").arg(num(m_y + 20));
        appendEscapedMarkup(m_out, elide(text, m_width - 20) );
        m_out += QLatin1String("</text>\n");
        m_y += TitleHeight;
    }

    void section(const Trace &trace, const QString &heading)
    {
        m_origin = trace.startNs();
        if (!heading.isEmpty()) {
            m_out += QStringLiteral("<text x=\"10\" y=\"%1\" font-size=\"13\" font-weight=\"bold\">").arg(num(m_y + 16));
            appendEscapedMarkup(m_out, elide(heading, m_width - 20));
            m_out += QStringLiteral("</text>\n");
            m_y += HeadingHeight;
        }
        const auto lanes = TaskLanes::build(trace);
        const auto shown = std::min<std::size_t>(lanes.lanes.size(), std::size_t(std::max(m_options.maxLanes, 0)));
        const double lanesTop = m_y + RulerHeight;
        const double lanesBottom = lanesTop + double(shown) * LaneHeight;
        ruler(lanesBottom);
        m_y = lanesTop;
        for (std::size_t i = 0; i < shown; ++i)
            lane(trace, lanes.lanes[i], i);
        if (lanes.lanes.empty()) {
            m_out += QStringLiteral("<text x=\"%1\" y=\"%2\" fill=\"%3\">no tasks were recorded</text>\n")
                         .arg(num(m_plotX), num(m_y + 13), colour(paper().mutedText()));
            m_y += LaneHeight;
        }
        if (shown < lanes.lanes.size()) {
            m_out += QStringLiteral("<text class=\"more\" x=\"10\" y=\"%1\" fill=\"%2\" font-style=\"italic\">… and %3 more tasks, not drawn "
                                    "(the event table and the JSON export have them all)</text>\n")
                         .arg(num(m_y + 13), colour(paper().mutedText()))
                         .arg(lanes.lanes.size() - shown);
            m_y += LaneHeight;
        }
        untaskedMarks(trace, lanes, lanesTop, m_y);
        for (const auto &counter : lanes.counters)
            counterLane(trace, counter);
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
            items.push_back({QStringLiteral("waiting: %1").arg(QLatin1String(toString(reason))), box(paper().suspended(reason))});
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
        svg += QStringLiteral("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%1\" height=\"%2\" "
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
    double x(qint64 timeNs) const
    {
        return m_plotX + double(timeNs - m_origin) * m_plotWidth / double(m_spanNs);
    }

    static QString errorShape(double cx, double cy)
    {
        return QStringLiteral("<path d=\"M%1 %2 L%3 %4 L%1 %5 L%6 %4 Z\" fill=\"%7\" stroke=\"#ffffff\" stroke-width=\"1\"/>")
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
        const qint64 step = tickStep(m_spanNs, m_plotWidth);
        const double baseline = m_y + RulerHeight - 4;
        m_out += QStringLiteral("<g font-size=\"10\" fill=\"%1\">\n").arg(colour(paper().mutedText()));
        for (qint64 t = 0; t <= m_spanNs; t += step) {
            const double tx = x(m_origin + t);
            const QString label = tickLabel(t, step);
            // The last label would run off the right edge: put it on the left of its tick.
            const bool atEnd = tx + 3 + double(label.size()) * CharWidth > m_plotX + m_plotWidth + 10;
            m_out += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"%4\" stroke-width=\"1\"/>"
                                    "<text x=\"%5\" y=\"%6\"%7>%8</text>\n")
                         .arg(num(tx), num(baseline - 10), num(gridBottom), colour(paperGrid()),
                              num(atEnd ? tx - 3 : tx + 3), num(baseline - 4),
                              atEnd ? QStringLiteral(" text-anchor=\"end\"") : QString(), escapeMarkup(label));
        }
        m_out += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#999999\" stroke-width=\"1\"/>\n")
                     .arg(num(m_plotX), num(baseline), num(m_plotX + m_plotWidth));
        m_out += QLatin1String("</g>\n");
    }

    void lane(const Trace &trace, const TaskLanes::Lane &lane, std::size_t index)
    {
        const QString name = trace.string(lane.name);
        const QString who = QStringLiteral("%1 (#%2)").arg(name.isEmpty() ? QStringLiteral("task") : name).arg(lane.task);
        const double top = m_y;
        const double barTop = top + (LaneHeight - BarHeight) / 2;
        m_out += QStringLiteral("<g class=\"lane\" data-task=\"%1\" data-depth=\"%2\">\n").arg(lane.task).arg(lane.depth);
        if (index % 2 == 1)
            m_out += QStringLiteral("<rect x=\"0\" y=\"%1\" width=\"%2\" height=\"%3\" fill=\"#f6f7f9\"/>\n")
                         .arg(num(top), QString::number(m_width), num(LaneHeight));
        const double indent = std::min(lane.depth, 8) * 10.0;
        // The tooltip sits beside the text, not in it: some renderers draw a <title> inside <text>.
        m_out += QStringLiteral("<g><title>");
        appendEscapedMarkup(m_out, who);
        m_out += QStringLiteral("</title><text x=\"%1\" y=\"%2\">").arg(num(10 + indent), num(top + 13));
        appendEscapedMarkup(m_out, elide(who, m_labelWidth - 10 - indent));
        m_out += QLatin1String("</text></g>\n");

        // The life, drawn as running; suspensions are painted over it.
        qint64 suspendedNs = 0;
        for (const auto &suspension : lane.suspensions)
            suspendedNs += suspension.endNs - suspension.beginNs;
        const double x0 = x(lane.createdNs);
        const double x1 = std::max(x(lane.endNs), x0 + MinBarWidth);
        const QString status = lane.finished ? QLatin1String(toString(lane.status)) : QStringLiteral("still running when the trace ended");
        QString tip = QStringLiteral("%1: from %2 to %3 (%4), %5 in all, %6 suspended")
                          .arg(who, formatTimeMs(lane.createdNs - m_origin), formatTimeMs(lane.endNs - m_origin), status,
                               formatDuration(lane.endNs - lane.createdNs), formatDuration(suspendedNs));
        if (lane.error != 0)
            tip += QStringLiteral(": ") + trace.string(lane.error);
        const auto location = trace.location(lane.location);
        if (location.isValid())
            tip += QStringLiteral(" (spawned at %1:%2)").arg(location.file).arg(location.line);
        m_out += QStringLiteral("<rect class=\"life\" x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"%6><title>")
                     .arg(num(x0), num(barTop), num(x1 - x0), num(BarHeight), colour(paper().running()),
                          lane.finished ? QString() : QStringLiteral(" fill-opacity=\"0.6\""));
        appendEscapedMarkup(m_out, tip);
        m_out += QLatin1String("</title></rect>\n");
        suspensions(trace, lane, who, barTop);
        // Marks closer than their own width to the previous one are counted in its tooltip.
        for (std::size_t i = 0; i < lane.marks.size();) {
            const auto &mark = lane.marks[i];
            const double mx = x(mark.timeNs);
            std::size_t next = i + 1;
            while (next < lane.marks.size() && x(lane.marks[next].timeNs) - mx < 4)
                ++next;
            m_out += QStringLiteral("<g class=\"mark\">") + markShape(mx, top + 1) + QStringLiteral("<title>");
            QString tip = QStringLiteral("%1 at %2: %3").arg(who, formatTimeMs(mark.timeNs - m_origin), trace.string(mark.text));
            if (next - i > 1)
                tip += QStringLiteral(" (and %1 more marks close by)").arg(next - i - 1);
            appendEscapedMarkup(m_out, tip);
            m_out += QLatin1String("</title></g>\n");
            i = next;
        }
        if (lane.finished && lane.status != FinishStatus::Ok) {
            const bool failed = lane.status == FinishStatus::Error;
            m_out += (failed ? QStringLiteral("<g class=\"error\">") : QStringLiteral("<g class=\"cancelled\">")) + (failed ? errorShape(x1, top + LaneHeight / 2) : cancelShape(x1, top + LaneHeight / 2))
                     + QStringLiteral("<title>");
            const QString message = trace.string(lane.error);
            appendEscapedMarkup(m_out, QStringLiteral("%1 %2 at %3%4")
                                           .arg(who, failed ? QStringLiteral("failed") : QStringLiteral("was cancelled"),
                                                formatTimeMs(lane.endNs - m_origin),
                                                message.isEmpty() ? QString() : QStringLiteral(": ") + message));
            m_out += QLatin1String("</title></g>\n");
        }
        m_out += QLatin1String("</g>\n");
        m_y += LaneHeight;
    }

    // Neighbouring suspensions for the same reason that would be drawn less than a pixel
    // apart become one bar: a million-event run stays a picture, not a million rectangles.
    void suspensions(const Trace &trace, const TaskLanes::Lane &lane, const QString &who, double barTop)
    {
        struct Pending {
            double x0 = 0, x1 = 0;
            SuspendReason reason = SuspendReason::Other;
            const TaskLanes::Suspension *first = nullptr;
            int count = 0;
            qint64 totalNs = 0;
        } pending;
        auto flush = [&] {
            if (pending.count == 0)
                return;
            m_out += QStringLiteral("<rect class=\"suspended\" data-reason=\"%6\" x=\"%1\" y=\"%2\" width=\"%3\" height=\"%4\" fill=\"%5\"><title>")
                         .arg(num(pending.x0), num(barTop), num(pending.x1 - pending.x0), num(BarHeight),
                              colour(paper().suspended(pending.reason)), QLatin1String(toString(pending.reason)));
            const auto &first = *pending.first;
            QString tip;
            if (pending.count == 1) {
                tip = QStringLiteral("%1 waiting on %2").arg(who, QLatin1String(toString(first.reason)));
                const QString resource = trace.string(first.resource);
                if (!resource.isEmpty())
                    tip += QStringLiteral(": ") + resource;
                tip += QStringLiteral(" for %1 from %2").arg(formatDuration(pending.totalNs), formatTimeMs(first.beginNs - m_origin));
                if (!first.resumed)
                    tip += QStringLiteral(" (not resumed)");
                const auto location = trace.location(first.location);
                if (location.isValid())
                    tip += QStringLiteral(" at %1:%2").arg(location.file).arg(location.line);
            } else {
                tip = QStringLiteral("%1: %2 waits on %3, %4 in all")
                          .arg(who)
                          .arg(pending.count)
                          .arg(QLatin1String(toString(pending.reason)), formatDuration(pending.totalNs));
            }
            appendEscapedMarkup(m_out, tip);
            m_out += QLatin1String("</title></rect>\n");
            pending.count = 0;
        };
        for (const auto &suspension : lane.suspensions) {
            const double x0 = x(suspension.beginNs);
            const double x1 = std::max(x(suspension.endNs), x0 + MinBarWidth);
            if (pending.count > 0 && pending.reason == suspension.reason && x0 - pending.x1 < 1.0) {
                pending.x1 = std::max(pending.x1, x1);
                ++pending.count;
                pending.totalNs += suspension.endNs - suspension.beginNs;
                continue;
            }
            flush();
            pending = {x0, x1, suspension.reason, &suspension, 1, suspension.endNs - suspension.beginNs};
        }
        flush();
    }

    void untaskedMarks(const Trace &trace, const TaskLanes &lanes, double top, double bottom)
    {
        for (const auto &mark : lanes.untaskedMarks) {
            const double mx = x(mark.timeNs);
            m_out += QStringLiteral("<g><line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"%4\" stroke-width=\"1\" "
                                    "stroke-dasharray=\"3,3\"/>")
                         .arg(num(mx), num(top), num(bottom), colour(paper().text()))
                     + markShape(mx, top - 7) + QStringLiteral("<title>");
            appendEscapedMarkup(m_out, QStringLiteral("at %1: %2").arg(formatTimeMs(mark.timeNs - m_origin), trace.string(mark.text)));
            m_out += QLatin1String("</title></g>\n");
        }
    }

    void counterLane(const Trace &trace, const TaskLanes::Counter &counter)
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
        auto y = [&](double value) {
            return bottom - (std::isfinite(value) ? value - low : 0) * (bottom - top) / range;
        };
        const QString name = trace.string(counter.name);
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
        m_out += QStringLiteral("<polyline class=\"counter\" points=\"%1\" fill=\"none\" stroke=\"%2\" stroke-width=\"1.5\"><title>")
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
