// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/glyphicons.h"

#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace coroscope::app {
namespace {

// Paths in a 24x24 box.
void drawGlyph(QPainter &p, Glyph glyph, const QColor &color)
{
    QPen pen(color, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    auto triangle = [](double left, double top, double right, double bottom) {
        QPainterPath path;
        path.moveTo(left, top);
        path.lineTo(right, (top + bottom) / 2);
        path.lineTo(left, bottom);
        path.closeSubpath();
        return path;
    };
    auto magnifier = [&] {
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(10, 10), 6.5, 6.5);
        p.drawLine(QPointF(15, 15), QPointF(21, 21));
    };
    switch (glyph) {
    case Glyph::Run:
    case Glyph::Play:
        p.setPen(QPen(color, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(color);
        p.drawPath(triangle(6, 4, 20, 20));
        break;
    case Glyph::Stop:
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRoundedRect(QRectF(5, 5, 14, 14), 2.5, 2.5);
        break;
    case Glyph::Pause:
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRoundedRect(QRectF(6, 4.5, 4.5, 15), 1.2, 1.2);
        p.drawRoundedRect(QRectF(13.5, 4.5, 4.5, 15), 1.2, 1.2);
        break;
    case Glyph::RunAgain: {
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawArc(QRectF(4.5, 4.5, 15, 15), 60 * 16, 290 * 16);
        QPainterPath head;
        head.moveTo(13.5, 1.5);
        head.lineTo(19, 5.5);
        head.lineTo(13, 9.5);
        head.closeSubpath();
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawPath(head);
        break;
    }
    case Glyph::ZoomIn:
        magnifier();
        p.drawLine(QPointF(7, 10), QPointF(13, 10));
        p.drawLine(QPointF(10, 7), QPointF(10, 13));
        break;
    case Glyph::ZoomOut:
        magnifier();
        p.drawLine(QPointF(7, 10), QPointF(13, 10));
        break;
    case Glyph::ZoomFit:
        p.setPen(pen);
        p.drawLine(QPointF(3, 5), QPointF(3, 19));
        p.drawLine(QPointF(21, 5), QPointF(21, 19));
        p.drawLine(QPointF(7, 12), QPointF(17, 12));
        p.drawLine(QPointF(7, 12), QPointF(10, 9));
        p.drawLine(QPointF(7, 12), QPointF(10, 15));
        p.drawLine(QPointF(17, 12), QPointF(14, 9));
        p.drawLine(QPointF(17, 12), QPointF(14, 15));
        break;
    case Glyph::StepForward:
        p.setPen(QPen(color, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(color);
        p.drawPath(triangle(5, 5, 15, 19));
        p.setPen(Qt::NoPen);
        p.drawRoundedRect(QRectF(16, 5, 3.5, 14), 1, 1);
        break;
    case Glyph::StepBack: {
        p.setPen(QPen(color, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(color);
        QTransform mirror(-1, 0, 0, 1, 24, 0);
        p.drawPath(mirror.map(triangle(5, 5, 15, 19)));
        p.setPen(Qt::NoPen);
        p.drawRoundedRect(QRectF(4.5, 5, 3.5, 14), 1, 1);
        break;
    }
    case Glyph::Follow:
        p.setPen(pen);
        p.drawLine(QPointF(3, 12), QPointF(16, 12));
        p.drawLine(QPointF(16, 12), QPointF(11, 7));
        p.drawLine(QPointF(16, 12), QPointF(11, 17));
        p.drawLine(QPointF(20.5, 4), QPointF(20.5, 20));
        break;
    }
}

class GlyphEngine final : public QIconEngine
{
public:
    GlyphEngine(Glyph glyph, QColor color)
        : m_glyph(glyph)
        , m_color(std::move(color))
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        auto color = m_color;
        if (mode == QIcon::Disabled)
            color.setAlphaF(0.35);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        const double side = std::min(rect.width(), rect.height());
        painter->translate(rect.left() + (rect.width() - side) / 2, rect.top() + (rect.height() - side) / 2);
        painter->scale(side / 24.0, side / 24.0);
        drawGlyph(*painter, m_glyph, color);
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        return pixmap;
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pixmap(size * scale);
        pixmap.fill(Qt::transparent);
        {
            QPainter painter(&pixmap);
            paint(&painter, QRect(QPoint(0, 0), size * scale), mode, state);
        }
        pixmap.setDevicePixelRatio(scale);
        return pixmap;
    }

    QIconEngine *clone() const override { return new GlyphEngine(m_glyph, m_color); }

private:
    Glyph m_glyph;
    QColor m_color;
};

} // namespace

QIcon glyphIcon(Glyph glyph, const QColor &color)
{
    return QIcon(new GlyphEngine(glyph, color));
}

} // namespace coroscope::app
