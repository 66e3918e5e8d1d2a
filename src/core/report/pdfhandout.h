// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportinput.h"

#include <QString>

class QIODevice;

namespace coroscope::report {

// A class handout as PDF (A4): page one has the title, status, explanation, parameters,
// summary and timeline; page two the code (C++, then Python if it fits). Long texts are cut
// to fit rather than spilling onto more pages. Needs a QGuiApplication (fonts).
bool writePdfHandout(const ReportInput &input, QIODevice &device, QString *error = nullptr);

} // namespace coroscope::report
