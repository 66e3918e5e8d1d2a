// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/timelinesvg.h"
#include "timeline/timelinepicture.h"

#include <QImage>
#include <QString>

#include <vector>

class QIODevice;

namespace coroscope::trace {
class Trace;
}

namespace coroscope::report {

inline constexpr int MaxImageWidth = 16384;

// The timeline painted by the QPainter back-end (timeline::TimelinePicture, the app's lanes and
// bars) into an image exactly `width` pixels wide. The layout is made for a width between 600
// and 1600 px and scaled, so a 3840 px image is a sharp 2.4× picture, not tiny text. Needs a QGuiApplication (fonts);
// returns a null image and sets `error` otherwise, or when the size is out of range.
QImage renderTimelineImage(const trace::Trace &trace, int width, const QString &title = {}, QString *error = nullptr);
// Several runs on one time axis, as stackedTimelineSvg() draws them.
QImage renderTimelineImage(const std::vector<TimelineSection> &sections, int width, const QString &title = {},
                           QString *error = nullptr);

// The runs of `sections` as the picture takes them.
std::vector<timeline::TimelinePicture::Run> pictureRuns(const std::vector<TimelineSection> &sections);

// The same, written as PNG.
bool writeTimelinePng(const std::vector<TimelineSection> &sections, int width, const QString &title, QIODevice &device,
                      QString *error = nullptr);

// Whether this process can render text (a QGuiApplication exists); explains why not.
bool canRenderImages(QString *error = nullptr);

} // namespace coroscope::report
