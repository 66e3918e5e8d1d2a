// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHeaderView>

namespace coroscope::timeline {
struct LaneFrame;
}

namespace coroscope::app {

using timeline::LaneFrame;

class TimelineState;

// The header of the timeline: "Lanes" over the names, and over the lanes a time ruler with the
// playhead's handle. Pressing or dragging on the ruler scrubs the playhead.
class TimelineHeader : public QHeaderView
{
    Q_OBJECT
public:
    explicit TimelineHeader(QWidget *parent = nullptr);

    void setFrame(const LaneFrame *frame) { m_frame = frame; }
    void setState(TimelineState *state) { m_state = state; }

    QSize sizeHint() const override;

Q_SIGNALS:
    // The user pressed or dragged on the ruler at this time.
    void scrubbed(qint64 timeNs);

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    bool onRuler(const QPoint &pos) const;
    void scrubTo(int x);

    const LaneFrame *m_frame = nullptr;
    TimelineState *m_state = nullptr;
    bool m_scrubbing = false;
};

} // namespace coroscope::app
