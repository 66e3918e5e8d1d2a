// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/export/exportdialog.h"

#include "report/timelineimage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QStandardPaths>

#include <utility>

namespace coroscope::app {
namespace {

constexpr int slideWidth = 3840;

QString describeFormat(const QString &suffix)
{
    static const std::pair<const char *, const char *> formats[] = {
        {"html", QT_TRANSLATE_NOOP("ExportDialog", "HTML report")},
        {"svg", QT_TRANSLATE_NOOP("ExportDialog", "SVG timeline")},
        {"png", QT_TRANSLATE_NOOP("ExportDialog", "PNG image")},
        {"pdf", QT_TRANSLATE_NOOP("ExportDialog", "PDF handout")},
        {"json", QT_TRANSLATE_NOOP("ExportDialog", "Chrome trace JSON, opens in Perfetto")},
        {"csv", QT_TRANSLATE_NOOP("ExportDialog", "CSV, one row per event")},
    };
    for (const auto &[known, description] : formats) {
        if (suffix == QLatin1String(known))
            return QCoreApplication::translate("ExportDialog", description);
    }
    return suffix.toUpper();
}

} // namespace

QString defaultExportFolder()
{
    const auto documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return documents.isEmpty() ? QDir::homePath() : documents;
}

QString exportFilter(const QString &suffix)
{
    return QStringLiteral("%1 (*.%2)").arg(describeFormat(suffix), suffix);
}

std::optional<ExportTarget> askExportTarget(QWidget *parent, const QString &caption, const QString &suggestedPath,
                                            const QStringList &suffixes)
{
    QStringList filters;
    for (const auto &suffix : suffixes)
        filters.append(exportFilter(suffix));
    // Qt's own dialog: it behaves the same on every desktop, and tests can drive it.
    QFileDialog dialog(parent, caption, suggestedPath);
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setNameFilters(filters);
    const auto suggestedSuffix = QFileInfo(suggestedPath).suffix();
    if (const auto index = suffixes.indexOf(suggestedSuffix); index >= 0)
        dialog.selectNameFilter(filters.at(index));
    dialog.setDefaultSuffix(suggestedSuffix);
    // A name typed without an extension gets the one of the chosen format.
    QObject::connect(&dialog, &QFileDialog::filterSelected, &dialog, [&](const QString &filter) {
        if (const auto index = filters.indexOf(filter); index >= 0)
            dialog.setDefaultSuffix(suffixes.at(index));
    });
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return std::nullopt;
    ExportTarget target;
    target.path = dialog.selectedFiles().constFirst();
    if (QFileInfo(target.path).suffix().compare(QLatin1String("png"), Qt::CaseInsensitive) == 0) {
        bool ok = false;
        const int width = QInputDialog::getInt(
            parent, QCoreApplication::translate("ExportDialog", "PNG width"),
            QCoreApplication::translate("ExportDialog", "Width in pixels (%1 for slides):").arg(slideWidth),
            target.options.pngWidth, 600, report::MaxImageWidth, 10, &ok);
        if (!ok)
            return std::nullopt;
        target.options.pngWidth = width;
    }
    return target;
}

} // namespace coroscope::app
