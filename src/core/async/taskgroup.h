// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/cancellation.h"
#include "async/spawn.h"

#include <QCoroTask>

#include <memory>
#include <source_location>
#include <vector>

namespace coroscope::async {

// Structured concurrency, asyncio.TaskGroup. C++ has no `async with`, so leaving the block is
// an explicit `co_await group.join()`:
//
//   TaskGroup group;
//   for (const auto &item : items)
//       handles.push_back(group.spawn(name, [item] { return process(item); }));
//   co_await group.join(); // every child finished; throws TaskGroupError if any failed
//
// The first child failure cancels the running siblings. join() waits until every child has
// finished, cancelled ones included, then throws one TaskGroupError carrying every failure.
// A group destroyed without join() cancels its children (they finish on their own).
class TaskGroup
{
public:
    explicit TaskGroup(QString name = QStringLiteral("TaskGroup"));
    ~TaskGroup();
    TaskGroup(const TaskGroup &) = delete;
    TaskGroup &operator=(const TaskGroup &) = delete;

    template<TaskFactory F>
    TaskHandle<FactoryResult<F>> spawn(QString name, F factory,
                                       std::source_location where = std::source_location::current())
    {
        auto handle = detail::spawnIn(m_context ? m_context->sharedRecorder() : nullptr, m_context ? m_context->id() : 0,
                                      &m_scope, std::move(name), std::move(factory), where);
        adopt(handle.state());
        return handle;
    }

    [[nodiscard]] QCoro::Task<void> join(std::source_location where = std::source_location::current());

    const QString &name() const { return m_name; }
    std::size_t size() const { return m_children.size(); }

private:
    void adopt(std::shared_ptr<SpawnStateBase> child);

    QString m_name;
    TaskContext *m_context;
    CancelScope m_scope;
    std::vector<std::shared_ptr<SpawnStateBase>> m_children;
    bool m_joined = false;
    // Children may finish after a group that was never joined is gone.
    std::shared_ptr<TaskGroup *> m_self = std::make_shared<TaskGroup *>(this);
};

} // namespace coroscope::async
