// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QVariantMap>

namespace coroscope::trace {
class Trace;
}

namespace coroscope::report {

// Everything a report or an export says about one run. Only `trace` is required; every text
// here may come from a user or a run, so every exporter escapes all of it.
struct ReportInput {
    QString title; // "gather: the dashboard in parallel"
    QString patternId; // "gather"
    QString explanation; // plain text; blank lines separate paragraphs
    QString whatToLookFor; // plain text
    QVariantMap parameters;
    QString code; // the C++ that ran
    QString pythonCode; // its Python twin
    QString status; // "ok", "error: orders down", ...
    QDateTime startedAt;
    const trace::Trace *trace = nullptr;
};

} // namespace coroscope::report
