// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/databaseoptions.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace coroscope::io::detail {

class DatabaseWorker;
struct DatabaseJob;

// The worker threads behind one Database: each has its own connection to the same file.
// Destroying the pool interrupts what runs, fails what is queued and joins the threads.
class DatabasePool
{
public:
    // Opens every worker's connection before returning; throws async::Error(Database) naming
    // the file and the reason (missing directory, not a database, ...).
    DatabasePool(const QString &path, const DatabaseOptions &options);
    ~DatabasePool();
    DatabasePool(const DatabasePool &) = delete;
    DatabasePool &operator=(const DatabasePool &) = delete;

    const QString &path() const { return m_path; }
    int workerCount() const { return int(m_workers.size()); }

    // The worker with the fewest queued and running jobs.
    int pickWorker() const;
    void submit(int worker, std::shared_ptr<DatabaseJob> job);
    void cancel(int worker, DatabaseJob &job);
    // Runs `work` on a worker and blocks until it is done, rethrowing its error: for setting
    // up a database before any coroutine uses it, never from inside one.
    void runBlocking(const std::function<void(DatabaseWorker &)> &work);
    quint64 newCursorId() { return m_nextCursor.fetch_add(1, std::memory_order_relaxed); }

private:
    QString m_path;
    std::vector<std::unique_ptr<DatabaseWorker>> m_workers;
    std::atomic<quint64> m_nextCursor{1};
};

} // namespace coroscope::io::detail
