// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/suspension.h"

#include <QString>

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <source_location>

namespace coroscope::io::detail {

class DatabasePool;
class DatabaseWorker;
struct DatabaseJob;

// Where and how a database await runs.
struct DatabaseRequest {
    std::shared_ptr<DatabasePool> pool;
    // Set when the await must fail at once: the database is not open, or an argument is bad.
    std::exception_ptr error;
    // The timeline label: the statement, shortened.
    QString label;
    // A stream's page must run on the worker holding its cursor; -1 lets the pool choose.
    int worker = -1;
    std::source_location where;
};

// The untyped half of a database await. start() hands the work to a worker thread and counts
// it as unfinished work of this thread; the worker posts the outcome back through this thread's
// ThreadAnchor, where the coroutine resumes. Cancelling resumes it with CancelledError at once,
// interrupts the statement on the worker and drops whatever the worker still reports.
class DatabaseAwaiterBase : public async::Suspension
{
public:
    DatabaseAwaiterBase(DatabaseAwaiterBase &&) noexcept = default;

protected:
    using Work = std::function<void(DatabaseWorker &)>;

    explicit DatabaseAwaiterBase(DatabaseRequest request);
    ~DatabaseAwaiterBase();

    // The job for the worker; called once, when the await starts.
    virtual Work takeWork() = 0;

private:
    struct Shared;

    void start() override;
    void abort() override;

    std::shared_ptr<DatabasePool> m_pool;
    std::exception_ptr m_error;
    int m_worker;
    std::shared_ptr<DatabaseJob> m_job;
    std::shared_ptr<Shared> m_shared;
};

// co_await-ed to get a T computed on a database worker: Rows, ExecResult, a row count...
template<typename T>
class [[nodiscard]] DatabaseAwaiter final : public DatabaseAwaiterBase
{
public:
    using Produce = std::function<T(DatabaseWorker &)>;

    DatabaseAwaiter(DatabaseRequest request, Produce produce)
        : DatabaseAwaiterBase(std::move(request))
        , m_produce(std::move(produce))
    {
    }
    DatabaseAwaiter(DatabaseAwaiter &&) noexcept = default;

    T await_resume()
    {
        Suspension::await_resume();
        return std::move(**m_result);
    }

private:
    Work takeWork() override
    {
        // The worker writes into the shared slot, never into this awaiter, which may be gone.
        return [result = m_result, produce = std::move(m_produce)](DatabaseWorker &worker) {
            result->emplace(produce(worker));
        };
    }

    Produce m_produce;
    std::shared_ptr<std::optional<T>> m_result = std::make_shared<std::optional<T>>();
};

} // namespace coroscope::io::detail
