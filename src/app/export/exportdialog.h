// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/exporter.h"

#include <QString>
#include <QStringList>

#include <optional>

class QWidget;

namespace coroscope::app {

struct ExportTarget {
    QString path;
    report::ExportOptions options;
};

// Asks where to write an export, in one of `suffixes` (report::exportFormats() names them),
// and for a PNG how wide it should be. nullopt when the user cancels.
std::optional<ExportTarget> askExportTarget(QWidget *parent, const QString &caption, const QString &suggestedPath,
                                            const QStringList &suffixes);

// Where the first export of a session is suggested: Documents, or home without one.
QString defaultExportFolder();

// "HTML report (*.html)" for "html".
QString exportFilter(const QString &suffix);

} // namespace coroscope::app
