// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/spawn.h"
#include "async/suspension.h"
#include "async/threadanchor.h"
#include "trace/recorder.h"

#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>
#include <source_location>
#include <type_traits>

namespace coroscope::async {

// The executor behind runInThreadPool: four workers, like a small ThreadPoolExecutor.
QThreadPool &executorPool();
// Names the calling pool thread once ("executor 1", ...), so the timeline can show its lane.
void nameExecutorThread();

// loop.run_in_executor: runs the plain (blocking, CPU-bound) callable `job` on a worker thread
// and resumes the awaiting coroutine on its own thread with the result. The job is traced as a
// child task on the worker's lane. A running job cannot be interrupted: cancelling the awaiting
// task resumes it with CancelledError at once, while the job runs to the end and its result is
// dropped, which the trace says in so many words.
template<typename Job>
class ThreadPoolAwaiter final : public Suspension
{
public:
    using Result = std::invoke_result_t<Job &>;

    ThreadPoolAwaiter(Job job, QString name, std::source_location where)
        : Suspension(trace::SuspendReason::ThreadPool, name, where)
        , m_job(std::move(job))
        , m_name(std::move(name))
        , m_where(where)
    {
    }

    ThreadPoolAwaiter(ThreadPoolAwaiter &&) noexcept = default;

    Stored<Result> await_resume()
    {
        Suspension::await_resume();
        if (m_shared->error)
            std::rethrow_exception(m_shared->error);
        return std::move(*m_shared->value);
    }

private:
    struct Shared {
        ThreadPoolAwaiter *waiter = nullptr;
        std::optional<Stored<Result>> value;
        std::exception_ptr error;
        std::shared_ptr<trace::Recorder> recorder;
        trace::TaskId jobTask = 0;
    };

    void start() override
    {
        m_shared = std::make_shared<Shared>();
        m_shared->waiter = this;
        if (auto *ctx = context(); ctx && ctx->recorder()) {
            m_shared->recorder = ctx->sharedRecorder();
            m_shared->jobTask = m_shared->recorder->newTaskId();
            m_shared->recorder->created(m_shared->jobTask, ctx->id(), m_name, m_where);
        }
        auto *anchor = ThreadAnchor::current();
        detail::awaitStarted(); // the job counts as pending work of this thread until it reports back
        executorPool().start([shared = m_shared, job = std::move(m_job), anchor]() mutable {
            nameExecutorThread();
            auto *recorder = shared->recorder.get();
            if (recorder)
                recorder->record(trace::EventKind::Started, shared->jobTask);
            try {
                if constexpr (std::is_void_v<Result>) {
                    job();
                    shared->value.emplace();
                } else {
                    shared->value.emplace(job());
                }
            } catch (...) {
                shared->error = std::current_exception();
            }
            if (recorder)
                recorder->finished(shared->jobTask, shared->error ? trace::FinishStatus::Error : trace::FinishStatus::Ok,
                                   describe(shared->error));
            anchor->post([shared] {
                detail::awaitEnded();
                if (shared->waiter)
                    shared->waiter->complete();
                else if (shared->recorder)
                    shared->recorder->mark(shared->jobTask,
                                           QStringLiteral("finished after its awaiter was cancelled: result dropped"));
            });
        });
    }

    void abort() override
    {
        m_shared->waiter = nullptr;
        if (auto *ctx = context())
            ctx->mark(QStringLiteral("%1 keeps running: thread-pool work cannot be interrupted").arg(m_name));
    }

    Job m_job;
    QString m_name;
    std::source_location m_where;
    std::shared_ptr<Shared> m_shared;
};

template<typename Job>
[[nodiscard]] ThreadPoolAwaiter<Job> runInThreadPool(Job job, QString name = QStringLiteral("thread-pool job"),
                                                     std::source_location where = std::source_location::current())
{
    return ThreadPoolAwaiter<Job>(std::move(job), std::move(name), where);
}

} // namespace coroscope::async
