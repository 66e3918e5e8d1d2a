// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/errors.h"
#include "async/taskcontext.h"
#include "async/whenall.h"
#include "trace/recorder.h"

#include <QCoroTask>
#include <QString>

#include <concepts>
#include <functional>
#include <memory>
#include <optional>
#include <source_location>
#include <type_traits>
#include <variant>

namespace coroscope::async {

// What a spawned task hands back: its value, or std::monostate for Task<void>.
template<typename T>
using Stored = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

namespace detail {
// GCC 12 cannot compile QStringLiteral inside template coroutines ("array used as
// initializer"): labels are built by plain functions.
QString joinLabel(const QString &name);
} // namespace detail

template<typename T>
class SpawnState final : public SpawnStateBase
{
public:
    std::optional<Stored<T>> value;
};

// A running (or finished) traced task: asyncio's Task object. Copies share the task.
template<typename T>
class TaskHandle
{
public:
    using value_type = T;

    TaskHandle() = default;
    explicit TaskHandle(std::shared_ptr<SpawnState<T>> state)
        : m_state(std::move(state))
    {
    }

    trace::TaskId id() const { return m_state->context->id(); }
    const QString &name() const { return m_state->name; }
    bool isDone() const { return m_state->done; }
    trace::FinishStatus status() const { return m_state->status; }
    // Asks the task to stop: it gets CancelledError at its current (or next) co_await.
    void cancel(const QString &reason = QStringLiteral("cancelled")) const { m_state->cancel(reason); }

    // Waits for the task; returns its value or rethrows its error. If the waiting task is
    // cancelled meanwhile, this task is cancelled too and waited for, as in asyncio.
    [[nodiscard]] QCoro::Task<T> join(std::source_location where = std::source_location::current()) const;

    // After the task is done: its value, or its error rethrown. Moves the value out.
    static T takeResult(SpawnState<T> &state)
    {
        if (state.error)
            std::rethrow_exception(state.error);
        if constexpr (!std::is_void_v<T>)
            return std::move(*state.value);
    }

    const std::shared_ptr<SpawnState<T>> &state() const { return m_state; }

private:
    std::shared_ptr<SpawnState<T>> m_state;
};

template<typename T>
QCoro::Task<T> joinTask(std::shared_ptr<SpawnState<T>> state, std::source_location where)
{
    std::vector<std::shared_ptr<SpawnStateBase>> children{state};
    co_await WhenAll(std::move(children), WhenAll::Mode::WaitForAll, detail::joinLabel(state->name), where);
    if constexpr (std::is_void_v<T>) {
        TaskHandle<T>::takeResult(*state);
    } else {
        co_return TaskHandle<T>::takeResult(*state);
    }
}

template<typename T>
QCoro::Task<T> TaskHandle<T>::join(std::source_location where) const
{
    return joinTask<T>(m_state, where);
}

template<typename F>
concept TaskFactory = requires(F &f)
{
    typename std::invoke_result_t<F &>::value_type;
};

template<TaskFactory F>
using FactoryResult = typename std::invoke_result_t<F &>::value_type;

namespace detail {

trace::TaskId untracedTaskId();

// Owns the factory (and so a lambda's captures) for as long as the task runs: the frame of
// this coroutine is where they live, not the caller's temporary.
template<typename T, typename F>
QCoro::Task<void> runSpawned(std::shared_ptr<SpawnState<T>> state, F factory)
{
    if (auto *recorder = state->context->recorder())
        recorder->record(trace::EventKind::Started, state->context->id());
    std::exception_ptr error;
    auto status = trace::FinishStatus::Ok;
    try {
        if constexpr (std::is_void_v<T>) {
            co_await std::invoke(factory);
            state->value.emplace();
        } else {
            state->value.emplace(co_await std::invoke(factory));
        }
    } catch (const CancelledError &) {
        error = std::current_exception();
        status = trace::FinishStatus::Cancelled;
    } catch (...) {
        error = std::current_exception();
        status = trace::FinishStatus::Error;
    }
    state->finish(status, std::move(error));
}

template<TaskFactory F>
TaskHandle<FactoryResult<F>> spawnIn(std::shared_ptr<trace::Recorder> recorder, trace::TaskId parent,
                                     CancelScope *parentScope, QString name, F factory, std::source_location where)
{
    using T = FactoryResult<F>;
    const auto id = recorder ? recorder->newTaskId() : untracedTaskId();
    auto state = std::make_shared<SpawnState<T>>();
    state->context = std::make_shared<TaskContext>(recorder, id, parent, parentScope);
    state->name = std::move(name);
    if (recorder)
        recorder->created(id, parent, state->name, where);
    {
        // QCoro tasks start eagerly: the child runs up to its first co_await right here,
        // under its own name. Its Task object is dropped; the frame owns itself until done.
        ResumeScope running(state->context.get());
        runSpawned<T>(state, std::move(factory));
    }
    return TaskHandle<T>(std::move(state));
}

} // namespace detail

// asyncio.create_task: runs `factory()` (a callable returning QCoro::Task<T>) as a new traced
// task, child of the calling task. Pass lambdas by value; they are kept alive while it runs.
template<TaskFactory F>
TaskHandle<FactoryResult<F>> spawn(QString name, F factory, std::source_location where = std::source_location::current())
{
    auto *parent = TaskContext::current();
    return detail::spawnIn(parent ? parent->sharedRecorder() : nullptr, parent ? parent->id() : 0,
                           parent ? &parent->cancelScope() : nullptr, std::move(name), std::move(factory), where);
}

// The first task of a run: no parent, recorded into `recorder`.
template<TaskFactory F>
TaskHandle<FactoryResult<F>> spawnRoot(std::shared_ptr<trace::Recorder> recorder, QString name, F factory,
                                       std::source_location where = std::source_location::current())
{
    return detail::spawnIn(std::move(recorder), 0, nullptr, std::move(name), std::move(factory), where);
}

// Blocks in a nested event loop until `task` is done: for the CLI, tests and benchmarks,
// never for code running inside a pattern.
void waitUntilDone(SpawnStateBase &task);

} // namespace coroscope::async
