// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/trace.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <optional>
#include <vector>

namespace coroscope::classroom {

// One sentence about one event, saying what happened and why: "get_orders resumed: GET /orders
// answered after 201 ms".
struct Caption {
    qint64 timeNs = 0; // the event's time on the run's clock
    trace::TaskId task = 0; // 0 for the run and the event loop
    qsizetype event = -1; // the event's index in the trace
    QString text;
};
using Transcript = std::vector<Caption>;

// A loop lag above this means the loop was blocked, and is worth a caption; below it the
// heartbeat's samples are noise for a class.
inline constexpr double blockedLoopMs = 20;

// Captions events one by one, in time order, remembering what each task waits for: what a live
// view or `coroscope run --narrate` needs. The trace only has to hold the event and what came
// before it.
class Narrator
{
public:
    explicit Narrator(const trace::Trace &trace)
        : m_trace(trace)
    {
    }

    // The caption of events()[index]; nullopt for an event not worth a sentence (a counter that did
    // not change, the loop heartbeat when the loop is free).
    std::optional<Caption> next(qsizetype index);

private:
    struct Wait {
        qint64 sinceNs = -1;
        trace::SuspendReason reason = trace::SuspendReason::Other;
        QString resource;
    };
    // A stretch in which a task ran without suspending: what a blocked loop is blamed on.
    struct Stretch {
        trace::TaskId task = 0;
        qint64 fromNs = 0;
        qint64 toNs = 0;
        int line = 0;
    };
    QString taskName(trace::TaskId task) const;
    QString atLine(trace::LocationId location) const;
    QString suspendedText(const trace::Event &event) const;
    QString resumedText(const trace::Event &event, const Wait &wait) const;
    QString finishedText(const trace::Event &event) const;
    QString markText(const trace::Event &event);
    std::optional<QString> counterText(const trace::Event &event);

    const trace::Trace &m_trace;
    QHash<trace::TaskId, Wait> m_waits;
    QHash<trace::TaskId, qint64> m_runningSince;
    QHash<trace::StringId, double> m_counters;
    QSet<trace::TaskId> m_cancelling; // a deadline cut their waits short: they resume to cancel
    Stretch m_longestRecent;
};

// Whether a mark is a deadline expiring: the text async/timeout.cpp marks it with.
bool isTimeoutMark(const QString &text);

// Whether a semaphore wait's label says every permit was in use: a real wait, not a permit taken
// on the way (async/semaphore.cpp labels both).
bool isSemaphoreFull(const QString &resource);

// Every caption of a trace, in time order.
Transcript narrate(const trace::Trace &trace);

} // namespace coroscope::classroom
