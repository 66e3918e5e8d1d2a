// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/threadpool.h"

#include <QThread>

#include <atomic>

namespace coroscope::async {

QThreadPool &executorPool()
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(4);
        pool.setExpiryTimeout(-1); // keep workers (and their timeline lanes) for the whole session
        return true;
    }();
    Q_UNUSED(configured);
    return pool;
}

void nameExecutorThread()
{
    thread_local bool named = false;
    if (named)
        return;
    static std::atomic<int> next{1};
    QThread::currentThread()->setObjectName(QStringLiteral("executor %1").arg(next.fetch_add(1)));
    named = true;
}

} // namespace coroscope::async
