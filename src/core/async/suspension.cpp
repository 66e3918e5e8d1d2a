// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/suspension.h"

#include "async/threadanchor.h"

namespace coroscope::async {
namespace {
thread_local int t_pendingAwaits = 0;
}

int pendingAwaits()
{
    return t_pendingAwaits;
}

namespace detail {
void awaitStarted()
{
    ++t_pendingAwaits;
}
void awaitEnded()
{
    --t_pendingAwaits;
}
} // namespace detail

Suspension::Suspension(trace::SuspendReason reason, QString resource, std::source_location where)
    : m_reason(reason)
    , m_resource(std::move(resource))
    , m_where(where)
{
}

Suspension::Suspension(Suspension &&other) noexcept
    : CancelListener()
    , m_reason(other.m_reason)
    , m_resource(std::move(other.m_resource))
    , m_where(other.m_where)
{
    Q_ASSERT_X(!other.m_awaiting, "Suspension", "moved after it started");
}

bool Suspension::await_ready()
{
    m_context = TaskContext::current();
    if (m_context && m_context->cancelScope().isCancelled() && throwsIfAlreadyCancelled()) {
        // asyncio raises CancelledError at the next await of a cancelled task; so do we.
        m_settled = true;
        m_error = std::make_exception_ptr(CancelledError(m_context->cancelScope().reason()));
        return true;
    }
    return false;
}

bool Suspension::await_suspend(std::coroutine_handle<> awaiting)
{
    m_awaiting = awaiting;
    m_anchor = m_context ? m_context->anchor() : ThreadAnchor::current();
    if (m_context) {
        m_keepContext = m_context->shared_from_this();
        m_context->recordSuspended(m_reason, m_resource, m_where);
        m_scope = &m_context->cancelScope();
        m_scope->subscribe(*this);
    }
    start();
    if (m_settled) {
        // Finished synchronously: carry on without suspending.
        if (m_context)
            m_context->recordResumed();
        return false;
    }
    m_suspended = true;
    detail::awaitStarted();
    return true;
}

void Suspension::await_resume()
{
    if (m_error)
        std::rethrow_exception(m_error);
}

bool Suspension::settle()
{
    if (m_settled)
        return false;
    m_settled = true;
    if (m_scope) {
        m_scope->unsubscribe(*this);
        m_scope = nullptr;
    }
    return true;
}

bool Suspension::complete()
{
    if (!settle())
        return false;
    if (m_suspended)
        resume();
    return true;
}

bool Suspension::completeLater()
{
    if (!settle())
        return false;
    if (m_suspended)
        resumeLater();
    return true;
}

bool Suspension::fail(std::exception_ptr error)
{
    if (!settle())
        return false;
    m_error = std::move(error);
    if (m_suspended)
        resume();
    return true;
}

bool Suspension::cancelNow(const QString &reason)
{
    if (!settle())
        return false;
    m_error = std::make_exception_ptr(CancelledError(reason));
    if (m_suspended)
        resumeLater();
    return true;
}

void Suspension::cancelRequested(const QString &reason)
{
    if (!settle())
        return;
    m_error = std::make_exception_ptr(CancelledError(reason));
    abort();
    // Resume from the event loop: cancel() is often called from deep inside another task.
    if (m_suspended)
        resumeLater();
}

void Suspension::resume()
{
    detail::awaitEnded();
    if (m_context)
        m_context->recordResumed();
    // The frame (and this awaiter in it) may be gone once the coroutine runs on.
    auto context = std::move(m_keepContext);
    ResumeScope scope(context.get());
    m_awaiting.resume();
}

void Suspension::resumeLater()
{
    m_anchor->post([this] { resume(); });
}

} // namespace coroscope::async
