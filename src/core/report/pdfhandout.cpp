// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/pdfhandout.h"

#include "classroom/narration.h"
#include "report/timelineimage.h"
#include "report/timelinesvg.h"
#include "timeline/timeformat.h"
#include "timeline/timelinepalette.h"
#include "timeline/timelinepicture.h"
#include "trace/summary.h"
#include "trace/trace.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

namespace coroscope::report {

using timeline::formatDuration;
using timeline::formatTimeMs;
using timeline::TimelinePalette;

using namespace coroscope::trace;

namespace {

// Handouts are printed: always the light colours, whatever the app's theme.
const TimelinePalette &paper()
{
    static const TimelinePalette palette = TimelinePalette::light();
    return palette;
}

constexpr int Resolution = 300;

class Handout
{
public:
    Handout(const ReportInput &input, QPdfWriter &pdf)
        : m_input(input)
        , m_pdf(pdf)
        , m_painter(&pdf)
        , m_page(pdf.pageLayout().paintRectPixels(Resolution))
    {
        m_page.moveTopLeft(QPoint(0, 0));
    }

    bool isActive() const { return m_painter.isActive(); }

    void firstPage(const Trace &trace)
    {
        const QString title = m_input.title.isEmpty() ? QStringLiteral("Coroscope run") : m_input.title;
        text(title, font(18, true), paper().text(), m_page.height() * 0.12);
        QStringList meta;
        if (!m_input.status.isEmpty())
            meta << QStringLiteral("status: ") + m_input.status;
        if (!m_input.patternId.isEmpty())
            meta << QStringLiteral("pattern: ") + m_input.patternId;
        if (m_input.startedAt.isValid())
            meta << m_input.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        if (!meta.isEmpty())
            text(meta.join(QStringLiteral("  ·  ")), font(9), paper().mutedText(), m_page.height() * 0.05);
        gap(0.6);
        if (!m_input.explanation.trimmed().isEmpty())
            text(m_input.explanation.trimmed(), font(10), paper().text(), m_page.height() * 0.2);
        if (!m_input.whatToLookFor.trimmed().isEmpty()) {
            gap(0.3);
            text(QStringLiteral("What to look for"), font(11, true), paper().text(), m_page.height() * 0.04);
            text(m_input.whatToLookFor.trimmed(), font(10), paper().text(), m_page.height() * 0.12);
        }
        if (!m_input.parameters.isEmpty()) {
            gap(0.3);
            QStringList parameters;
            for (auto it = m_input.parameters.cbegin(); it != m_input.parameters.cend(); ++it)
                parameters << it.key() + QStringLiteral(" = ") + it.value().toString();
            text(QStringLiteral("Parameters: ") + parameters.join(QStringLiteral(",  ")), font(9), paper().text(),
                 m_page.height() * 0.06);
        }
        gap(0.3);
        summary(summarize(trace));
        gap(0.5);
        timeline(trace);
    }

    void codePage()
    {
        m_pdf.newPage();
        m_y = 0;
        const double half = m_page.height() / 2.0;
        const bool both = !m_input.code.isEmpty() && !m_input.pythonCode.isEmpty();
        if (!m_input.code.isEmpty())
            code(QStringLiteral("C++ (what ran)"), m_input.code, both ? half * 1.3 : m_page.height());
        if (!m_input.pythonCode.isEmpty()) {
            gap(0.5);
            code(QStringLiteral("Python (the same pattern in asyncio)"), m_input.pythonCode, m_page.height() - m_y);
        }
    }

