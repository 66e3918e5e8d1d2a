// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/reportinput.h"

#include <QString>

class QIODevice;

namespace coroscope::report {

// Writes a run as Chrome Trace Event Format JSON (JSON Object Format), which Perfetto and
// chrome://tracing open: one thread track per task (tid = task id, children sorted under
// their parents), the task's life as a complete slice with its suspensions nested inside,
// marks as instants and every counter as a counter track. Timestamps are microseconds.
// The file also carries the run losslessly (tables and events) under the "coroscope" key,
// so importChromeTrace() reads back exactly what was written.
bool writeChromeTrace(const ReportInput &input, QIODevice &device, QString *error = nullptr);

} // namespace coroscope::report
