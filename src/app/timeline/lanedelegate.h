// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "timeline/lane.h"
#include "timeline/statictextcache.h"

#include <QStyledItemDelegate>

namespace coroscope::timeline {
struct LaneFrame;
}

namespace coroscope::app {

using timeline::LaneFrame;
using timeline::LaneKind;
using timeline::StaticTextCache;

// Draws the timeline's rows: the lane's name with a status dot in column 0, the lane itself
// (through LanePainter) in column 1. Row heights follow the font, so they scale with it.
class LaneDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit LaneDelegate(QObject *parent = nullptr);

    // The frame being painted; set by the view before each paint.
    void setFrame(const LaneFrame *frame) { m_frame = frame; }
    // Rows grow by this factor when few lanes leave the view mostly empty (1 = natural).
    void setRowScale(double scale) { m_rowScale = scale; }
    double rowScale() const { return m_rowScale; }
    // A lane's height at the natural scale, from the font.
    static int naturalHeight(LaneKind kind, const QFontMetrics &metrics);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    void paintName(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;

    const LaneFrame *m_frame = nullptr;
    double m_rowScale = 1.0;
    mutable StaticTextCache m_texts;
    mutable StaticTextCache m_boldTexts;
};

} // namespace coroscope::app
