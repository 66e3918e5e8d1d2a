// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/timeline/timelineheader.h"

#include "app/models/timelinestate.h"
#include "timeline/lanepainter.h"
#include "timeline/timeformat.h"
#include "timeline/timelinemodel.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace coroscope::app {

using timeline::formatMilliseconds;
using timeline::formatTick;
using timeline::TimelineModel;

TimelineHeader::TimelineHeader(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
{
    setSectionsClickable(false);
    setSectionsMovable(false);
    setHighlightSections(false);
    setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

QSize TimelineHeader::sizeHint() const
{
    auto size = QHeaderView::sizeHint();
    size.setHeight(int(std::ceil(fontMetrics().height() * 2.1)));
    return size;
}

bool TimelineHeader::onRuler(const QPoint &pos) const
{
    const int left = sectionViewportPosition(TimelineModel::TimelineColumn);
    // Leave the section boundary to the resize handle.
    return pos.x() > left + style()->pixelMetric(QStyle::PM_HeaderGripMargin, nullptr, this) + 2;
}

void TimelineHeader::scrubTo(int x)
{
    if (!m_frame)
        return;
    const int left = sectionViewportPosition(TimelineModel::TimelineColumn);
    Q_EMIT scrubbed(m_frame->axis.mapXToTime(double(x - left)));
}

void TimelineHeader::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && onRuler(event->position().toPoint())) {
        m_scrubbing = true;
        scrubTo(event->position().toPoint().x());
        event->accept();
        return;
    }
    QHeaderView::mousePressEvent(event);
}

void TimelineHeader::mouseMoveEvent(QMouseEvent *event)
{
    if (m_scrubbing) {
        scrubTo(event->position().toPoint().x());
        event->accept();
        return;
    }
    QHeaderView::mouseMoveEvent(event);
}

void TimelineHeader::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_scrubbing) {
        m_scrubbing = false;
        event->accept();
        return;
    }
    QHeaderView::mouseReleaseEvent(event);
}

void TimelineHeader::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    if (logicalIndex != TimelineModel::TimelineColumn || !m_frame) {
        QHeaderView::paintSection(painter, rect, logicalIndex);
        return;
    }
    // The plain header background, then the ruler on it.
    QStyleOptionHeader option;
    initStyleOption(&option);
    option.rect = rect;
    option.section = logicalIndex;
    option.position = QStyleOptionHeader::End;
    style()->drawControl(QStyle::CE_HeaderSection, &option, painter, this);

    painter->save();
    painter->setClipRect(rect);
    const auto &axis = m_frame->axis;
    const QColor text = palette().color(QPalette::ButtonText);
    QColor faint = text;
    faint.setAlpha(120);
    const QFontMetricsF metrics(font());
    qint64 majorStep = 0;
    const auto ticks = axis.ticks(metrics.horizontalAdvance(QStringLiteral("000.00 ms")) * 1.5, &majorStep);
    for (const auto &tick : ticks) {
        const double x = rect.left() + std::round(tick.x) + 0.5;
        const double length = tick.major ? rect.height() * 0.35 : rect.height() * 0.15;
        painter->setPen(QPen(tick.major ? text : faint, 0));
        painter->drawLine(QPointF(x, rect.bottom() - length), QPointF(x, rect.bottom()));
        if (tick.major) {
            // A label that would be cut at the right edge says less than none.
            const auto label = formatTick(tick.timeNs, majorStep);
            if (x + 3 + metrics.horizontalAdvance(label) <= rect.right())
                painter->drawText(QRectF(x + 3, rect.top(), 200, rect.height() * 0.7), Qt::AlignLeft | Qt::AlignVCenter,
                                  label);
        }
    }
    // The playhead's handle, with its time, where the hand that drags it can see it.
    if (m_state && m_state->playheadNs() >= 0) {
        const double x = rect.left() + axis.mapTimeToX(m_state->playheadNs());
        if (x >= rect.left() - 20 && x <= rect.right() + 20) {
            painter->setRenderHint(QPainter::Antialiasing, true);
            const double size = metrics.height() * 0.55;
            QPainterPath handle;
            handle.moveTo(x - size, rect.bottom() - size * 1.3);
            handle.lineTo(x + size, rect.bottom() - size * 1.3);
            handle.lineTo(x, rect.bottom());
            handle.closeSubpath();
            painter->setPen(Qt::NoPen);
            painter->setBrush(m_frame->palette.playhead());
            painter->drawPath(handle);
            const QString label = formatMilliseconds(m_state->playheadNs()) + QStringLiteral(" ms");
            const double width = metrics.horizontalAdvance(label) + 10;
            const QRectF box(std::clamp(x - width / 2, double(rect.left()), rect.right() - width), rect.top() + 1,
                             width, metrics.height() + 2);
            painter->setBrush(m_frame->palette.playhead());
            painter->drawRoundedRect(box, 3, 3);
            painter->setPen(Qt::white);
            painter->drawText(box, Qt::AlignCenter, label);
        }
    }
    painter->restore();
}

} // namespace coroscope::app
