// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtGlobal>

#include <cstdint>

namespace coroscope::trace {

// 0 is "no task": events recorded outside any traced coroutine (the runner, the loop heartbeat).
using TaskId = quint32;
// Index into a StringTable; 0 is the empty string.
using StringId = quint32;
// Index into a LocationTable; 0 is "unknown location".
using LocationId = quint32;
// Small per-trace index of the OS thread an event happened on (0 = the thread that started the run).
using ThreadIndex = quint16;

enum class EventKind : quint8 {
    Created, // value = parent task id, label = task name, location = where it was spawned
    Started,
    Suspended, // detail = SuspendReason, label = resource, location = the co_await
    Resumed,
    Finished, // detail = FinishStatus, label = error message (if any)
    Mark, // an instant: label = text
    Counter, // label = counter name, value = new value
};

enum class SuspendReason : quint8 {
    Network,
    Database,
    Timer,
    Semaphore,
    ThreadPool,
    ChildJoin,
    Other,
};
inline constexpr int SuspendReasonCount = 7;

enum class FinishStatus : quint8 {
    Ok,
    Error,
    Cancelled,
};

// One recorded event: 32 bytes, so a million of them fit in 32 MB. Strings are interned.
struct Event {
    qint64 timeNs = 0; // monotonic, relative to the start of the recording
    double value = 0;
    TaskId task = 0;
    StringId label = 0;
    LocationId location = 0;
    ThreadIndex thread = 0;
    EventKind kind = EventKind::Mark;
    quint8 detail = 0;

    SuspendReason reason() const { return static_cast<SuspendReason>(detail); }
    FinishStatus status() const { return static_cast<FinishStatus>(detail); }
};
static_assert(sizeof(Event) == 32, "keep events compact: a live view holds millions");

const char *toString(EventKind kind);
const char *toString(SuspendReason reason);
const char *toString(FinishStatus status);
// The reason of a suspension or the status of a finish, as text; empty for other events.
QString detailText(const Event &event);
// Parses the names toString() produces; returns false for anything else.
bool fromString(const QString &text, EventKind &kind);
bool fromString(const QString &text, SuspendReason &reason);
bool fromString(const QString &text, FinishStatus &status);

} // namespace coroscope::trace