    // The run told as sentences (classroom/narration.h), on pages of their own.
    void transcriptPages(const Trace &trace, int maxPages = 4)
    {
        const auto transcript = classroom::narrate(trace);
        if (transcript.empty())
            return;
        const QFont body = font(8.5);
        const QFontMetricsF metrics(body, &m_pdf);
        const double lineHeight = metrics.lineSpacing();
        const double timeWidth = metrics.horizontalAdvance(QStringLiteral("00000.000 ms  "));
        const int flags = Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop;
        int pages = 0;
        for (std::size_t i = 0; i < transcript.size(); ++i) {
            const QRectF area(timeWidth, m_y, m_page.width() - timeWidth, lineHeight * 3);
            const double height = std::max(lineHeight, metrics.boundingRect(area, flags, transcript[i].text).height());
            if (pages == 0 || m_y + height > m_page.height() - lineHeight) {
                if (pages == maxPages) {
                    m_painter.setPen(paper().mutedText());
                    m_painter.drawText(
                        QRectF(0, m_y, m_page.width(), lineHeight), Qt::AlignLeft | Qt::AlignTop,
                        QStringLiteral("… %1 more steps (the HTML report has them all)").arg(transcript.size() - i));
                    return;
                }
                m_pdf.newPage();
                m_y = 0;
                ++pages;
                if (pages == 1)
                    text(QStringLiteral("What happened, step by step"), font(11, true), paper().text(),
                         m_page.height() * 0.04);
            }
            m_painter.setFont(body);
            m_painter.setPen(paper().mutedText());
            m_painter.drawText(QRectF(0, m_y, timeWidth, lineHeight), Qt::AlignLeft | Qt::AlignTop,
                               formatTimeMs(transcript[i].timeNs - trace.startNs()));
            m_painter.setPen(paper().text());
            m_painter.drawText(QRectF(timeWidth, m_y, m_page.width() - timeWidth, height), flags, transcript[i].text);
            m_y += height;
        }
    }

    bool finish() { return m_painter.end(); }

private:
    QFont font(double points, bool bold = false) const
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    }

    void gap(double lines) { m_y += QFontMetricsF(font(10), &m_pdf).height() * lines; }

    // Word-wrapped text, cut (with an ellipsis) to at most `maxHeight`.
    void text(const QString &content, const QFont &f, const QColor &colour, double maxHeight)
    {
        const QFontMetricsF metrics(f, &m_pdf);
        const QRectF area(0, m_y, m_page.width(), std::max(0.0, std::min(maxHeight, m_page.height() - m_y)));
        const int flags = Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop;
        auto heightOf = [&](const QString &s) { return metrics.boundingRect(area, flags, s).height(); };
        QString shown = content;
        if (heightOf(shown) > area.height()) {
            qsizetype low = 0, high = content.size();
            while (low < high) {
                const qsizetype mid = (low + high + 1) / 2;
                if (heightOf(content.left(mid) + QChar(0x2026)) <= area.height())
                    low = mid;
                else
                    high = mid - 1;
            }
            shown = content.left(low).trimmed() + QChar(0x2026);
        }
        m_painter.setFont(f);
        m_painter.setPen(colour);
        const QRectF used = metrics.boundingRect(area, flags, shown);
        m_painter.drawText(area, flags, shown);
        m_y += used.height() + metrics.height() * 0.25;
    }

