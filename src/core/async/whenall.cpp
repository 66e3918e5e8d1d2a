// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/whenall.h"

namespace coroscope::async {

// Outlives the awaiter when the wait ends at a first error while other children still run.
struct WhenAll::Progress {
    WhenAll *waiter = nullptr;
    std::size_t remaining = 0;
};

WhenAll::WhenAll(std::vector<std::shared_ptr<SpawnStateBase>> children, Mode mode, QString resource,
                 std::source_location where)
    : Suspension(trace::SuspendReason::ChildJoin, std::move(resource), where)
    , m_children(std::move(children))
    , m_mode(mode)
    , m_progress(std::make_shared<Progress>())
{
}

WhenAll::~WhenAll()
{
    if (m_progress)
        m_progress->waiter = nullptr;
}

void WhenAll::start()
{
    m_progress->waiter = this;
    m_progress->remaining = m_children.size();
    if (context() && context()->cancelScope().isCancelled())
        cancelRequested(context()->cancelScope().reason());
    if (m_children.empty()) {
        complete();
        return;
    }
    for (const auto &child : m_children) {
        auto progress = m_progress;
        const SpawnStateBase *raw = child.get();
        child->whenDone([progress, raw] {
            if (progress->waiter)
                progress->waiter->childDone(*raw);
        });
        if (isSettled())
            return;
    }
}

std::exception_ptr WhenAll::await_resume()
{
    Suspension::await_resume();
    return m_firstError;
}

void WhenAll::childDone(const SpawnStateBase &child)
{
    --m_progress->remaining;
    // As in asyncio, a cancelled child counts as failed with CancelledError.
    const bool failed = child.status != trace::FinishStatus::Ok;
    if (failed && !m_firstError)
        m_firstError = child.error;
    const bool stop = m_progress->remaining == 0 || (failed && m_mode == Mode::StopAtFirstError && !m_cancelReason);
    if (!stop)
        return;
    m_progress->waiter = nullptr;
    if (m_cancelReason)
        cancelNow(*m_cancelReason);
    else
        complete();
}

void WhenAll::cancelRequested(const QString &reason)
{
    if (m_cancelReason || isSettled())
        return;
    m_cancelReason = reason;
    for (const auto &child : m_children)
        child->cancel(reason);
}

} // namespace coroscope::async
