// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/spawn.h"

#include "async/gather.h"

#include <QEventLoop>

#include <atomic>

namespace coroscope::async {
namespace detail {

trace::TaskId untracedTaskId()
{
    // Far above any recorder's ids, so an untraced task never collides with a traced one.
    static std::atomic<trace::TaskId> next{0x8000'0000u};
    return next.fetch_add(1, std::memory_order_relaxed);
}

QString joinLabel(const QString &name)
{
    return QStringLiteral("join %1").arg(name);
}

QString gatherLabel(std::size_t count)
{
    return QStringLiteral("gather %1 task(s)").arg(count);
}

} // namespace detail

void waitUntilDone(SpawnStateBase &task)
{
    if (task.done)
        return;
    QEventLoop loop;
    bool finished = false;
    task.whenDone([&] {
        finished = true;
        loop.quit();
    });
    if (!finished)
        loop.exec();
}

} // namespace coroscope::async
