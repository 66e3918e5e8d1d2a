// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/timelineimage.h"

#include "timeline/timelinepicture.h"
#include "trace/trace.h"

#include <QGuiApplication>
#include <QImageWriter>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace coroscope::report {

namespace {

constexpr int MaxImageHeight = 32768;

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

std::vector<timeline::TimelinePicture::Run> pictureRuns(const std::vector<TimelineSection> &sections)
{
    std::vector<timeline::TimelinePicture::Run> runs;
    for (const auto &section : sections)
        runs.push_back({section.trace, section.heading});
    return runs;
}

bool canRenderImages(QString *error)
{
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return true;
    setError(error,
             QStringLiteral("images and PDFs need a QGuiApplication to render text "
                            "(start the program with a GUI application; QT_QPA_PLATFORM=offscreen works headless)"));
    return false;
}

QImage renderTimelineImage(const trace::Trace &trace, int width, const QString &title, QString *error)
{
    return renderTimelineImage({TimelineSection{&trace, QString()}}, width, title, error);
}

QImage renderTimelineImage(const std::vector<TimelineSection> &sections, int width, const QString &title, QString *error)
{
    if (!canRenderImages(error))
        return {};
    if (width < 16 || width > MaxImageWidth) {
        setError(error,
                 QStringLiteral("the image width must be between 16 and %1 pixels, not %2").arg(MaxImageWidth).arg(width));
        return {};
    }
    const timeline::TimelinePicture picture(pictureRuns(sections), std::clamp(width, 600, 1600), title);
    const double scale = double(width) / picture.size().width();
    const int height = int(std::ceil(picture.size().height() * scale));
    if (height > MaxImageHeight) {
        setError(error, QStringLiteral("the image would be %1 pixels high, more than %2: choose a smaller width")
                            .arg(height)
                            .arg(MaxImageHeight));
        return {};
    }
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        setError(error, QStringLiteral("not enough memory for a %1×%2 image").arg(width).arg(height));
        return {};
    }
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(scale, scale);
    picture.paint(painter);
    painter.end();
    return image;
}

bool writeTimelinePng(const std::vector<TimelineSection> &sections, int width, const QString &title, QIODevice &device,
                      QString *error)
{
    const QImage image = renderTimelineImage(sections, width, title, error);
    if (image.isNull())
        return false;
    QImageWriter writer(&device, "png");
    if (!writer.write(image)) {
        setError(error, writer.errorString());
        return false;
    }
    return true;
}

} // namespace coroscope::report
