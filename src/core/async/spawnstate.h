// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/taskcontext.h"
#include "trace/event.h"

#include <QString>

#include <exception>
#include <functional>
#include <memory>
#include <vector>

namespace coroscope::async {

// The type-independent half of a spawned task's shared state: whether it is done, how it
// ended, and who wants to know.
class SpawnStateBase
{
public:
    virtual ~SpawnStateBase() = default;

    std::shared_ptr<TaskContext> context;
    QString name;
    bool done = false;
    trace::FinishStatus status = trace::FinishStatus::Ok;
    std::exception_ptr error;

    void cancel(const QString &reason);
    // Calls `fn` once the task is done (right away if it already is).
    void whenDone(std::function<void()> fn);
    // Records the end and tells every waiter; called once by the task's own coroutine.
    void finish(trace::FinishStatus status, std::exception_ptr error);

private:
    std::vector<std::function<void()>> m_whenDone;
};

} // namespace coroscope::async
