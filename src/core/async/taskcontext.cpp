// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/taskcontext.h"

#include "async/threadanchor.h"
#include "trace/recorder.h"

#include <algorithm>

namespace coroscope::async {
namespace {
thread_local TaskContext *t_current = nullptr;
}

TaskContext::TaskContext(std::shared_ptr<trace::Recorder> recorder, trace::TaskId id, trace::TaskId parent,
                         CancelScope *parentScope)
    : m_recorder(std::move(recorder))
    , m_id(id)
    , m_parent(parent)
    , m_anchor(ThreadAnchor::current())
    , m_taskScope(parentScope)
{
    m_scopes.push_back(&m_taskScope);
}

TaskContext::~TaskContext() = default;

void TaskContext::popScope(CancelScope &scope)
{
    const auto it = std::find(m_scopes.rbegin(), m_scopes.rend(), &scope);
    Q_ASSERT(it != m_scopes.rend());
    m_scopes.erase(std::next(it).base());
}

void TaskContext::recordSuspended(trace::SuspendReason reason, const QString &resource, const std::source_location &where)
{
    if (m_recorder)
        m_recorder->suspended(m_id, reason, resource, where);
}

void TaskContext::recordResumed()
{
    if (m_recorder)
        m_recorder->record(trace::EventKind::Resumed, m_id);
}

void TaskContext::mark(const QString &text)
{
    if (m_recorder)
        m_recorder->mark(m_id, text);
}

TaskContext *TaskContext::current()
{
    return t_current;
}

ResumeScope::ResumeScope(TaskContext *context)
    : m_previous(t_current)
{
    t_current = context;
}

ResumeScope::~ResumeScope()
{
    t_current = m_previous;
}

void mark(const QString &text)
{
    if (auto *context = TaskContext::current())
        context->mark(text);
}

void recordCounter(const QString &name, double value)
{
    if (auto *context = TaskContext::current(); context && context->recorder())
        context->recorder()->counter(name, value);
}

} // namespace coroscope::async