    void summary(const Summary &s)
    {
        text(QStringLiteral("Summary"), font(11, true), paper().text(), m_page.height() * 0.04);
        QStringList suspended;
        for (int i = 0; i < SuspendReasonCount; ++i) {
            if (s.suspendedNsByReason[std::size_t(i)] > 0)
                suspended << QStringLiteral("%1 %2").arg(QLatin1String(toString(SuspendReason(i))),
                                                         formatDuration(s.suspendedNsByReason[std::size_t(i)]));
        }
        const std::vector<std::pair<QString, QString>> rows{
            {QStringLiteral("wall time"), formatDuration(s.wallNs)},
            {QStringLiteral("tasks"), QString::number(s.tasks)},
            {QStringLiteral("peak concurrency"), QString::number(s.peakConcurrency)},
            {QStringLiteral("errors / cancelled"), QStringLiteral("%1 / %2").arg(s.errors).arg(s.cancellations)},
            {QStringLiteral("loop lag max / p99"),
             QStringLiteral("%1 / %2 ms").arg(s.loopLagMaxMs, 0, 'f', 1).arg(s.loopLagP99Ms, 0, 'f', 1)},
            {QStringLiteral("time suspended"),
             suspended.isEmpty() ? QStringLiteral("none") : suspended.join(QStringLiteral(", "))},
        };
        const QFont label = font(9), value = font(9, true);
        const QFontMetricsF metrics(label, &m_pdf);
        const double column = m_page.width() * 0.25;
        for (const auto &[name, text] : rows) {
            m_painter.setFont(label);
            m_painter.setPen(paper().mutedText());
            m_painter.drawText(QRectF(0, m_y, column, metrics.height()), Qt::AlignLeft | Qt::AlignTop, name);
            m_painter.setFont(value);
            m_painter.setPen(paper().text());
            const QRectF area(column, m_y, m_page.width() - column, metrics.height() * 2);
            const QRectF used = QFontMetricsF(value, &m_pdf).boundingRect(area, Qt::TextWordWrap, text);
            m_painter.drawText(area, Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
            m_y += std::max(metrics.height(), std::min(used.height(), area.height())) * 1.15;
        }
    }

    void timeline(const Trace &trace)
    {
        // A narrower layout than on screen: bigger text on paper.
        const timeline::TimelinePicture picture({{&trace, QString()}}, 760, QString(), 40);
        const QSizeF size = picture.size();
        double width = m_page.width();
        double height = width * size.height() / size.width();
        const double room = m_page.height() - m_y;
        if (height > room) {
            height = std::max(0.0, room);
            width = height * size.width() / size.height();
        }
        m_painter.save();
        m_painter.translate((m_page.width() - width) / 2, m_y);
        m_painter.scale(width / size.width(), height / size.height());
        picture.paint(m_painter);
        m_painter.restore();
        m_y += height;
    }

    void code(const QString &heading, const QString &source, double maxHeight)
    {
        const double top = m_y;
        text(heading, font(11, true), paper().text(), maxHeight);
        QFont mono(QStringLiteral("DejaVu Sans Mono"));
        mono.setStyleHint(QFont::Monospace);
        mono.setPointSizeF(8.5);
        const QFontMetricsF metrics(mono, &m_pdf);
        const double lineHeight = metrics.lineSpacing();
        const double numberWidth = metrics.horizontalAdvance(QStringLiteral("0000 "));
        QStringList lines = QString(source).replace(QLatin1String("\r\n"), QLatin1String("\n")).split(QLatin1Char('\n'));
        while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
            lines.removeLast();
        const auto fit = qsizetype(std::max(0.0, (top + maxHeight - m_y) / lineHeight));
        const bool cut = lines.size() > fit;
        const qsizetype shown = cut ? std::max<qsizetype>(0, fit - 1) : lines.size();
        m_painter.setFont(mono);
        for (qsizetype i = 0; i < shown; ++i) {
            m_painter.setPen(paper().mutedText());
            m_painter.drawText(QRectF(0, m_y, numberWidth, lineHeight), Qt::AlignRight | Qt::AlignTop,
                               QString::number(i + 1) + QLatin1Char(' '));
            m_painter.setPen(paper().text());
            QString line = lines.at(i);
            line.replace(QLatin1Char('\t'), QLatin1String("    "));
            m_painter.drawText(QRectF(numberWidth, m_y, m_page.width() - numberWidth, lineHeight),
                               Qt::AlignLeft | Qt::AlignTop,
                               metrics.elidedText(line, Qt::ElideRight, m_page.width() - numberWidth));
            m_y += lineHeight;
        }
        if (cut) {
            m_painter.setPen(paper().mutedText());
            m_painter.drawText(
                QRectF(numberWidth, m_y, m_page.width(), lineHeight), Qt::AlignLeft | Qt::AlignTop,
                QStringLiteral("… %1 more lines (the HTML report has the whole file)").arg(lines.size() - shown));
            m_y += lineHeight;
        }
    }

    const ReportInput &m_input;
    QPdfWriter &m_pdf;
    QPainter m_painter;
    QRect m_page;
    double m_y = 0;
};

} // namespace

bool writePdfHandout(const ReportInput &input, QIODevice &device, QString *error)
{
    if (!canRenderImages(error))
        return false;
    static const Trace empty;
    QPdfWriter pdf(&device);
    pdf.setResolution(Resolution);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    pdf.setTitle(input.title.isEmpty() ? QStringLiteral("Coroscope run") : input.title);
    pdf.setCreator(QStringLiteral("Coroscope"));
    Handout handout(input, pdf);
    if (!handout.isActive()) {
        if (error)
            *error = QStringLiteral("cannot start writing the PDF");
        return false;
    }
    handout.firstPage(input.trace ? *input.trace : empty);
    if (!input.code.isEmpty() || !input.pythonCode.isEmpty())
        handout.codePage();
    handout.transcriptPages(input.trace ? *input.trace : empty);
    if (!handout.finish()) {
        if (error)
            *error = QStringLiteral("writing the PDF failed");
        return false;
    }
    return true;
}

} // namespace coroscope::report
