// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/exporter.h"

#include "report/chrometraceexport.h"
#include "report/csvexport.h"
#include "report/failwith.h"
#include "report/pdfhandout.h"
#include "report/timelineimage.h"
#include "report/timelinesvg.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <functional>

namespace coroscope::report {

namespace {

bool writeText(QIODevice &device, const QString &text, QString *error)
{
    const QByteArray bytes = text.toUtf8();
    if (device.write(bytes) != bytes.size())
        return detail::failWith(error, device.errorString());
    return true;
}

// Runs `write` on a QSaveFile for `path`: the file appears, complete, only if all went well.
bool saveTo(const QString &path, const std::function<bool(QIODevice &, QString *)> &write, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return detail::failWith(
            error, QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    QString reason;
    if (!write(file, &reason)) {
        file.cancelWriting();
        return detail::failWith(error, QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason));
    }
    if (!file.commit())
        return detail::failWith(
            error, QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return true;
}

QString unknownFormat(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix();
    return suffix.isEmpty() ? QStringLiteral("%1 has no file name extension: use one of .%2")
                                  .arg(path, exportFormats().join(QStringLiteral(", .")))
                            : QStringLiteral("unknown export format \".%1\": use one of .%2")
                                  .arg(suffix, exportFormats().join(QStringLiteral(", .")));
}

} // namespace

QStringList exportFormats()
{
    return {QStringLiteral("json"), QStringLiteral("csv"), QStringLiteral("html"),
            QStringLiteral("svg"),  QStringLiteral("png"), QStringLiteral("pdf")};
}

bool exportTrace(const ReportInput &input, const QString &path, QString *error, const ExportOptions &options)
{
    if (!input.trace)
        return detail::failWith(error, QStringLiteral("there is no run to export"));
    const auto &trace = *input.trace;
    const QString suffix = QFileInfo(path).suffix().toLower();
    std::function<bool(QIODevice &, QString *)> write;
    if (suffix == QLatin1String("json")) {
        write = [&](QIODevice &device, QString *why) { return writeChromeTrace(input, device, why); };
    } else if (suffix == QLatin1String("csv")) {
        write = [&](QIODevice &device, QString *why) { return writeEventsCsv(trace, device, why); };
    } else if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) {
        write = [&](QIODevice &device, QString *why) { return writeText(device, htmlReport(input, options.html), why); };
    } else if (suffix == QLatin1String("svg")) {
        write = [&](QIODevice &device, QString *why) {
            TimelineSvgOptions svg;
            svg.title = input.title;
            return writeText(device, timelineSvg(trace, svg), why);
        };
    } else if (suffix == QLatin1String("png")) {
        // Checked before the file is created, so that a headless caller gets no empty file.
        if (!canRenderImages(error))
            return false;
        write = [&](QIODevice &device, QString *why) {
            return writeTimelinePng({TimelineSection{&trace, QString()}}, options.pngWidth, input.title, device, why);
        };
    } else if (suffix == QLatin1String("pdf")) {
        if (!canRenderImages(error))
            return false;
        write = [&](QIODevice &device, QString *why) { return writePdfHandout(input, device, why); };
    } else {
        return detail::failWith(error, unknownFormat(path));
    }
    return saveTo(path, write, error);
}

bool exportComparison(const ReportInput &first, const ReportInput &second, const QString &path, QString *error,
                      const ExportOptions &options)
{
    if (!first.trace || !second.trace)
        return detail::failWith(error, QStringLiteral("a comparison needs two runs"));
    const QString suffix = QFileInfo(path).suffix().toLower();
    const std::vector<TimelineSection> sections{{first.trace, QStringLiteral("A: ") + first.title},
                                                {second.trace, QStringLiteral("B: ") + second.title}};
    const QString title = QStringLiteral("%1 vs %2").arg(first.title, second.title);
    std::function<bool(QIODevice &, QString *)> write;
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) {
        write = [&](QIODevice &device, QString *why) {
            return writeText(device, comparisonHtmlReport(first, second, options.html), why);
        };
    } else if (suffix == QLatin1String("svg")) {
        write = [&](QIODevice &device, QString *why) {
            TimelineSvgOptions svg;
            svg.title = title;
            return writeText(device, stackedTimelineSvg(sections, svg), why);
        };
    } else if (suffix == QLatin1String("png")) {
        if (!canRenderImages(error))
            return false;
        write = [&](QIODevice &device, QString *why) {
            return writeTimelinePng(sections, options.pngWidth, title, device, why);
        };
    } else {
        return detail::failWith(error, QStringLiteral("a comparison can be saved as .html, .svg or .png, not \"%1\"")
                                           .arg(QFileInfo(path).fileName()));
    }
    return saveTo(path, write, error);
}

} // namespace coroscope::report
