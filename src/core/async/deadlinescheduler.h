// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>
#include <map>

namespace coroscope::async {

// One timer per thread for every sleep and timeout on it. A QTimer per pending task stops
// scaling past ~10k tasks; a sorted map of deadlines and one re-armed QTimer does not.
class DeadlineScheduler : public QObject
{
    Q_OBJECT
public:
    using Clock = std::chrono::steady_clock;
    using Entries = std::multimap<Clock::time_point, std::function<void()>>;
    using Handle = Entries::iterator;

    static DeadlineScheduler &current();

    // Calls `fn` on this thread once `deadline` has passed.
    Handle schedule(Clock::time_point deadline, std::function<void()> fn);
    // Forgets a deadline that has not fired yet.
    void cancel(Handle handle);
    std::size_t pending() const { return m_entries.size(); }

private:
    DeadlineScheduler();
    void fire();
    void rearm();

    QTimer m_timer;
    Entries m_entries;
};

} // namespace coroscope::async
