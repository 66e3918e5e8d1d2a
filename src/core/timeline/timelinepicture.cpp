// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timelinepicture.h"

#include "timeline/lanepainter.h"
#include "timeline/pagegeometry.h"
#include "timeline/timeformat.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinepalette.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace coroscope::timeline {
namespace {

constexpr double LaneHeight = 22;
constexpr double LegendHeight = 26;
constexpr double TitleHeight = PageGeometry::TitleHeight;
constexpr double HeadingHeight = PageGeometry::HeadingHeight;
constexpr double RulerHeight = PageGeometry::RulerHeight;
constexpr double SectionGap = PageGeometry::SectionGap;
constexpr double Margin = PageGeometry::Margin;

QFont pictureFont(double pixelSize, bool bold = false)
{
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(int(pixelSize));
    font.setBold(bold);
    return font;
}

int depthOf(const Lane &lane)
{
    int depth = 0;
    for (const Lane *up = lane.parent; up; up = up->parent)
        ++depth;
    return depth;
}

} // namespace

struct TimelinePicture::Section {
    TimelineModel model;
    QString heading;
    std::vector<const Lane *> lanes; // drawn, in display order
    qsizetype notDrawn = 0;
    double top = 0;
};

TimelinePicture::TimelinePicture(const std::vector<Run> &runs, double width, const QString &title, int maxLanes)
    : m_title(title)
{
    const PageGeometry page(width);
    m_width = page.width;
    m_plotX = page.plotX;
    m_plotWidth = page.plotWidth;
    for (const auto &run : runs) {
        if (!run.trace)
            continue;
        auto section = std::make_unique<Section>();
        section->model.setTrace(run.trace);
        section->heading = run.heading;
        m_spanNs = std::max(m_spanNs, section->model.endNs() - section->model.startNs());
        m_sections.push_back(std::move(section));
    }
    m_height = layOut(maxLanes);
}

TimelinePicture::~TimelinePicture() = default;

double TimelinePicture::layOut(int maxLanes)
{
    double y = 4 + (m_title.isEmpty() ? 0 : TitleHeight);
    for (auto &section : m_sections) {
        section->top = y;
        y += (section->heading.isEmpty() ? 0 : HeadingHeight) + RulerHeight;
        const auto lanes = section->model.lanes();
        const auto shown = std::min<std::size_t>(lanes.size(), std::size_t(std::max(maxLanes, 0)));
        section->lanes.assign(lanes.begin(), lanes.begin() + qsizetype(shown));
        section->notDrawn = qsizetype(lanes.size() - shown);
        y += double(std::max<std::size_t>(shown, 1)) * LaneHeight + (section->notDrawn > 0 ? LaneHeight : 0) + SectionGap;
    }
    return y + LegendHeight;
}

TimeAxis TimelinePicture::axis(std::size_t index) const
{
    const auto &model = m_sections.at(index)->model;
    return TimeAxis(model.startNs(), model.startNs() + m_spanNs, m_plotWidth);
}

const TimelineModel &TimelinePicture::model(std::size_t index) const
{
    return m_sections.at(index)->model;
}

void TimelinePicture::paint(QPainter &painter) const
{
    const auto palette = TimelinePalette::light();
    painter.save();
    painter.fillRect(QRectF(0, 0, m_width, m_height), Qt::white);
    painter.setRenderHint(QPainter::TextAntialiasing);
    const QFont font = pictureFont(11);
    const QFontMetricsF metrics(font);
    if (!m_title.isEmpty()) {
        painter.setFont(pictureFont(16, true));
        painter.setPen(palette.text());
        painter.drawText(QRectF(Margin, 4, m_width - 2 * Margin, TitleHeight), Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetricsF(painter.font()).elidedText(m_title, Qt::ElideRight, m_width - 2 * Margin));
    }
    for (std::size_t index = 0; index < m_sections.size(); ++index) {
        const auto &section = *m_sections[index];
        double y = section.top;
        if (!section.heading.isEmpty()) {
            painter.setFont(pictureFont(13, true));
            painter.setPen(palette.text());
            painter.drawText(QRectF(Margin, y, m_width - 2 * Margin, HeadingHeight), Qt::AlignLeft | Qt::AlignVCenter,
                             section.heading);
            y += HeadingHeight;
        }
        LaneFrame frame;
        frame.axis = axis(index);
        frame.palette = palette;
        frame.model = &section.model;
        frame.nowNs = section.model.endNs();
        frame.font = font;
        frame.labelMinWidth = metrics.averageCharWidth() * 9 + 8;
        qint64 stepNs = 0;
        const auto ticks = frame.axis.ticks(metrics.horizontalAdvance(QStringLiteral("000.00 ms")) * 1.5, &stepNs);
        painter.setFont(pictureFont(10));
        for (const auto &tick : ticks) {
            if (!tick.major)
                continue;
            frame.gridX.push_back(tick.x);
            const double x = m_plotX + tick.x;
            painter.setPen(palette.mutedText());
            painter.drawLine(QPointF(x, y + RulerHeight - 8), QPointF(x, y + RulerHeight));
            painter.drawText(QPointF(x + 3, y + RulerHeight - 8), formatTick(tick.timeNs, stepNs));
        }
        y += RulerHeight;
        painter.setFont(font);
        for (std::size_t row = 0; row < section.lanes.size(); ++row) {
            const Lane &lane = *section.lanes[row];
            const QRectF labelArea(Margin + std::min(depthOf(lane), 8) * 10.0, y, m_plotX - 2 * Margin, LaneHeight);
            painter.setPen(lane.kind == LaneKind::Group ? palette.mutedText() : palette.text());
            painter.drawText(
                labelArea, Qt::AlignLeft | Qt::AlignVCenter,
                metrics.elidedText(lane.title, Qt::ElideRight, labelArea.width() - (labelArea.left() - Margin)));
            LanePainter::paint(painter, QRectF(m_plotX, y, m_plotWidth, LaneHeight), lane, frame);
            y += LaneHeight;
        }
        if (section.lanes.empty()) {
            painter.setPen(palette.mutedText());
            painter.drawText(QRectF(m_plotX, y, m_plotWidth, LaneHeight), Qt::AlignLeft | Qt::AlignVCenter,
                             QStringLiteral("no tasks were recorded"));
        }
        if (section.notDrawn > 0) {
            painter.setPen(palette.mutedText());
            painter.drawText(
                QRectF(Margin, y, m_width - 2 * Margin, LaneHeight), Qt::AlignLeft | Qt::AlignVCenter,
                QStringLiteral("… and %1 more lanes, not drawn (the event table and the JSON export have them all)")
                    .arg(section.notDrawn));
        }
    }
    // The legend: the colours of the bars, as the app's legend names them.
    double x = Margin;
    const double legendTop = m_height - LegendHeight + 6;
    painter.setFont(font);
    auto item = [&](const QColor &colour, const QString &label) {
        const double itemWidth = 22 + metrics.horizontalAdvance(label) + 14;
        if (x + itemWidth > m_width - Margin)
            return;
        painter.fillRect(QRectF(x, legendTop + 2, 14, 10), colour);
        painter.setPen(palette.text());
        painter.drawText(QPointF(x + 20, legendTop + 11), label);
        x += itemWidth;
    };
    item(palette.running(), QStringLiteral("running"));
    for (int reason = 0; reason < trace::SuspendReasonCount; ++reason)
        item(palette.suspended(trace::SuspendReason(reason)), reasonTitle(trace::SuspendReason(reason)));
    painter.restore();
}

} // namespace coroscope::timeline
