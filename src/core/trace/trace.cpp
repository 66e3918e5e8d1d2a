// SPDX-License-Identifier: GPL-3.0-or-later
#include "trace/trace.h"

#include <algorithm>

namespace coroscope::trace {

Trace::Trace()
{
    clear();
}

void Trace::clear()
{
    m_events.clear();
    m_tasks.clear();
    m_taskIndex.clear();
    m_strings = QStringList{QString()};
    m_stringIds = {{QString(), 0}};
    m_locations = {Location{}};
    m_threadNames.clear();
    m_counterNames.clear();
}

const TaskInfo *Trace::task(TaskId id) const
{
    const auto it = m_taskIndex.constFind(id);
    return it == m_taskIndex.cend() ? nullptr : &m_tasks[std::size_t(*it)];
}

QString Trace::string(StringId id) const
{
    return id < StringId(m_strings.size()) ? m_strings.at(id) : QString();
}

Location Trace::location(LocationId id) const
{
    return id < m_locations.size() ? m_locations[id] : Location{};
}

QString Trace::threadName(ThreadIndex index) const
{
    return index < m_threadNames.size() ? m_threadNames.at(index) : QStringLiteral("thread %1").arg(index);
}

qint64 Trace::startNs() const
{
    return m_events.empty() ? 0 : m_events.front().timeNs;
}

qint64 Trace::endNs() const
{
    return m_events.empty() ? 0 : m_events.back().timeNs;
}

StringId Trace::addString(const QString &text)
{
    const auto it = m_stringIds.constFind(text);
    if (it != m_stringIds.cend())
        return *it;
    const auto id = StringId(m_strings.size());
    m_strings.append(text);
    m_stringIds.insert(text, id);
    return id;
}

LocationId Trace::addLocation(const Location &location)
{
    const auto it = std::find(m_locations.begin(), m_locations.end(), location);
    if (it != m_locations.end())
        return LocationId(it - m_locations.begin());
    m_locations.push_back(location);
    return LocationId(m_locations.size() - 1);
}

ThreadIndex Trace::addThread(const QString &name)
{
    m_threadNames.append(name);
    return ThreadIndex(m_threadNames.size() - 1);
}

void Trace::setThreadName(ThreadIndex index, const QString &name)
{
    while (m_threadNames.size() <= index)
        m_threadNames.append(QStringLiteral("thread %1").arg(m_threadNames.size()));
    m_threadNames[index] = name;
}

void Trace::shiftTimes(qint64 deltaNs)
{
    for (auto &event : m_events)
        event.timeNs += deltaNs;
    for (auto &task : m_tasks) {
        task.createdNs += deltaNs;
        if (task.finishedNs >= 0)
            task.finishedNs += deltaNs;
    }
}

qsizetype Trace::append(std::span<const Event> events)
{
    const auto firstNew = m_events.size();
    auto firstChanged = qsizetype(firstNew);
    m_events.insert(m_events.end(), events.begin(), events.end());
    // Batches from different threads interleave slightly; keep the whole trace in time order.
    if (firstNew > 0 && !events.empty() && events.front().timeNs < m_events[firstNew - 1].timeNs) {
        const auto from = std::upper_bound(m_events.begin(), m_events.begin() + qsizetype(firstNew),
                                           events.front().timeNs, [](qint64 t, const Event &e) { return t < e.timeNs; });
        std::stable_sort(from, m_events.end(), [](const Event &a, const Event &b) { return a.timeNs < b.timeNs; });
        firstChanged = from - m_events.begin();
    }
    for (const auto &event : events)
        index(event);
    return firstChanged;
}

void Trace::index(const Event &event)
{
    switch (event.kind) {
    case EventKind::Created:
        if (!m_taskIndex.contains(event.task)) {
            m_taskIndex.insert(event.task, qsizetype(m_tasks.size()));
            m_tasks.push_back(TaskInfo{event.task, TaskId(event.value), event.label, event.location, event.timeNs});
        }
        break;
    case EventKind::Finished:
        if (const auto it = m_taskIndex.constFind(event.task); it != m_taskIndex.cend()) {
            auto &info = m_tasks[std::size_t(*it)];
            info.finishedNs = event.timeNs;
            info.status = event.status();
            info.error = event.label;
        }
        break;
    case EventKind::Counter:
        if (std::find(m_counterNames.begin(), m_counterNames.end(), event.label) == m_counterNames.end())
            m_counterNames.push_back(event.label);
        break;
    default: break;
    }
}

} // namespace coroscope::trace
