// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/outcome.h"
#include "async/spawn.h"
#include "async/whenall.h"

#include <QCoroTask>

#include <source_location>
#include <tuple>
#include <vector>

namespace coroscope::async {

// Tag for gather: errors come back in place instead of being thrown (return_exceptions=True).
struct ReturnExceptions {
    explicit ReturnExceptions() = default;
};
inline constexpr ReturnExceptions returnExceptions{};

namespace detail {

template<typename... T>
std::vector<std::shared_ptr<SpawnStateBase>> statesOf(const TaskHandle<T> &...children)
{
    return {children.state()...};
}

template<typename T>
std::vector<std::shared_ptr<SpawnStateBase>> statesOf(const std::vector<TaskHandle<T>> &children)
{
    std::vector<std::shared_ptr<SpawnStateBase>> states;
    states.reserve(children.size());
    for (const auto &child : children)
        states.push_back(child.state());
    return states;
}

QString gatherLabel(std::size_t count);

template<typename T>
Stored<T> take(const TaskHandle<T> &child)
{
    if constexpr (std::is_void_v<T>) {
        TaskHandle<T>::takeResult(*child.state());
        return {};
    } else {
        return TaskHandle<T>::takeResult(*child.state());
    }
}

template<typename T>
Outcome<Stored<T>> settle(const TaskHandle<T> &child)
{
    if (child.state()->error)
        return Outcome<Stored<T>>(child.state()->error);
    return Outcome<Stored<T>>(take(child));
}

template<typename... T>
QCoro::Task<std::tuple<Stored<T>...>> gatherTuple(std::source_location where, TaskHandle<T>... children)
{
    if (auto error = co_await WhenAll(statesOf(children...), WhenAll::Mode::StopAtFirstError, gatherLabel(sizeof...(T)),
                                      where))
        std::rethrow_exception(error);
    co_return std::tuple<Stored<T>...>{take(children)...};
}

template<typename... T>
QCoro::Task<std::tuple<Outcome<Stored<T>>...>> gatherTupleSettled(std::source_location where, TaskHandle<T>... children)
{
    co_await WhenAll(statesOf(children...), WhenAll::Mode::WaitForAll, gatherLabel(sizeof...(T)), where);
    co_return std::tuple<Outcome<Stored<T>>...>{settle(children)...};
}

template<typename T>
QCoro::Task<std::vector<Stored<T>>> gatherVector(std::source_location where, std::vector<TaskHandle<T>> children)
{
    if (auto error = co_await WhenAll(statesOf(children), WhenAll::Mode::StopAtFirstError, gatherLabel(children.size()),
                                      where))
        std::rethrow_exception(error);
    std::vector<Stored<T>> results;
    results.reserve(children.size());
    for (const auto &child : children)
        results.push_back(take(child));
    co_return results;
}

template<typename T>
QCoro::Task<std::vector<Outcome<Stored<T>>>> gatherVectorSettled(std::source_location where,
                                                                 std::vector<TaskHandle<T>> children)
{
    co_await WhenAll(statesOf(children), WhenAll::Mode::WaitForAll, gatherLabel(children.size()), where);
    std::vector<Outcome<Stored<T>>> results;
    results.reserve(children.size());
    for (const auto &child : children)
        results.push_back(settle(child));
    co_return results;
}

// Keeps the gathering coroutine's Task alive for the whole co_await expression.
template<typename Result>
class Gathering
{
public:
    explicit Gathering(QCoro::Task<Result> task)
        : m_task(std::move(task))
    {
    }
    auto operator co_await() const noexcept { return m_task.operator co_await(); }

private:
    QCoro::Task<Result> m_task;
};

} // namespace detail

// asyncio.gather over spawned tasks. Results come back in the order given, whatever order the
// tasks finish in. By default the first error is thrown at the co_await and the other tasks keep
// running; with `returnExceptions` first, every task is waited for and errors come back in place:
//
//   auto [user, orders] = co_await gather(spawn("user", ...), spawn("orders", ...));
//   auto results = co_await gather(returnExceptions, std::move(handles));
//
// gather is a class only so that it can record the line of the co_await after a parameter pack.
template<typename... T>
struct [[nodiscard]] gather : detail::Gathering<std::tuple<Stored<T>...>> {
    gather(TaskHandle<T>... children, std::source_location where = std::source_location::current())
        : detail::Gathering<std::tuple<Stored<T>...>>(detail::gatherTuple(where, std::move(children)...))
    {
    }
};

template<typename... T>
struct [[nodiscard]] gather<ReturnExceptions, T...> : detail::Gathering<std::tuple<Outcome<Stored<T>>...>> {
    gather(ReturnExceptions, TaskHandle<T>... children, std::source_location where = std::source_location::current())
        : detail::Gathering<std::tuple<Outcome<Stored<T>>...>>(detail::gatherTupleSettled(where, std::move(children)...))
    {
    }
};

template<typename T>
struct [[nodiscard]] gather<std::vector<TaskHandle<T>>> : detail::Gathering<std::vector<Stored<T>>> {
    gather(std::vector<TaskHandle<T>> children, std::source_location where = std::source_location::current())
        : detail::Gathering<std::vector<Stored<T>>>(detail::gatherVector(where, std::move(children)))
    {
    }
};

template<typename T>
struct [[nodiscard]] gather<ReturnExceptions, std::vector<TaskHandle<T>>>
    : detail::Gathering<std::vector<Outcome<Stored<T>>>> {
    gather(ReturnExceptions, std::vector<TaskHandle<T>> children,
           std::source_location where = std::source_location::current())
        : detail::Gathering<std::vector<Outcome<Stored<T>>>>(detail::gatherVectorSettled(where, std::move(children)))
    {
    }
};

template<typename... T>
gather(TaskHandle<T>...) -> gather<T...>;
template<typename... T>
gather(ReturnExceptions, TaskHandle<T>...) -> gather<ReturnExceptions, T...>;
template<typename T>
gather(std::vector<TaskHandle<T>>) -> gather<std::vector<TaskHandle<T>>>;
template<typename T>
gather(ReturnExceptions, std::vector<TaskHandle<T>>) -> gather<ReturnExceptions, std::vector<TaskHandle<T>>>;

} // namespace coroscope::async
