// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/spawnstate.h"

#include "async/errors.h"
#include "trace/recorder.h"

namespace coroscope::async {

void SpawnStateBase::cancel(const QString &reason)
{
    if (!done)
        context->taskScope().cancel(reason);
}

void SpawnStateBase::whenDone(std::function<void()> fn)
{
    if (done)
        fn();
    else
        m_whenDone.push_back(std::move(fn));
}

void SpawnStateBase::finish(trace::FinishStatus finalStatus, std::exception_ptr finalError)
{
    Q_ASSERT(!done);
    done = true;
    status = finalStatus;
    error = std::move(finalError);
    if (auto *recorder = context->recorder())
        recorder->finished(context->id(), status, describe(error));
    auto waiters = std::move(m_whenDone);
    m_whenDone.clear();
    for (auto &waiter : waiters)
        waiter();
}

} // namespace coroscope::async
