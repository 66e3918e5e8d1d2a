// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/timeline/timelinelegend.h"

#include "timeline/timelinepalette.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace coroscope::app {

using timeline::reasonTitle;
using timeline::TimelinePalette;

using trace::SuspendReason;

TimelineLegend::TimelineLegend(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

std::vector<TimelineLegend::Entry> TimelineLegend::currentEntries() const
{
    const auto p = TimelinePalette::forPalette(palette());
    std::vector<Entry> entries = {{tr("running"), p.running(), Swatch::Bar, Qt::NoBrush}};
    for (const auto reason : {SuspendReason::Network, SuspendReason::Database, SuspendReason::Timer,
                              SuspendReason::Semaphore, SuspendReason::ThreadPool, SuspendReason::ChildJoin}) {
        entries.push_back({tr("waiting: ") + reasonTitle(reason), p.suspended(reason), Swatch::Bar, p.hatch(reason)});
    }
    entries.push_back({tr("queued"), p.queued(), Swatch::Line, Qt::NoBrush});
    // A cancellation is a mark at the moment it arrived; the wait it ended keeps its colour.
    entries.push_back({tr("cancelled"), p.cancelled(), Swatch::Cross, Qt::NoBrush});
    entries.push_back({tr("failed"), p.failed(), Swatch::Diamond, Qt::NoBrush});
    entries.push_back({tr("loop blocked"), p.lagBlocked(), Swatch::Band, Qt::NoBrush});
    return entries;
}

QStringList TimelineLegend::entries() const
{
    QStringList texts;
    for (const auto &entry : currentEntries())
        texts.append(entry.text);
    return texts;
}

int TimelineLegend::layout(int width, std::vector<QRectF> *rects) const
{
    const QFontMetricsF metrics(font());
    const double line = metrics.height() + 6;
    const double swatch = metrics.height() * 1.2;
    double x = 0;
    double y = 0;
    for (const auto &entry : currentEntries()) {
        const double w = swatch + 6 + metrics.horizontalAdvance(entry.text) + 16;
        if (x > 0 && x + w > width) {
            x = 0;
            y += line;
        }
        if (rects)
            rects->push_back(QRectF(x, y, w, line));
        x += w;
    }
    return int(std::ceil(y + line));
}

QSize TimelineLegend::sizeHint() const
{
    std::vector<QRectF> rects;
    layout(1 << 20, &rects);
    return QSize(rects.empty() ? 0 : int(std::ceil(rects.back().right())), heightForWidth(1 << 20));
}

QSize TimelineLegend::minimumSizeHint() const
{
    return QSize(fontMetrics().averageCharWidth() * 20, heightForWidth(fontMetrics().averageCharWidth() * 20));
}

int TimelineLegend::heightForWidth(int width) const
{
    return layout(width, nullptr);
}

void TimelineLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    std::vector<QRectF> rects;
    layout(width(), &rects);
    const auto entries = currentEntries();
    const QFontMetricsF metrics(font());
    const double size = metrics.height() * 1.2;
    const bool dark = TimelinePalette::forPalette(palette()).isDark();
    for (std::size_t i = 0; i < entries.size() && i < rects.size(); ++i) {
        const auto &entry = entries[i];
        const auto &rect = rects[i];
        const QRectF box(rect.left(), rect.center().y() - size * 0.35, size, size * 0.7);
        painter.setPen(Qt::NoPen);
        switch (entry.swatch) {
        case Swatch::Bar:
            painter.setBrush(entry.color);
            painter.drawRoundedRect(box, 2, 2);
            if (entry.hatch.style() != Qt::NoBrush) {
                painter.setBrush(entry.hatch);
                painter.drawRoundedRect(box, 2, 2);
            }
            break;
        case Swatch::Line:
            painter.fillRect(QRectF(box.left(), box.center().y() - 1.5, box.width(), 3), entry.color);
            break;
        case Swatch::Diamond: {
            QPainterPath diamond;
            const auto c = box.center();
            const double r = box.height() * 0.62;
            diamond.moveTo(c.x(), c.y() - r);
            diamond.lineTo(c.x() + r, c.y());
            diamond.lineTo(c.x(), c.y() + r);
            diamond.lineTo(c.x() - r, c.y());
            diamond.closeSubpath();
            painter.setBrush(entry.color);
            painter.drawPath(diamond);
            break;
        }
        case Swatch::Cross: {
            // As the lane painter draws a cancellation.
            const auto c = box.center();
            const double r = box.height() * 0.32;
            painter.setPen(
                QPen(dark ? QColor(0xee, 0xee, 0xee) : QColor(0x30, 0x30, 0x30), 2.0, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(QPointF(c.x() - r, c.y() - r), QPointF(c.x() + r, c.y() + r));
            painter.drawLine(QPointF(c.x() - r, c.y() + r), QPointF(c.x() + r, c.y() - r));
            break;
        }
        case Swatch::Band: {
            auto band = entry.color;
            band.setAlpha(60);
            painter.fillRect(box, band);
            painter.setPen(QPen(entry.color, 1, Qt::DashLine));
            painter.drawLine(box.topLeft(), box.bottomLeft());
            painter.drawLine(box.topRight(), box.bottomRight());
            break;
        }
        }
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRectF(box.right() + 6, rect.top(), rect.width() - size - 6, rect.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, entry.text);
    }
}

} // namespace coroscope::app
