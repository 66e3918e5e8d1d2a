// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/jobtracker.h"

#include <QtConcurrent/QtConcurrentRun>

namespace coroscope::app {

JobControl::JobControl(JobTracker *tracker, quint64 id, std::shared_ptr<std::atomic<bool>> cancelled)
    : m_tracker(tracker)
    , m_id(id)
    , m_cancelled(std::move(cancelled))
{
}

bool JobControl::reportProgress(int percent) const
{
    // The tracker outlives every job (its destructor waits), so naming it here is safe; a report
    // still queued when it goes is dropped with it.
    QMetaObject::invokeMethod(
        m_tracker, [tracker = m_tracker, id = m_id, percent] { tracker->progressFrom(id, percent); },
        Qt::QueuedConnection);
    return !isCancelled();
}

JobTracker::JobTracker(Policy policy, QObject *parent)
    : QObject(parent)
    , m_policy(policy)
{
}

JobTracker::~JobTracker()
{
    cancel();
    for (auto &[id, job] : m_jobs) {
        job.watcher->disconnect(this);
        job.watcher->waitForFinished();
    }
}

quint64 JobTracker::startJob(const QString &description, std::function<void(const JobControl &)> work,
                             std::function<void()> deliver, std::function<void()> cancelled)
{
    if (m_policy == Policy::LatestOnly) {
        // Superseded: told to stop, and forgotten once it has (its result is never shown).
        for (auto &[id, job] : m_jobs) {
            job.cancelled->store(true);
            job.deliver = nullptr;
            job.cancelledHandler = nullptr;
        }
    }
    const quint64 id = ++m_lastId;
    m_description = description;
    Job job;
    // Each job has its own flag: a late check of an old job cannot cancel a new one.
    job.cancelled = std::make_shared<std::atomic<bool>>(false);
    job.deliver = std::move(deliver);
    job.cancelledHandler = std::move(cancelled);
    job.watcher = std::make_unique<QFutureWatcher<void>>();
    connect(job.watcher.get(), &QFutureWatcherBase::finished, this, [this, id] { finish(id); });
    const JobControl control(this, id, job.cancelled);
    job.watcher->setFuture(QtConcurrent::run([work = std::move(work), control] { work(control); }));
    m_jobs.emplace(id, std::move(job));
    return id;
}

void JobTracker::cancel()
{
    for (auto &[id, job] : m_jobs)
        job.cancelled->store(true);
}

void JobTracker::finish(quint64 id)
{
    const auto found = m_jobs.find(id);
    if (found == m_jobs.end())
        return;
    Job job = std::move(found->second);
    m_jobs.erase(found);
    // The watcher is the sender of this call: let it go after the call returns.
    job.watcher.release()->deleteLater();
    if (job.cancelled->load()) {
        if (job.cancelledHandler)
            job.cancelledHandler();
    } else if (job.deliver) {
        job.deliver();
    }
}

void JobTracker::progressFrom(quint64 id, int percent)
{
    if (id == m_lastId && m_jobs.count(id))
        Q_EMIT progressChanged(percent);
}

} // namespace coroscope::app
