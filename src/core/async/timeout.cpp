// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/timeout.h"

namespace coroscope::async {

namespace detail {
QString waitForCancelReason(std::chrono::nanoseconds limit)
{
    return QStringLiteral("wait_for: no result after %1").arg(formatDuration(limit));
}

void throwWaitForTimeout(const QString &task, std::chrono::nanoseconds limit)
{
    throw TimeoutError(QStringLiteral("%1 timed out after %2").arg(task, formatDuration(limit)));
}
} // namespace detail

DeadlineScope::DeadlineScope(std::chrono::nanoseconds limit, std::source_location where)
    : m_context(TaskContext::current())
    , m_scope(m_context ? &m_context->cancelScope() : nullptr)
    , m_limit(limit)
{
    Q_UNUSED(where);
    if (m_context)
        m_context->pushScope(m_scope);
    m_deadline = DeadlineScheduler::current().schedule(DeadlineScheduler::Clock::now() + limit, [this] {
        m_deadline.reset();
        m_expired = true;
        if (m_context) // classroom::isTimeoutMark() recognises this text
            m_context->mark(QStringLiteral("timeout after %1").arg(formatDuration(m_limit)));
        m_scope.cancel(QStringLiteral("timed out after %1").arg(formatDuration(m_limit)));
    });
}

DeadlineScope::~DeadlineScope()
{
    if (m_deadline)
        DeadlineScheduler::current().cancel(*m_deadline);
    if (m_context)
        m_context->popScope(m_scope);
}

void DeadlineScope::rethrow(std::exception_ptr error) const
{
    // Only our own deadline becomes a timeout: a cancellation from outside stays one.
    const bool outerCancelled = m_scope.parent() && m_scope.parent()->isCancelled();
    if (m_expired && !outerCancelled && kindOf(error) == ErrorKind::Cancelled)
        throw TimeoutError(m_scope.reason());
    std::rethrow_exception(error);
}

} // namespace coroscope::async
