// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QBrush>
#include <QWidget>

namespace coroscope::app {

// What the colours and shapes of the timeline mean, in one line that wraps when narrow.
class TimelineLegend : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineLegend(QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    // The entries, in order (for tests and accessibility).
    QStringList entries() const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    enum class Swatch { Bar, Line, Diamond, Cross, Band };
    struct Entry {
        QString text;
        QColor color;
        Swatch swatch;
        QBrush hatch = Qt::NoBrush; // over the colour, on a projector
    };
    std::vector<Entry> currentEntries() const;
    // Lays the entries out for `width`; returns the height used.
    int layout(int width, std::vector<QRectF> *rects) const;
};

} // namespace coroscope::app
