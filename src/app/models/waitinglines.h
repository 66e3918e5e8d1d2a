// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"

#include <QMap>
#include <QString>

namespace coroscope::timeline {
class TimelineModel;
}

namespace coroscope::app {

using timeline::TimelineModel;

// Where the code is at one moment: for each line of one source file, how many tasks are
// suspended at a co_await on it, and the line the selected task waits at (0 if it is not waiting
// in that file).
struct WaitingLines {
    QMap<int, int> tasksPerLine;
    int selectedLine = 0;
    QString selectedReason; // "timer: sleep 100 ms"
};

// `fileName` is matched against the file name of each location (the trace records the path the
// pattern was compiled from; the app shows a copy from its resources).
WaitingLines waitingLinesAt(const TimelineModel &model, qint64 timeNs, trace::TaskId selected, const QString &fileName);

} // namespace coroscope::app
