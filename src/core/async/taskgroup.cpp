// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/taskgroup.h"

#include "async/whenall.h"

#include <QDebug>

namespace coroscope::async {

TaskGroup::TaskGroup(QString name)
    : m_name(std::move(name))
    , m_context(TaskContext::current())
    , m_scope(m_context ? &m_context->cancelScope() : nullptr)
{
}

TaskGroup::~TaskGroup()
{
    if (!m_joined && !m_children.empty()) {
        qWarning().noquote() << m_name << "destroyed without join(): cancelling its children";
        m_scope.cancel(QStringLiteral("%1 left without join()").arg(m_name));
    }
}

void TaskGroup::adopt(std::shared_ptr<SpawnStateBase> child)
{
    child->whenDone([self = std::weak_ptr<TaskGroup *>(m_self), raw = child.get()] {
        const auto group = self.lock();
        if (!group || raw->status != trace::FinishStatus::Error)
            return;
        auto &scope = (*group)->m_scope;
        if (!scope.isCancelled())
            scope.cancel(QStringLiteral("sibling %1 failed").arg(raw->name));
    });
    m_children.push_back(std::move(child));
}

QCoro::Task<void> TaskGroup::join(std::source_location where)
{
    // Children spawned while we wait (by other children) are waited for too. A cancelled wait
    // still returns only once every child has finished (WhenAll sees to it).
    std::exception_ptr cancelled;
    std::size_t waited = 0;
    while (waited < m_children.size() && !cancelled) {
        std::vector<std::shared_ptr<SpawnStateBase>> batch(m_children.begin() + qsizetype(waited), m_children.end());
        waited = m_children.size();
        auto label = QStringLiteral("%1: join %2 task(s)").arg(m_name).arg(waited);
        try {
            co_await WhenAll(std::move(batch), WhenAll::Mode::WaitForAll, std::move(label), where);
        } catch (const CancelledError &) {
            cancelled = std::current_exception();
        }
    }
    m_joined = true;

    std::vector<std::exception_ptr> failures;
    for (const auto &child : m_children) {
        if (child->status == trace::FinishStatus::Error)
            failures.push_back(child->error);
    }
    if (!failures.empty())
        throw TaskGroupError(m_name, std::move(failures));
    if (cancelled)
        std::rethrow_exception(cancelled);
    if (m_context && m_context->cancelScope().isCancelled())
        throw CancelledError(m_context->cancelScope().reason());
}

} // namespace coroscope::async
