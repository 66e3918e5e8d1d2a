// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/deadlinescheduler.h"

#include <memory>

namespace coroscope::async {

DeadlineScheduler &DeadlineScheduler::current()
{
    thread_local std::unique_ptr<DeadlineScheduler> scheduler{new DeadlineScheduler};
    return *scheduler;
}

DeadlineScheduler::DeadlineScheduler()
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &DeadlineScheduler::fire);
}

DeadlineScheduler::Handle DeadlineScheduler::schedule(Clock::time_point deadline, std::function<void()> fn)
{
    const bool earliest = m_entries.empty() || deadline < m_entries.begin()->first;
    auto handle = m_entries.emplace(deadline, std::move(fn));
    if (earliest)
        rearm();
    return handle;
}

void DeadlineScheduler::cancel(Handle handle)
{
    const bool wasFirst = handle == m_entries.begin();
    m_entries.erase(handle);
    if (wasFirst)
        rearm();
}

void DeadlineScheduler::fire()
{
    const auto now = Clock::now();
    // Callbacks may schedule or cancel other deadlines: take each due entry out before calling it.
    while (!m_entries.empty() && m_entries.begin()->first <= now) {
        auto node = m_entries.extract(m_entries.begin());
        node.mapped()();
    }
    rearm();
}

void DeadlineScheduler::rearm()
{
    if (m_entries.empty()) {
        m_timer.stop();
        return;
    }
    using namespace std::chrono;
    const auto wait = ceil<milliseconds>(m_entries.begin()->first - Clock::now());
    m_timer.start(std::max(wait, milliseconds(0)));
}

} // namespace coroscope::async
