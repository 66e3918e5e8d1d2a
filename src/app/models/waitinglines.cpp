// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/waitinglines.h"

#include "timeline/timelinemodel.h"
#include "timeline/timelinepalette.h"

#include <QFileInfo>

namespace coroscope::app {

using timeline::LaneKind;
using timeline::reasonTitle;
using timeline::spanAt;
using timeline::SpanState;

WaitingLines waitingLinesAt(const TimelineModel &model, qint64 timeNs, trace::TaskId selected, const QString &fileName)
{
    WaitingLines result;
    const auto *trace = model.trace();
    if (!trace || fileName.isEmpty())
        return result;
    // Locations repeat across thousands of tasks: resolve each one once.
    QHash<trace::LocationId, int> lineOf;
    auto lineFor = [&](trace::LocationId id) {
        const auto it = lineOf.constFind(id);
        if (it != lineOf.cend())
            return *it;
        const auto where = trace->location(id);
        const int line = where.isValid() && QFileInfo(where.file).fileName() == fileName ? where.line : 0;
        lineOf.insert(id, line);
        return line;
    };
    for (const auto *lane : model.lanes()) {
        if (lane->kind != LaneKind::Task)
            continue;
        const auto *span = spanAt(lane->spans, timeNs, model.endNs());
        // At the newest moment of a live run, open spans have not ended yet.
        if (!span && !lane->spans.empty() && lane->spans.back().isOpen() && timeNs >= lane->spans.back().startNs)
            span = &lane->spans.back();
        if (!span || span->location == 0 || span->state != SpanState::Suspended)
            continue;
        const int line = lineFor(span->location);
        if (line <= 0)
            continue;
        ++result.tasksPerLine[line];
        if (lane->task == selected) {
            result.selectedLine = line;
            const auto label = trace->string(span->label);
            result.selectedReason = reasonTitle(span->reason)
                                    + (label.isEmpty() ? QString() : QStringLiteral(": ") + label);
        }
    }
    return result;
}

} // namespace coroscope::app
