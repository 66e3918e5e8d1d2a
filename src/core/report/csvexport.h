// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QIODevice;

namespace coroscope::trace {
class Trace;
}

namespace coroscope::report {

// One row per event (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a
// quote or a line break) under the header
// time_ns,task_id,task_name,parent_id,event,detail,label,file,line,thread,value
// `detail` is the suspension reason or the finish status; `value` is set for counters.
bool writeEventsCsv(const trace::Trace &trace, QIODevice &device, QString *error = nullptr);

// A field as it must appear in a CSV line.
QString csvField(const QString &text);

} // namespace coroscope::report
