// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/cancellation.h"
#include "trace/event.h"

#include <QString>

#include <memory>
#include <source_location>
#include <vector>

namespace coroscope::trace {
class Recorder;
}

namespace coroscope::async {

class ThreadAnchor;

// Who is running right now: the traced task whose coroutine the current thread is executing.
// Toolkit awaitables read it when they suspend (to record the suspension and to listen for
// cancellation) and set it again when they resume, so patterns never pass it around.
class TaskContext : public std::enable_shared_from_this<TaskContext>
{
public:
    TaskContext(std::shared_ptr<trace::Recorder> recorder, trace::TaskId id, trace::TaskId parent,
                CancelScope *parentScope);
    ~TaskContext();

    trace::Recorder *recorder() const { return m_recorder.get(); }
    const std::shared_ptr<trace::Recorder> &sharedRecorder() const { return m_recorder; }
    trace::TaskId id() const { return m_id; }
    trace::TaskId parentId() const { return m_parent; }
    ThreadAnchor *anchor() const { return m_anchor; }

    // The innermost cancel scope: the task's own, or a timeout block or TaskGroup inside it.
    CancelScope &cancelScope() { return *m_scopes.back(); }
    CancelScope &taskScope() { return m_taskScope; }
    void pushScope(CancelScope &scope) { m_scopes.push_back(&scope); }
    void popScope(CancelScope &scope);

    void recordSuspended(trace::SuspendReason reason, const QString &resource, const std::source_location &where);
    void recordResumed();
    void mark(const QString &text);

    // The task the calling thread is executing, or nullptr outside any traced task.
    static TaskContext *current();

private:
    friend class ResumeScope;
    std::shared_ptr<trace::Recorder> m_recorder;
    trace::TaskId m_id = 0;
    trace::TaskId m_parent = 0;
    ThreadAnchor *m_anchor = nullptr;
    CancelScope m_taskScope;
    std::vector<CancelScope *> m_scopes;
};

// Makes `context` current for as long as it lives; every resumption of a traced coroutine
// happens inside one, so the thread never runs a coroutine under another task's name.
class ResumeScope
{
public:
    explicit ResumeScope(TaskContext *context);
    ~ResumeScope();
    ResumeScope(const ResumeScope &) = delete;
    ResumeScope &operator=(const ResumeScope &) = delete;

private:
    TaskContext *m_previous;
};

// For patterns: a mark on the calling task's lane, and a sample of a counter of the run being
// recorded ("open resources", "rows held in memory"). Outside a traced task they do nothing.
void mark(const QString &text);
void recordCounter(const QString &name, double value);

} // namespace coroscope::async
