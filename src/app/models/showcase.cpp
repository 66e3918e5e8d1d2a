// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/showcase.h"

#include "timeline/lane.h"
#include "timeline/timelinemodel.h"

#include <cstdlib>
#include <utility>
#include <vector>

namespace coroscope::app {

using timeline::LaneKind;
using timeline::spanAt;
using timeline::SpanState;

std::optional<ShowcaseMoment> pickShowcaseMoment(const TimelineModel &timeline)
{
    if (!timeline.trace())
        return std::nullopt;
    // A moment when (nearly) the most tasks wait at once, sampled across the run; of such moments
    // the one nearest the middle, so the picture shows both what happened and what is to come.
    const auto start = timeline.startNs();
    const auto end = timeline.endNs();
    const auto lanes = timeline.lanes();
    const qint64 middle = start + (end - start) * 45 / 100;
    std::vector<std::pair<qint64, int>> samples;
    int most = 0;
    for (int i = 1; i < 200; ++i) {
        const qint64 t = start + (end - start) * i / 200;
        int waiting = 0;
        for (const auto *lane : lanes) {
            if (lane->kind != LaneKind::Task)
                continue;
            const auto *span = spanAt(lane->spans, t, end);
            waiting += span && span->state == SpanState::Suspended ? 1 : 0;
        }
        samples.emplace_back(t, waiting);
        most = std::max(most, waiting);
    }
    const int enough = std::max(1, (most * 3 + 3) / 4);
    std::optional<qint64> best;
    for (const auto &[t, waiting] : samples) {
        if (waiting >= enough && (!best || std::llabs(t - middle) < std::llabs(*best - middle)))
            best = t;
    }
    // The first child waiting at that moment is the telling one; a pattern without children
    // shows its root.
    const auto at = best.value_or(middle);
    trace::TaskId task = 0;
    for (const auto *lane : lanes) {
        if (lane->kind != LaneKind::Task)
            continue;
        if (task == 0)
            task = lane->task;
        const auto *span = spanAt(lane->spans, at, end);
        if (lane->parentTask != 0 && span && span->state == SpanState::Suspended) {
            task = lane->task;
            break;
        }
    }
    return ShowcaseMoment{at, task};
}

} // namespace coroscope::app
