// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/semaphore.h"

#include "trace/counters.h"
#include "trace/recorder.h"

#include <atomic>

namespace coroscope::async {
namespace {
std::atomic<int> g_semaphoreNumber{1};
}

SemaphorePermit &SemaphorePermit::operator=(SemaphorePermit &&other) noexcept
{
    if (this != &other) {
        release();
        m_semaphore = std::exchange(other.m_semaphore, nullptr);
    }
    return *this;
}

void SemaphorePermit::release()
{
    if (auto *semaphore = std::exchange(m_semaphore, nullptr))
        semaphore->release();
}

Semaphore::Semaphore(int permits, QString name)
    : m_name(name.isEmpty() ? QStringLiteral("semaphore#%1").arg(g_semaphoreNumber.fetch_add(1)) : std::move(name))
    , m_limit(std::max(1, permits))
{
    if (auto *context = TaskContext::current())
        m_recorder = context->sharedRecorder();
}

Semaphore::~Semaphore()
{
    Q_ASSERT_X(m_waiters.empty(), "Semaphore", "destroyed while tasks wait for it");
}

// classroom::isSemaphoreFull() reads this shape.
QString Semaphore::label() const
{
    return QStringLiteral("%1 (%2/%3 in use)").arg(m_name).arg(m_inUse).arg(m_limit);
}

void Semaphore::setInUse(int inUse)
{
    m_inUse = inUse;
    m_peakInUse = std::max(m_peakInUse, m_inUse);
    if (m_recorder)
        m_recorder->counter(trace::counters::permitsInUse(m_name), m_inUse);
}

Semaphore::Acquire Semaphore::acquire(std::source_location where)
{
    return Acquire(*this, where);
}

void Semaphore::release()
{
    if (!m_waiters.empty()) {
        // Hand the permit over: in-use stays the same and nobody can take it in between.
        auto *next = m_waiters.front();
        m_waiters.pop_front();
        next->m_isQueued = false;
        next->completeLater();
        return;
    }
    setInUse(m_inUse - 1);
}

Semaphore::Acquire::Acquire(Semaphore &semaphore, std::source_location where)
    : Suspension(trace::SuspendReason::Semaphore, semaphore.label(), where)
    , m_semaphore(semaphore)
{
}

void Semaphore::Acquire::start()
{
    if (!m_semaphore.m_recorder && context())
        m_semaphore.m_recorder = context()->sharedRecorder();
    if (m_semaphore.m_inUse < m_semaphore.m_limit && m_semaphore.m_waiters.empty()) {
        m_semaphore.setInUse(m_semaphore.m_inUse + 1);
        complete();
        return;
    }
    m_queued = m_semaphore.m_waiters.insert(m_semaphore.m_waiters.end(), this);
    m_isQueued = true;
}

void Semaphore::Acquire::abort()
{
    // A cancelled wait leaves the queue; it never held a permit.
    if (m_isQueued) {
        m_semaphore.m_waiters.erase(m_queued);
        m_isQueued = false;
    }
}

SemaphorePermit Semaphore::Acquire::await_resume()
{
    Suspension::await_resume();
    return SemaphorePermit(&m_semaphore);
}

} // namespace coroscope::async
