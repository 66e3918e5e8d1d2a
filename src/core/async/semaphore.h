// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/suspension.h"

#include <QString>

#include <list>
#include <memory>
#include <source_location>

namespace coroscope::trace {
class Recorder;
}

namespace coroscope::async {

class Semaphore;

// A held permit; giving it back is the destructor's job, like leaving `async with semaphore:`.
class [[nodiscard]] SemaphorePermit
{
public:
    SemaphorePermit() = default;
    explicit SemaphorePermit(Semaphore *semaphore)
        : m_semaphore(semaphore)
    {
    }
    SemaphorePermit(SemaphorePermit &&other) noexcept
        : m_semaphore(std::exchange(other.m_semaphore, nullptr))
    {
    }
    SemaphorePermit &operator=(SemaphorePermit &&other) noexcept;
    ~SemaphorePermit() { release(); }

    void release();
    bool holds() const { return m_semaphore != nullptr; }

private:
    Semaphore *m_semaphore = nullptr;
};

// asyncio.Semaphore, but fair: permits go to waiters strictly first come, first served, and a
// released permit is handed straight to the next waiter so no newcomer can barge in.
// Waiting is a recorded suspension; permits in use are a counter on the timeline.
class Semaphore
{
public:
    explicit Semaphore(int permits, QString name = {});
    ~Semaphore();
    Semaphore(const Semaphore &) = delete;
    Semaphore &operator=(const Semaphore &) = delete;

    class Acquire final : public Suspension
    {
    public:
        Acquire(Semaphore &semaphore, std::source_location where);
        Acquire(Acquire &&) noexcept = default;
        SemaphorePermit await_resume();

    private:
        friend class Semaphore;
        void start() override;
        void abort() override;

        Semaphore &m_semaphore;
        std::list<Acquire *>::iterator m_queued;
        bool m_isQueued = false;
    };

    // co_await semaphore.acquire() -> SemaphorePermit
    [[nodiscard]] Acquire acquire(std::source_location where = std::source_location::current());

    int limit() const { return m_limit; }
    int inUse() const { return m_inUse; }
    int peakInUse() const { return m_peakInUse; }
    std::size_t waiting() const { return m_waiters.size(); }
    const QString &name() const { return m_name; }

private:
    friend class SemaphorePermit;
    void release();
    void setInUse(int inUse);
    QString label() const;

    QString m_name;
    int m_limit;
    int m_inUse = 0;
    int m_peakInUse = 0;
    std::list<Acquire *> m_waiters;
    std::shared_ptr<trace::Recorder> m_recorder;
};

} // namespace coroscope::async
