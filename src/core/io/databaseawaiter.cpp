// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/databaseawaiter.h"

#include "async/suspension.h"
#include "async/threadanchor.h"
#include "io/databasepool.h"
#include "io/databaseworker.h"

namespace coroscope::io::detail {

// What the awaiting thread and the worker share. `waiter` is only touched on the awaiting
// thread; `error` is written by the worker before it posts and read after the post arrives.
struct DatabaseAwaiterBase::Shared {
    DatabaseAwaiterBase *waiter = nullptr;
    std::exception_ptr error;
};

DatabaseAwaiterBase::DatabaseAwaiterBase(DatabaseRequest request)
    : Suspension(trace::SuspendReason::Database, std::move(request.label), request.where)
    , m_pool(std::move(request.pool))
    , m_error(std::move(request.error))
    , m_worker(request.worker)
{
}

DatabaseAwaiterBase::~DatabaseAwaiterBase()
{
    // Normally settled by now; if the frame goes away mid-wait, the late result must find no one.
    if (m_shared)
        m_shared->waiter = nullptr;
    if (m_job && !isSettled())
        m_pool->cancel(m_worker, *m_job);
}

void DatabaseAwaiterBase::start()
{
    if (m_error) {
        fail(m_error);
        return;
    }
    m_shared = std::make_shared<Shared>();
    m_shared->waiter = this;
    m_job = std::make_shared<DatabaseJob>();
    m_job->work = takeWork();
    auto *anchor = async::ThreadAnchor::current();
    m_job->done = [shared = m_shared, anchor](std::exception_ptr error) {
        shared->error = std::move(error);
        anchor->post([shared] {
            async::detail::awaitEnded();
            auto *waiter = shared->waiter;
            if (!waiter)
                return; // cancelled meanwhile: the result is dropped
            if (shared->error)
                waiter->fail(shared->error);
            else
                waiter->complete();
        });
    };
    if (m_worker < 0)
        m_worker = m_pool->pickWorker();
    // Until the worker reports back, the job is unfinished work of this thread: a run must not
    // end (and take its ThreadAnchor with it) while the post is still on its way.
    async::detail::awaitStarted();
    m_pool->submit(m_worker, m_job);
}

void DatabaseAwaiterBase::abort()
{
    if (!m_shared)
        return;
    m_shared->waiter = nullptr;
    m_pool->cancel(m_worker, *m_job);
    if (auto *ctx = context())
        ctx->mark(QStringLiteral("database: interrupting %1").arg(resource()));
}

} // namespace coroscope::io::detail
