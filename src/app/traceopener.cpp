// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/traceopener.h"

#include <QtConcurrent>

namespace coroscope::app {

TraceOpener::TraceOpener(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &TraceOpener::onJobDone);
}

TraceOpener::~TraceOpener()
{
    cancel();
    m_watcher.waitForFinished();
}

bool TraceOpener::start(const QString &description, Job job)
{
    if (m_busy)
        return false;
    m_busy = true;
    m_description = description;
    // Each job has its own flag: a late check of an old job cannot cancel a new one.
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    m_cancelled = cancelled;
    // The opener outlives the job (its destructor waits), so the worker may name it; a report
    // still queued when the opener goes is dropped with it.
    OpenProgress progress = [this, cancelled](int percent) {
        QMetaObject::invokeMethod(this, [this, percent] { Q_EMIT progressChanged(percent); }, Qt::QueuedConnection);
        return !cancelled->load();
    };
    m_watcher.setFuture(QtConcurrent::run([job = std::move(job), progress = std::move(progress)] {
        return std::make_shared<OpenResult>(job(progress));
    }));
    return true;
}

void TraceOpener::cancel()
{
    if (m_busy && m_cancelled)
        m_cancelled->store(true);
}

void TraceOpener::onJobDone()
{
    m_busy = false;
    auto result = m_watcher.result();
    if (!result)
        result = std::make_shared<OpenResult>();
    if (m_cancelled && m_cancelled->load()) {
        result->opened.reset();
        result->error.clear();
        result->cancelled = true;
    }
    Q_EMIT finished(*result);
}

} // namespace coroscope::app
