// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/timeline/lanedelegate.h"

#include "timeline/lanepainter.h"
#include "timeline/timelinemodel.h"

#include <QApplication>
#include <QPainter>

#include <cmath>

namespace coroscope::app {

using timeline::LanePainter;
using timeline::TimelineModel;

LaneDelegate::LaneDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

int LaneDelegate::naturalHeight(LaneKind kind, const QFontMetrics &metrics)
{
    double factor = 1.75;
    switch (kind) {
    case LaneKind::Group: factor = 1.5; break;
    case LaneKind::EventLoop: factor = 3.4; break;
    case LaneKind::Counter: factor = 2.6; break;
    case LaneKind::Task:
    case LaneKind::Thread: factor = 1.75; break;
    }
    return int(std::ceil(metrics.height() * factor));
}

QSize LaneDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto kind = LaneKind(index.data(TimelineModel::LaneKindRole).toInt());
    // Headings keep their size; lanes take the extra room.
    const double scale = kind == LaneKind::Group ? 1.0 : m_rowScale;
    return QSize(option.fontMetrics.averageCharWidth() * 16,
                 int(std::round(naturalHeight(kind, option.fontMetrics) * scale)));
}

void LaneDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (index.column() == TimelineModel::NameColumn) {
        paintName(painter, option, index);
        return;
    }
    const auto *model = qobject_cast<const TimelineModel *>(index.model());
    const auto *lane = model ? model->lane(index) : nullptr;
    if (!lane || !m_frame)
        return;
    LanePainter::paint(*painter, QRectF(option.rect), *lane, *m_frame);
}

void LaneDelegate::paintName(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const auto kind = LaneKind(index.data(TimelineModel::LaneKindRole).toInt());
    const QString text = opt.text;
    opt.text.clear();
    const auto *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    painter->save();
    QRectF rect = QRectF(opt.rect).adjusted(4, 0, -4, 0);
    if (m_frame && kind == LaneKind::Task) {
        // A status dot: running, finished, failed or cancelled, in the timeline's own colours.
        const auto status = index.data(TimelineModel::StatusRole).toString();
        QColor dot = m_frame->palette.running();
        if (status == QLatin1String("error"))
            dot = m_frame->palette.failed();
        else if (status == QLatin1String("cancelled"))
            dot = m_frame->palette.cancelled();
        else if (status == QLatin1String("ok"))
            dot = opt.palette.color(QPalette::PlaceholderText);
        const double d = std::round(opt.fontMetrics.height() * 0.5);
        painter->setRenderHint(QPainter::Antialiasing, true);
        painter->setPen(Qt::NoPen);
        painter->setBrush(dot);
        painter->drawEllipse(QRectF(rect.left(), rect.center().y() - d / 2, d, d));
        rect.setLeft(rect.left() + d + 6);
    }
    QFont font = opt.font;
    if (kind == LaneKind::Group || kind == LaneKind::EventLoop)
        font.setBold(true);
    painter->setFont(font);
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    auto &cache = font.bold() ? m_boldTexts : m_texts;
    const auto &laidOut = cache.elided(text, font, rect.width());
    painter->drawStaticText(QPointF(rect.left(), rect.center().y() - laidOut.size().height() / 2), laidOut);
    painter->restore();
}

} // namespace coroscope::app
