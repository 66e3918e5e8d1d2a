// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"

#include <QString>

#include <array>
#include <memory>
#include <vector>

namespace coroscope::timeline {

enum class LaneKind : quint8 {
    Group, // a heading: "Counters", "Worker threads", "Tasks"
    EventLoop, // the pattern loop's heartbeat: its lag, and the run's own marks
    Task, // one coroutine, nested under the task that spawned it
    Thread, // a thread other than the loop's: which task ran there, when
    Counter, // a value over time, drawn as a step chart
};

enum class SpanState : quint8 {
    Queued, // created, waiting for a thread to start it (thread-pool jobs)
    Running,
    Suspended, // waiting at a co_await; see reason and, once it is over, ending
    Failed, // the last stretch of a task that ended with an error
};
inline constexpr int SpanStateCount = 4;
const char *toString(SpanState state);

// How a wait ended. A wait is drawn in its reason's colour for as long as it lasted, whatever
// ended it: a cancellation is an event at the moment it arrived, not a property of the whole wait.
enum class SpanEnding : quint8 {
    Resumed, // the awaited operation finished (or the span is not a wait, or is still open)
    Cancelled, // a cancellation interrupted it
};

// One interval of a lane. Spans of a lane never overlap and are sorted, so both their starts and
// their ends can be binary searched.
struct Span {
    qint64 startNs = 0;
    qint64 endNs = -1; // -1: still open, it ends at the newest time of the trace
    trace::TaskId task = 0;
    trace::StringId label = 0; // what a suspension waits for ("sleep 100 ms", "GET /users/3")
    trace::LocationId location = 0; // the co_await it waits at
    SpanState state = SpanState::Running;
    trace::SuspendReason reason = trace::SuspendReason::Other;
    SpanEnding ending = SpanEnding::Resumed;

    bool isOpen() const { return endNs < 0; }
    qint64 end(qint64 nowNs) const { return endNs < 0 ? std::max(nowNs, startNs) : endNs; }
};
static_assert(sizeof(Span) == 32);

// State and reason folded into one small key: what a merged pixel column is coloured by.
inline constexpr int SpanKeyCount = SpanStateCount + trace::SuspendReasonCount;
inline int spanKey(const Span &span)
{
    return span.state == SpanState::Suspended ? SpanStateCount + int(span.reason) : int(span.state);
}

// A summary of spanBlockSize(level) consecutive spans of a lane: where they start and end and
// which key covers most of their time. Zoomed far out, a painter reads these instead of every
// span. Only complete runs of closed spans are summarised.
struct SpanBlock {
    qint64 startNs = 0;
    qint64 endNs = 0;
    qint64 coveredNs = 0; // time the dominant key covers
    quint8 key = 0;
};
inline constexpr int spanBlockLevels = 3;
inline constexpr std::size_t spanBlockSize(int level)
{
    return std::size_t(8) << (3 * level); // 8, 64, 512 spans
}

struct CounterPoint {
    qint64 timeNs = 0;
    double value = 0;
};

enum class MarkerKind : quint8 { Started, Finished, Error, Cancelled, Mark };

struct Marker {
    qint64 timeNs = 0;
    trace::StringId label = 0;
    MarkerKind kind = MarkerKind::Mark;
};

// One row of the timeline. Owned by the TimelineModel; views only read it.
struct Lane {
    LaneKind kind = LaneKind::Group;
    Lane *parent = nullptr;
    std::vector<std::unique_ptr<Lane>> children;
    int row = 0; // index in parent->children (or among the top-level lanes)
    QString title;

    trace::TaskId task = 0; // Task lanes
    // A coroutine nobody awaited, which outlived the task that called it: its wait, resumption
    // and end are drawn on a lane of its own under that task (whose id `task` still is), not as
    // the task running on after its end.
    bool neverAwaited = false;
    trace::ThreadIndex thread = 0; // Thread lanes, and the EventLoop lane's thread
    trace::StringId counter = 0; // Counter and EventLoop lanes: the counter's name

    std::vector<Span> spans; // Task and Thread lanes
    std::array<std::vector<SpanBlock>, spanBlockLevels> blocks; // summaries of the spans
    std::size_t blocksValidBelow = 0; // spans from here on may have changed since summarising
    std::vector<CounterPoint> points; // Counter and EventLoop lanes
    std::vector<Marker> markers;
    double maxValue = 0;

    // Task lanes: what the trace says about the task so far.
    trace::TaskId parentTask = 0;
    trace::LocationId spawnLocation = 0;
    qint64 createdNs = -1;
    qint64 startedNs = -1;
    qint64 finishedNs = -1;
    trace::FinishStatus status = trace::FinishStatus::Ok;
    trace::StringId error = 0;
    trace::ThreadIndex createdThread = 0;
    Lane *runningOn = nullptr; // the Thread lane holding this task's open running span

    bool isFinished() const { return finishedNs >= 0; }
};

// Brings `lane.blocks` up to date with its spans.
void summariseSpans(Lane &lane);

// The span covering `timeNs`, or nullptr (between spans, before the first, after the last).
const Span *spanAt(const std::vector<Span> &spans, qint64 timeNs, qint64 nowNs);
// Index of the first span that ends after `timeNs` (spans.size() if none).
std::size_t firstSpanEndingAfter(const std::vector<Span> &spans, qint64 timeNs, qint64 nowNs);
// Index of the last point at or before `timeNs`, or -1.
qsizetype pointAtOrBefore(const std::vector<CounterPoint> &points, qint64 timeNs);

} // namespace coroscope::timeline
