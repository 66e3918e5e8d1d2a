// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/htmlreport.h"
#include "report/reportinput.h"

#include <QString>
#include <QStringList>

namespace coroscope::report {

struct ExportOptions {
    int pngWidth = 1920;
    HtmlReportOptions html;
};

// The file name suffixes exportTrace() understands: json, csv, html, svg, png, pdf.
QStringList exportFormats();

// Writes a run to `path` in the format its suffix names (case-insensitive): .json (Chrome
// trace), .csv (events), .html (report), .svg / .png (timeline), .pdf (handout). The file
// is written through QSaveFile, so a failure never leaves a partial file behind, and an
// existing file is only replaced once the new one is complete. On failure returns false and
// says why in `error`. PNG and PDF need a QGuiApplication.
bool exportTrace(const ReportInput &input, const QString &path, QString *error = nullptr,
                 const ExportOptions &options = {});

// Two runs: .html (comparison report), .svg or .png (both timelines on one axis).
bool exportComparison(const ReportInput &first, const ReportInput &second, const QString &path,
                      QString *error = nullptr, const ExportOptions &options = {});

} // namespace coroscope::report
