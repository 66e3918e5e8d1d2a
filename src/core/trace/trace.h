// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <span>
#include <vector>

namespace coroscope::trace {

struct Location {
    QString file;
    QString function;
    int line = 0;

    bool isValid() const { return line > 0; }
    friend bool operator==(const Location &, const Location &) = default;
};

struct TaskInfo {
    TaskId id = 0;
    TaskId parent = 0;
    StringId name = 0;
    LocationId location = 0;
    qint64 createdNs = 0;
    qint64 finishedNs = -1; // -1 while running
    FinishStatus status = FinishStatus::Ok;
    StringId error = 0;
};

// A recorded (or imported) run: events in time order plus the tables their ids point into.
// A plain value: the app keeps several (live run, history, comparison) and copies are cheap enough.
class Trace
{
public:
    Trace();

    const std::vector<Event> &events() const { return m_events; }
    const std::vector<TaskInfo> &tasks() const { return m_tasks; }
    // nullptr when no task has that id.
    const TaskInfo *task(TaskId id) const;

    QString string(StringId id) const;
    Location location(LocationId id) const;
    QString threadName(ThreadIndex index) const;
    int threadCount() const { return int(m_threadNames.size()); }
    int stringCount() const { return int(m_strings.size()); }
    int locationCount() const { return int(m_locations.size()); }
    // Names of every counter that appears in the trace, in order of first appearance.
    const std::vector<StringId> &counterNames() const { return m_counterNames; }

    qint64 startNs() const;
    qint64 endNs() const;
    qint64 durationNs() const { return endNs() - startNs(); }

    // Building: used by the recorder's drain and by importers. Ids given to append()
    // must already exist in the tables.
    StringId addString(const QString &text);
    LocationId addLocation(const Location &location);
    ThreadIndex addThread(const QString &name);
    void setThreadName(ThreadIndex index, const QString &name);
    // Returns the index of the first event that is new or moved: batches from different
    // threads can reach back a little in time, and the trace stays sorted.
    qsizetype append(std::span<const Event> events);
    void clear();
    // Moves every time by `deltaNs`: runs recorded apart can then share one time axis.
    void shiftTimes(qint64 deltaNs);

private:
    void index(const Event &event);

    std::vector<Event> m_events;
    std::vector<TaskInfo> m_tasks;
    QHash<TaskId, qsizetype> m_taskIndex;
    QStringList m_strings;
    QHash<QString, StringId> m_stringIds;
    std::vector<Location> m_locations;
    QStringList m_threadNames;
    std::vector<StringId> m_counterNames;
};

} // namespace coroscope::trace
