// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <map>
#include <memory>

namespace coroscope::app {

// What a background job sees of its tracker while it works on another thread.
class JobControl
{
public:
    bool isCancelled() const { return m_cancelled->load(); }
    // Sends 0..100 to the tracker's progressChanged() (queued to its thread); false once the job
    // is cancelled, so a loop can stop right there.
    bool reportProgress(int percent) const;

private:
    friend class JobTracker;
    JobControl(class JobTracker *tracker, quint64 id, std::shared_ptr<std::atomic<bool>> cancelled);

    JobTracker *m_tracker;
    quint64 m_id;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
};

// The window's background work (opening a big trace, writing an export) on the thread pool, with
// each result handed over on the tracker's thread, or dropped when it no longer matters: the job
// was cancelled, a newer one superseded it, or the tracker is gone. After hotspot's JobTracker.
class JobTracker : public QObject
{
    Q_OBJECT
public:
    enum class Policy {
        LatestOnly, // a new job supersedes the one under way: opening one trace, then another
        Every, // every job reports: several exports may be written at once
    };

    explicit JobTracker(Policy policy, QObject *parent = nullptr);
    // Cancels every job and waits for it: a job may read what the tracker's owner owns.
    ~JobTracker() override;

    template<typename Result>
    using Work = std::function<Result(const JobControl &control)>;

    // Runs `work` on the thread pool. On this tracker's thread, `done` gets its result, or
    // `cancelled` runs instead if cancel() came first (even when the work had already finished).
    // A superseded job calls neither. Returns the job's id.
    template<typename Result>
    quint64 start(const QString &description, Work<Result> work, std::function<void(Result &)> done,
                  std::function<void()> cancelled = {})
    {
        auto result = std::make_shared<std::shared_ptr<Result>>();
        return startJob(
            description,
            [work = std::move(work), result](const JobControl &control) {
                *result = std::make_shared<Result>(work(control));
            },
            [done = std::move(done), result] {
                if (*result) // empty if the work threw
                    done(**result);
            },
            std::move(cancelled));
    }

    // Cancels every job under way (its work sees isCancelled(); its result is not delivered).
    void cancel();
    bool isBusy() const { return !m_jobs.empty(); }
    // What the newest job works on, for messages: "other.json", "run #12".
    QString description() const { return m_description; }

Q_SIGNALS:
    // From the newest job, on this tracker's thread.
    void progressChanged(int percent);

private:
    friend class JobControl;
    struct Job {
        std::shared_ptr<std::atomic<bool>> cancelled;
        std::function<void()> deliver;
        std::function<void()> cancelledHandler;
        std::unique_ptr<QFutureWatcher<void>> watcher;
    };

    quint64 startJob(const QString &description, std::function<void(const JobControl &)> work,
                     std::function<void()> deliver, std::function<void()> cancelled);
    void finish(quint64 id);
    void progressFrom(quint64 id, int percent);

    Policy m_policy;
    quint64 m_lastId = 0;
    QString m_description;
    std::map<quint64, Job> m_jobs;
};

} // namespace coroscope::app
