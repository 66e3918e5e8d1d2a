// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/eventlog/eventlogdelegate.h"

#include <QApplication>
#include <QPainter>

namespace coroscope::app {

EventLogDelegate::EventLogDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

void EventLogDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const auto *widget = option.widget;
    const auto *style = widget ? widget->style() : QApplication::style();
    // Background only (alternating rows, selection): the text is ours.
    QStyleOptionViewItem background = option;
    background.features &= ~(QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration);
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &background, painter, widget);

    QRectF rect = QRectF(option.rect).adjusted(4, 0, -4, 0);
    const auto swatch = index.data(Qt::DecorationRole);
    if (swatch.canConvert<QColor>()) {
        const double side = std::round(option.fontMetrics.height() * 0.6);
        painter->fillRect(QRectF(rect.left(), rect.center().y() - side / 2, side, side), swatch.value<QColor>());
        rect.setLeft(rect.left() + side + 5);
    }
    const auto text = index.data(Qt::DisplayRole).toString();
    if (text.isEmpty())
        return;
    const bool selected = option.state & QStyle::State_Selected;
    const auto foreground = index.data(Qt::ForegroundRole);
    painter->setPen(foreground.canConvert<QColor>()
                        ? foreground.value<QColor>()
                        : option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->setFont(option.font);
    const auto &laidOut = m_texts.elided(text, option.font, rect.width());
    const auto size = laidOut.size();
    const bool right = index.data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight;
    const double x = right ? rect.right() - size.width() : rect.left();
    painter->drawStaticText(QPointF(x, rect.center().y() - size.height() / 2), laidOut);
}

} // namespace coroscope::app
