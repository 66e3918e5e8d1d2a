// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/errors.h"
#include "async/taskcontext.h"
#include "trace/event.h"

#include <QString>

#include <coroutine>
#include <exception>
#include <memory>
#include <source_location>

namespace coroscope::async {

class ThreadAnchor;

// Toolkit awaits of the calling thread that have suspended and not yet resumed, plus thread-pool
// jobs not yet reported back: a run's thread may only end when this is zero, or those
// coroutine frames would never be resumed (and leak).
int pendingAwaits();
namespace detail {
void awaitStarted();
void awaitEnded();
} // namespace detail

// The part every toolkit awaitable shares. It records the suspension (reason, resource, the
// line of the co_await) and the resumption, listens for cancellation of the awaiting task, and
// makes sure the coroutine is resumed exactly once: by the operation completing, or by a
// cancellation, whichever comes first. A cancelled await throws CancelledError at the co_await.
//
// Subclasses start their operation in start(), call complete()/fail() when it ends, and stop it
// in abort(). All of it happens on the awaiting coroutine's thread.
class Suspension : public CancelListener
{
public:
    Suspension(trace::SuspendReason reason, QString resource, std::source_location where);
    Suspension(const Suspension &) = delete;
    Suspension &operator=(const Suspension &) = delete;
    // GCC materialises the awaiter from await_transform's result by moving it, so awaiters must
    // be movable until they start; nothing points at them before then.
    Suspension(Suspension &&other) noexcept;
    Suspension &operator=(Suspension &&) = delete;

    bool await_ready();
    bool await_suspend(std::coroutine_handle<> awaiting);
    // Throws what ended the wait, if anything did; subclasses return their result after it.
    void await_resume();

    const QString &resource() const { return m_resource; }

protected:
    ~Suspension() = default;

    // Begin the operation; may call complete() or fail() synchronously.
    virtual void start() = 0;
    // Stop the operation after a cancellation won. It must not resume anything.
    virtual void abort() {}

    // Called by the operation. Returns false (and does nothing) when a cancellation came first.
    bool complete();
    bool fail(std::exception_ptr error);
    // Like complete(), but resumes from the event loop instead of this call stack.
    bool completeLater();
    // Ends the wait with CancelledError now; for awaitables that finish cancelling themselves.
    bool cancelNow(const QString &reason);

    void cancelRequested(const QString &reason) override;
    void scopeDestroyed() override { m_scope = nullptr; }
    // Whether a co_await in an already-cancelled task throws at once (the default) or still
    // starts, for awaitables that must finish cancelling what they wait for.
    virtual bool throwsIfAlreadyCancelled() const { return true; }
    bool isSettled() const { return m_settled; }
    TaskContext *context() const { return m_context; }

private:
    bool settle();
    void resume();
    void resumeLater();

    trace::SuspendReason m_reason;
    QString m_resource;
    std::source_location m_where;
    TaskContext *m_context = nullptr;
    // Keeps the task's context alive for a coroutine that was never awaited and outlives its task.
    std::shared_ptr<TaskContext> m_keepContext;
    CancelScope *m_scope = nullptr;
    ThreadAnchor *m_anchor = nullptr;
    std::coroutine_handle<> m_awaiting;
    std::exception_ptr m_error;
    bool m_settled = false;
    bool m_suspended = false;
};

} // namespace coroscope::async
