// SPDX-License-Identifier: GPL-3.0-or-later
#include "trace/recorder.h"

#include "trace/trace.h"

#include <QThread>

#include <algorithm>
#include <cstring>

namespace coroscope::trace {
namespace {

std::atomic<quint64> g_nextGeneration{1};

// Looks `key` up in this thread's cache first; only a miss takes the lock of the shared table,
// which gives a new key the next id.
template<typename Key, typename Id, typename Table>
Id internThroughCache(QHash<Key, Id> &known, std::mutex &mutex, QHash<Key, Id> &ids, Table &table, const Key &key)
{
    if (const auto it = known.constFind(key); it != known.cend())
        return *it;
    Id id = 0;
    {
        std::lock_guard lock(mutex);
        if (const auto it = ids.constFind(key); it != ids.cend()) {
            id = *it;
        } else {
            id = Id(table.size());
            table.push_back(key);
            ids.insert(key, id);
        }
    }
    known.insert(key, id);
    return id;
}

} // namespace

constinit thread_local Recorder::ThreadCache Recorder::t_cache;

Recorder::Recorder()
    : m_generation(g_nextGeneration.fetch_add(1, std::memory_order_relaxed))
    , m_startTicks(TickClock::ticks())
    , m_nsPerTick(TickClock::nanosecondsPerTick())
{
    m_strings.append(QString());
    m_stringIds.insert(QString(), 0);
    m_locations.push_back(LocationKey{nullptr, nullptr, 0});
}

Recorder::~Recorder() = default;

StringId Recorder::intern(const QString &text)
{
    if (text.isEmpty())
        return 0;
    return internThroughCache(threadLog().knownStrings, m_tablesMutex, m_stringIds, m_strings, text);
}

LocationId Recorder::intern(const std::source_location &location)
{
    if (location.line() == 0)
        return 0;
    // The build maps the source tree to "" (-fmacro-prefix-map); a compiler cache that rewrites
    // paths relative to the build folder leaves "../../src/...": both become "src/...".
    const char *file = location.file_name();
    while (std::strncmp(file, "../", 3) == 0)
        file += 3;
    const LocationKey key{file, location.function_name(), location.line()};
    return internThroughCache(threadLog().knownLocations, m_tablesMutex, m_locationIds, m_locations, key);
}

Recorder::ThreadLog &Recorder::registerThread()
{
    std::lock_guard lock(m_threadsMutex);
    const auto self = std::this_thread::get_id();
    auto it = std::find_if(m_threads.begin(), m_threads.end(), [&](const auto &log) { return log->owner == self; });
    if (it == m_threads.end()) {
        auto log = std::make_unique<ThreadLog>();
        log->owner = self;
        log->index = ThreadIndex(m_threads.size());
        const auto *thread = QThread::currentThread();
        log->name = thread && !thread->objectName().isEmpty() ? thread->objectName()
                    : log->index == 0                         ? QStringLiteral("main")
                                                              : QStringLiteral("thread %1").arg(log->index);
        m_threads.push_back(std::move(log));
        it = m_threads.end() - 1;
    }
    t_cache = ThreadCache{m_generation, it->get()};
    return **it;
}

void Recorder::recordAt(qint64 timeNs, EventKind kind, TaskId task, StringId label, LocationId location, quint8 detail,
                        double value)
{
    auto &log = threadLog();
    log.events.push(Event{-std::max<qint64>(timeNs, 0) - 1, value, task, label, location, log.index, kind, detail});
}

void Recorder::created(TaskId task, TaskId parent, const QString &name, const std::source_location &where)
{
    record(EventKind::Created, task, intern(name), intern(where), 0, double(parent));
}

void Recorder::suspended(TaskId task, SuspendReason reason, const QString &resource, const std::source_location &where)
{
    record(EventKind::Suspended, task, intern(resource), intern(where), quint8(reason));
}

void Recorder::finished(TaskId task, FinishStatus status, const QString &message)
{
    record(EventKind::Finished, task, intern(message), 0, quint8(status));
}

void Recorder::counter(const QString &name, double value)
{
    record(EventKind::Counter, 0, intern(name), 0, 0, value);
}

void Recorder::mark(TaskId task, const QString &text)
{
    record(EventKind::Mark, task, intern(text));
}

Recorder::Drained Recorder::drainInto(Trace &trace)
{
    // Events first, then the tables: every id in a taken event was interned before the event was
    // recorded, so the tables read afterwards hold it. (Tables first lost strings interned
    // between the two steps: their events came with ids past the translation.) The trace may
    // already hold other strings (or merge equal locations from different translation units),
    // so ids are translated rather than assumed equal.
    m_drainScratch.clear();
    {
        std::lock_guard lock(m_threadsMutex);
        for (const auto &log : m_threads)
            trace.setThreadName(log->index, log->name);
        for (const auto &log : m_threads)
            log->events.takeAll(m_drainScratch);
    }
    {
        std::lock_guard lock(m_tablesMutex);
        for (auto i = qsizetype(m_stringRemap.size()); i < m_strings.size(); ++i)
            m_stringRemap.push_back(trace.addString(m_strings.at(i)));
        for (auto i = m_locationRemap.size(); i < m_locations.size(); ++i) {
            const auto &key = m_locations[i];
            m_locationRemap.push_back(i == 0
                                          ? 0
                                          : trace.addLocation(Location{QString::fromUtf8(key.file),
                                                                       QString::fromUtf8(key.function), int(key.line)}));
        }
    }
    for (auto &event : m_drainScratch) {
        event.timeNs = event.timeNs < 0 ? -(event.timeNs + 1) : qint64(double(event.timeNs) * m_nsPerTick);
        event.label = m_stringRemap[event.label];
        event.location = m_locationRemap[event.location];
    }
    std::stable_sort(m_drainScratch.begin(), m_drainScratch.end(),
                     [](const Event &a, const Event &b) { return a.timeNs < b.timeNs; });
    const auto firstChanged = trace.append(m_drainScratch);
    return Drained{qsizetype(m_drainScratch.size()), firstChanged};
}

} // namespace coroscope::trace
