// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/htmlreport.h"

#include "classroom/narration.h"
#include "report/comparison.h"
#include "report/markup.h"
#include "report/timelinesvg.h"
#include "timeline/timeformat.h"
#include "timeline/timelinepalette.h"
#include "trace/summary.h"
#include "trace/trace.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace coroscope::report {

using timeline::formatDuration;
using timeline::formatTimeMs;
using timeline::TimelinePalette;

using namespace coroscope::trace;

namespace {

QString esc(const QString &text)
{
    return escapeMarkup(text);
}

const QString &styleSheet()
{
    static const QString css = QStringLiteral(R"css(
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, sans-serif; color: #222;
       margin: 0 auto; padding: 24px 32px 48px; max-width: 1280px; background: #fff; }
h1 { font-size: 1.8em; margin: 0 0 4px; line-height: 1.25; overflow-wrap: anywhere; }
h2 { font-size: 1.25em; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.05em; margin: 20px 0 6px; }
p { margin: 6px 0; max-width: 80ch; overflow-wrap: anywhere; }
.meta { color: #666; font-size: 0.9em; }
.status { display: inline-block; padding: 2px 10px; border-radius: 12px; font-weight: 600; font-size: 0.9em;
          background: #e8f3ea; color: #1e6b2c; overflow-wrap: anywhere; }
.status.bad { background: #fbe9e9; color: #9b1c1c; }
.status.warn { background: #fff4e0; color: #8a5300; }
table { border-collapse: collapse; margin: 8px 0; font-size: 0.92em; }
th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid #eee; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f5f6f8; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.differs td { background: #fffbe6; }
.bar { display: inline-block; height: 10px; border-radius: 2px; vertical-align: middle; margin-right: 6px; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; vertical-align: -1px; margin-right: 6px; }
figure { margin: 8px 0; overflow-x: auto; border: 1px solid #e4e4e4; border-radius: 6px; }
figure svg { display: block; max-width: 100%; height: auto; }
pre.code { background: #f7f7f9; border: 1px solid #e4e4e4; border-radius: 6px; padding: 10px 0; overflow-x: auto;
           font: 13px/1.45 "DejaVu Sans Mono", Menlo, Consolas, monospace; counter-reset: line; }
pre.code span.line { display: block; padding: 0 12px 0 0; white-space: pre; }
pre.code span.line::before { counter-increment: line; content: counter(line); display: inline-block; width: 3.5em;
                              padding-right: 1em; text-align: right; color: #999; user-select: none; }
.columns { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
table.events { width: 100%; font-size: 0.85em; }
table.events td.label { max-width: 40ch; }
.note { color: #666; font-style: italic; }
footer { margin-top: 40px; color: #888; font-size: 0.85em; }
@media print { body { padding: 0; } h2 { break-after: avoid; } figure, tr { break-inside: avoid; } }
)css");
    return css;
}

QString statusClass(const QString &status)
{
    const QString lower = status.toLower();
    if (lower.startsWith(QLatin1String("ok")) || lower.isEmpty())
        return QStringLiteral("status");
    if (lower.startsWith(QLatin1String("cancel")) || lower.startsWith(QLatin1String("timed"))
        || lower.startsWith(QLatin1String("interrupt")))
        return QStringLiteral("status warn");
    return QStringLiteral("status bad");
}

QString head(const QString &title)
{
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                          "'unsafe-inline'; img-src data:\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<meta name=\"generator\" content=\"Coroscope\">\n<title>")
           + esc(title) + QStringLiteral("</title>\n<style>") + styleSheet()
           + QStringLiteral("</style>\n</head>\n<body>\n");
}

QString foot()
{
    return QStringLiteral(
        "<footer>Made with Coroscope. Times are measured from the start of each run.</footer>\n</body>\n</html>\n");
}

// Plain text to paragraphs: blank lines separate them, single line breaks stay.
QString paragraphs(const QString &text)
{
    static const QRegularExpression blankLines(QStringLiteral("\\n\\s*\\n"));
    QString html;
    for (const auto &paragraph : text.trimmed().split(blankLines, Qt::SkipEmptyParts))
        html += QStringLiteral("<p>") + esc(paragraph.trimmed()).replace(QLatin1Char('\n'), QLatin1String("<br>\n"))
                + QStringLiteral("</p>\n");
    return html;
}

QString valueText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QStringList || value.typeId() == QMetaType::QVariantList)
        return value.toStringList().join(QStringLiteral(", "));
    return value.toString();
}

QString parametersTable(const QVariantMap &parameters)
{
    if (parameters.isEmpty())
        return QStringLiteral("<p class=\"note\">This run had no parameters.</p>\n");
    QString html = QStringLiteral("<table>\n<tr><th>parameter</th><th>value</th></tr>\n");
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it)
        html += QStringLiteral("<tr><td>") + esc(it.key()) + QStringLiteral("</td><td>") + esc(valueText(it.value()))
                + QStringLiteral("</td></tr>\n");
    return html + QStringLiteral("</table>\n");
}

QString summaryTable(const Summary &summary)
{
    auto row = [](const QString &name, const QString &value) -> QString {
        return QStringLiteral("<tr><td>") + esc(name) + QStringLiteral("</td><td class=\"num\">") + esc(value)
               + QStringLiteral("</td></tr>\n");
    };
    QString html = QStringLiteral(
        "<div class=\"columns\">\n<table>\n<tr><th>measure</th><th class=\"num\">value</th></tr>\n");
    html += row(QStringLiteral("wall time"), formatDuration(summary.wallNs));
    html += row(QStringLiteral("tasks"), QString::number(summary.tasks));
    html += row(QStringLiteral("peak concurrency"), QString::number(summary.peakConcurrency));
    html += row(QStringLiteral("errors"), QString::number(summary.errors));
    html += row(QStringLiteral("cancelled tasks"), QString::number(summary.cancellations));
    html += row(QStringLiteral("event-loop lag: max / p50 / p99"), QStringLiteral("%1 / %2 / %3 ms")
                                                                       .arg(summary.loopLagMaxMs, 0, 'f', 1)
                                                                       .arg(summary.loopLagP50Ms, 0, 'f', 1)
                                                                       .arg(summary.loopLagP99Ms, 0, 'f', 1));
    html += QStringLiteral(
        "</table>\n<table>\n<tr><th>time suspended, by reason</th><th class=\"num\">total</th></tr>\n");
    const qint64 longest = std::max<qint64>(
        1, *std::max_element(summary.suspendedNsByReason.begin(), summary.suspendedNsByReason.end()));
    bool any = false;
    for (int i = 0; i < SuspendReasonCount; ++i) {
        const auto ns = summary.suspendedNsByReason[std::size_t(i)];
        if (ns == 0)
            continue;
        any = true;
        const auto reason = SuspendReason(i);
        html += QStringLiteral("<tr><td><span class=\"swatch\" style=\"background:%1\"></span>%2</td><td class=\"num\">"
                               "<span class=\"bar\" style=\"width:%3px;background:%1\"></span>%4</td></tr>\n")
                    .arg(TimelinePalette::light().suspended(reason).name(), esc(QLatin1String(toString(reason))))
                    .arg(std::max<qint64>(1, 120 * ns / longest))
                    .arg(esc(formatDuration(ns)));
    }
    if (!any)
        html += QStringLiteral("<tr><td colspan=\"2\" class=\"note\">no task was ever suspended</td></tr>\n");
    return html + QStringLiteral("</table>\n</div>\n");
}

// Built from the palette the timeline is drawn with, so the words can never name another colour.
QString timelineLegend()
{
    const auto colours = TimelinePalette::light();
    auto swatch = [](const QColor &colour, const QString &name) -> QString {
        return QStringLiteral("<span class=\"swatch\" style=\"background:%1\"></span>%2 ").arg(colour.name(), esc(name));
    };
    QString html = QStringLiteral("<p class=\"note legend\">Hover over a bar for details. ")
                   + swatch(colours.running(), QStringLiteral("running"));
    for (int i = 0; i < SuspendReasonCount; ++i) {
        const auto reason = SuspendReason(i);
        html += swatch(colours.suspended(reason), QStringLiteral("waiting: %1").arg(QLatin1String(toString(reason))));
    }
    return html + swatch(colours.failed(), QStringLiteral("failed"))
           + swatch(colours.cancelled(), QStringLiteral("cancelled (a cross where it happened)"))
           + QStringLiteral("</p>\n");
}

QString codeBlock(const QString &code)
{
    QString html = QStringLiteral("<pre class=\"code\"><code>");
    QString text = code;
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    for (const auto &line : text.split(QLatin1Char('\n')))
        html += QStringLiteral("<span class=\"line\">") + esc(line) + QStringLiteral("</span>");
    return html + QStringLiteral("</code></pre>\n");
}

QString eventTable(const Trace &trace, int maxRows)
{
    const auto &events = trace.events();
    const auto shown = std::min<std::size_t>(events.size(), std::size_t(std::max(0, maxRows)));
    QString html = QStringLiteral(
        "<table class=\"events\">\n<tr><th class=\"num\">time</th><th>task</th><th>event</th>"
        "<th>detail</th><th>label</th><th>where</th><th>thread</th><th class=\"num\">value</th></tr>\n");
    const qint64 origin = trace.startNs();
    for (std::size_t i = 0; i < shown; ++i) {
        const auto &event = events[i];
        const auto *task = trace.task(event.task);
        QString who = event.task == 0 ? QStringLiteral("—") : QStringLiteral("#%1").arg(event.task);
        if (task)
            who = trace.string(task->name) + QStringLiteral(" (#%1)").arg(event.task);
        const auto detail = detailText(event);
        const auto location = trace.location(event.location);
        const QString where
            = location.isValid()
                  ? QStringLiteral("%1:%2").arg(location.file.section(QLatin1Char('/'), -1)).arg(location.line)
                  : QString();
        html += QStringLiteral("<tr><td class=\"num\">") + esc(formatTimeMs(event.timeNs - origin))
                + QStringLiteral("</td><td>") + esc(who) + QStringLiteral("</td><td>")
                + esc(QLatin1String(toString(event.kind))) + QStringLiteral("</td><td>") + esc(detail)
                + QStringLiteral("</td><td class=\"label\">") + esc(trace.string(event.label))
                + QStringLiteral("</td><td title=\"") + esc(location.file) + QStringLiteral("\">") + esc(where)
                + QStringLiteral("</td><td>") + esc(trace.threadName(event.thread))
                + QStringLiteral("</td><td class=\"num\">")
                + (event.kind == EventKind::Counter ? esc(QString::number(event.value, 'g', 6)) : QString())
                + QStringLiteral("</td></tr>\n");
    }
    html += QStringLiteral("</table>\n");
    if (shown < events.size())
        html += QStringLiteral("<p class=\"note\">Showing the first %1 of %2 events. Export the run as CSV or JSON for "
                               "all of them.</p>\n")
                    .arg(shown)
                    .arg(events.size());
    return html;
}

// The run told as sentences (classroom/narration.h), for a class to read after the lesson.
QString transcriptTable(const Trace &trace, int maxRows)
{
    const auto transcript = classroom::narrate(trace);
    const auto shown = std::min<std::size_t>(transcript.size(), std::size_t(std::max(0, maxRows)));
    QString html = QStringLiteral(
        "<table class=\"transcript\">\n<tr><th class=\"num\">time</th><th>what happened</th></tr>\n");
    for (std::size_t i = 0; i < shown; ++i) {
        html += QStringLiteral("<tr class=\"step\"><td class=\"num\">")
                + esc(formatTimeMs(transcript[i].timeNs - trace.startNs())) + QStringLiteral("</td><td>")
                + esc(transcript[i].text) + QStringLiteral("</td></tr>\n");
    }
    html += QStringLiteral("</table>\n");
    if (shown < transcript.size())
        html += QStringLiteral("<p class=\"note\">Showing the first %1 of %2 steps.</p>\n").arg(shown).arg(transcript.size());
    return html;
}

QString headerBlock(const ReportInput &input, const QString &fallbackTitle)
{
    const QString title = input.title.isEmpty() ? fallbackTitle : input.title;
    QString html = QStringLiteral("<header>\n<h1>") + esc(title) + QStringLiteral("</h1>\n<p>");
    if (!input.status.isEmpty())
        html += QStringLiteral("<span class=\"") + statusClass(input.status) + QStringLiteral("\">") + esc(input.status)
                + QStringLiteral("</span> ");
    QStringList meta;
    if (!input.patternId.isEmpty())
        meta << QStringLiteral("pattern ") + input.patternId;
    if (input.startedAt.isValid())
        meta << QStringLiteral("run at ") + input.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    html += QStringLiteral("<span class=\"meta\">") + esc(meta.join(QStringLiteral(" · ")))
            + QStringLiteral("</span></p>\n</header>\n");
    return html;
}

} // namespace

QString htmlReport(const ReportInput &input, const HtmlReportOptions &options)
{
    static const Trace empty;
    const Trace &trace = input.trace ? *input.trace : empty;
    const QString title = input.title.isEmpty() ? QStringLiteral("Coroscope run") : input.title;
    QString html = head(title);
    html.reserve(int(trace.events().size()) * 400 + 200'000);
    html += headerBlock(input, title);
    if (!input.explanation.trimmed().isEmpty() || !input.whatToLookFor.trimmed().isEmpty()) {
        html += QStringLiteral("<section>\n<h2>What this pattern shows</h2>\n") + paragraphs(input.explanation);
        if (!input.whatToLookFor.trimmed().isEmpty())
            html += QStringLiteral("<h3>What to look for</h3>\n") + paragraphs(input.whatToLookFor);
        html += QStringLiteral("</section>\n");
    }
    html += QStringLiteral("<section>\n<h2>Parameters</h2>\n") + parametersTable(input.parameters)
            + QStringLiteral("</section>\n");
    html += QStringLiteral("<section>\n<h2>Summary</h2>\n") + summaryTable(summarize(trace))
            + QStringLiteral("</section>\n");
    TimelineSvgOptions svg;
    svg.width = options.timelineWidth;
    svg.standalone = false;
    html += QStringLiteral("<section>\n<h2>Timeline</h2>\n") + timelineLegend() + QStringLiteral("<figure>\n")
            + timelineSvg(trace, svg) + QStringLiteral("</figure>\n</section>\n");
    html += QStringLiteral("<section>\n<h2>What happened, step by step</h2>\n")
            + transcriptTable(trace, options.maxTableRows) + QStringLiteral("</section>\n");
    if (!input.code.isEmpty() || !input.pythonCode.isEmpty()) {
        html += QStringLiteral("<section>\n<h2>Code</h2>\n");
        if (!input.code.isEmpty())
            html += QStringLiteral("<h3>C++ (what ran)</h3>\n") + codeBlock(input.code);
        if (!input.pythonCode.isEmpty())
            html += QStringLiteral("<h3>Python (the same pattern in asyncio)</h3>\n") + codeBlock(input.pythonCode);
        html += QStringLiteral("</section>\n");
    }
    html += QStringLiteral("<section>\n<h2>Events</h2>\n") + eventTable(trace, options.maxTableRows)
            + QStringLiteral("</section>\n");
    return html + foot();
}

QString comparisonHtmlReport(const ReportInput &first, const ReportInput &second, const HtmlReportOptions &options)
{
    static const Trace empty;
    const Trace &a = first.trace ? *first.trace : empty;
    const Trace &b = second.trace ? *second.trace : empty;
    const QString nameA = first.title.isEmpty() ? QStringLiteral("first run") : first.title;
    const QString nameB = second.title.isEmpty() ? QStringLiteral("second run") : second.title;
    const QString title = QStringLiteral("Comparison: %1 vs %2").arg(nameA, nameB);
    QString html = head(title);
    html += QStringLiteral("<header>\n<h1>") + esc(title) + QStringLiteral("</h1>\n<p>");
    html += QStringLiteral("A: <span class=\"") + statusClass(first.status) + QStringLiteral("\">")
            + esc(first.status.isEmpty() ? QStringLiteral("ok") : first.status)
            + QStringLiteral("</span> &nbsp; B: <span class=\"") + statusClass(second.status) + QStringLiteral("\">")
            + esc(second.status.isEmpty() ? QStringLiteral("ok") : second.status)
            + QStringLiteral("</span></p>\n</header>\n");

    html += QStringLiteral("<section>\n<h2>What differs</h2>\n<table>\n<tr><th>measure</th><th class=\"num\">A: ")
            + esc(nameA) + QStringLiteral("</th><th class=\"num\">B: ") + esc(nameB)
            + QStringLiteral("</th><th class=\"num\">B compared with A</th></tr>\n");
    for (const auto &row : compareRuns(summarize(a), summarize(b))) {
        html += (row.differs ? QStringLiteral("<tr class=\"differs\">") : QStringLiteral("<tr>"))
                + QStringLiteral("<td>") + esc(row.metric) + QStringLiteral("</td><td class=\"num\">") + esc(row.first)
                + QStringLiteral("</td><td class=\"num\">") + esc(row.second)
                + QStringLiteral("</td><td class=\"num\">") + esc(row.change) + QStringLiteral("</td></tr>\n");
    }
    html += QStringLiteral("</table>\n</section>\n");

    html += QStringLiteral(
        "<section>\n<h2>Parameters</h2>\n<table>\n<tr><th>parameter</th><th>A</th><th>B</th></tr>\n");
    QStringList names = first.parameters.keys() + second.parameters.keys();
    names.removeDuplicates();
    names.sort();
    for (const auto &name : std::as_const(names)) {
        const QString va = first.parameters.contains(name) ? valueText(first.parameters.value(name))
                                                           : QStringLiteral("—");
        const QString vb = second.parameters.contains(name) ? valueText(second.parameters.value(name))
                                                            : QStringLiteral("—");
        html += (va != vb ? QStringLiteral("<tr class=\"differs\">") : QStringLiteral("<tr>")) + QStringLiteral("<td>")
                + esc(name) + QStringLiteral("</td><td>") + esc(va) + QStringLiteral("</td><td>") + esc(vb)
                + QStringLiteral("</td></tr>\n");
    }
    html += QStringLiteral("</table>\n</section>\n");

    TimelineSvgOptions svg;
    svg.width = options.timelineWidth;
    svg.standalone = false;
    html += QStringLiteral("<section>\n<h2>Timelines on one time axis</h2>\n<figure>\n")
            + stackedTimelineSvg({{&a, QStringLiteral("A: ") + nameA}, {&b, QStringLiteral("B: ") + nameB}}, svg)
            + QStringLiteral("</figure>\n</section>\n");
    if (!first.explanation.trimmed().isEmpty())
        html += QStringLiteral("<section>\n<h2>About A</h2>\n") + paragraphs(first.explanation)
                + QStringLiteral("</section>\n");
    if (!second.explanation.trimmed().isEmpty() && second.explanation != first.explanation)
        html += QStringLiteral("<section>\n<h2>About B</h2>\n") + paragraphs(second.explanation)
                + QStringLiteral("</section>\n");
    return html + foot();
}

} // namespace coroscope::report
