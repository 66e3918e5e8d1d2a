// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeline/statictextcache.h"

#include <QStyledItemDelegate>

namespace coroscope::app {

using timeline::StaticTextCache;

// Draws event-log cells with cached laid-out text and a colour swatch for the event's state.
// The default delegate lays each cell out from scratch, which is most of a live log's frame.
class EventLogDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit EventLogDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    mutable StaticTextCache m_texts;
};

} // namespace coroscope::app
