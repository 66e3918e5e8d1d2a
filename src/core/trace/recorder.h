// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"
#include "trace/eventlog.h"
#include "trace/tickclock.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <mutex>
#include <source_location>
#include <thread>
#include <vector>

namespace coroscope::trace {

class Trace;

// Records events from any thread. Each thread appends to its own single-producer log, so
// recording takes no lock and recorders on different threads never wait for each other;
// drainInto() collects the logs in batches for the live view without stopping recorders.
// Interning strings and locations is the only shared step.
class Recorder
{
public:
    Recorder();
    ~Recorder();
    Recorder(const Recorder &) = delete;
    Recorder &operator=(const Recorder &) = delete;

    // Nanoseconds since this recorder was created.
    qint64 now() const { return qint64(double(TickClock::ticks() - m_startTicks) * m_nsPerTick); }

    StringId intern(const QString &text);
    LocationId intern(const std::source_location &location);
    TaskId newTaskId() { return m_nextTaskId.fetch_add(1, std::memory_order_relaxed); }

    // Inline: this is the path of every await, and a call, a lock or a guard here is a
    // measurable share of its cost (coroscope-bench BM_RecordEvent).
    void record(EventKind kind, TaskId task, StringId label = 0, LocationId location = 0, quint8 detail = 0,
                double value = 0)
    {
        const auto ticks = TickClock::ticks() - m_startTicks;
        auto &log = threadLog();
        log.events.push(Event{ticks, value, task, label, location, log.index, kind, detail});
    }

    // Records an event at a given time (>= 0 ns since the start): for traces built by hand.
    void recordAt(qint64 timeNs, EventKind kind, TaskId task, StringId label = 0, LocationId location = 0,
                  quint8 detail = 0, double value = 0);

    void created(TaskId task, TaskId parent, const QString &name, const std::source_location &where);
    void suspended(TaskId task, SuspendReason reason, const QString &resource, const std::source_location &where);
    void finished(TaskId task, FinishStatus status, const QString &message = {});
    void counter(const QString &name, double value);
    void mark(TaskId task, const QString &text);

    struct Drained {
        qsizetype added = 0;
        qsizetype firstChanged = 0; // events from here on are new or moved
    };
    // Moves every event recorded since the last drain into `trace` (with the strings,
    // locations and threads they use) in time order. Always drain into the same trace,
    // from one thread at a time.
    Drained drainInto(Trace &trace);

private:
    struct LocationKey {
        const char *file;
        const char *function;
        quint32 line;
        friend bool operator==(const LocationKey &, const LocationKey &) = default;
    };
    friend size_t qHash(const LocationKey &key, size_t seed) noexcept
    {
        return qHashMulti(seed, quintptr(key.file), quintptr(key.function), key.line);
    }

    struct ThreadLog {
        EventLog events;
        std::thread::id owner;
        ThreadIndex index = 0;
        QString name;
        // This thread's copy of the ids it has interned: a suspension's label and location are
        // almost always ones seen before, and finding them here takes no lock.
        QHash<QString, StringId> knownStrings;
        QHash<LocationKey, LocationId> knownLocations;
    };
    // Which log this thread writes to; re-resolved when a different recorder records here.
    struct ThreadCache {
        quint64 generation = 0;
        ThreadLog *log = nullptr;
    };
    static constinit thread_local ThreadCache t_cache;

    ThreadLog &threadLog()
    {
        if (t_cache.generation == m_generation) [[likely]]
            return *t_cache.log;
        return registerThread();
    }
    ThreadLog &registerThread();

    const quint64 m_generation;
    // Until drained, events hold raw ticks since m_startTicks, or, from recordAt(), -(ns + 1).
    qint64 m_startTicks;
    double m_nsPerTick;
    std::atomic<TaskId> m_nextTaskId{1};

    std::mutex m_tablesMutex;
    QHash<QString, StringId> m_stringIds;
    QStringList m_strings;
    QHash<LocationKey, LocationId> m_locationIds;
    std::vector<LocationKey> m_locations;

    std::mutex m_threadsMutex;
    std::vector<std::unique_ptr<ThreadLog>> m_threads;

    // Drain bookkeeping: recorder id -> id in the trace being filled.
    std::vector<StringId> m_stringRemap;
    std::vector<LocationId> m_locationRemap;
    std::vector<Event> m_drainScratch;
};

} // namespace coroscope::trace
