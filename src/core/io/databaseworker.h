// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/databaseconnection.h"
#include "io/databaseoptions.h"

#include <QString>
#include <QVariantList>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <unordered_map>

class QThread;

namespace coroscope::io::detail {

class DatabaseWorker;
class Statement;

// One unit of work for a database worker, shared by the side that waits for it and the worker.
struct DatabaseJob {
    // Runs on the worker thread; stores its own result and throws on failure.
    std::function<void(DatabaseWorker &)> work;
    // Runs on the worker thread once the job is over, with its error if it had one; also when
    // it never ran because it was cancelled while queued or the database closed. May be empty.
    std::function<void(std::exception_ptr)> done;
    // Set by the waiting side; read by the worker between rows and by SQLite's progress handler.
    std::atomic<bool> cancelled{false};
};

// A thread with its own connection to the database file, running queued jobs one at a time in
// order. A stream's cursor gets one more connection on the same thread: a half-read statement
// keeps its connection busy, and an interrupt meant for another job's statement must not hit it.
//
// Cancelling the running job calls sqlite3_interrupt on the connection it runs on. SQLite clears
// a pending interrupt when the next statement starts on an idle connection, so an interrupt that
// lands between two statements of a job (or before its first step) would be lost; a progress
// handler that checks the job's flag every thousand VM instructions catches those. Neither
// reaches a statement waiting for another connection's write lock, so the busy handler (the
// busy timeout, implemented here) gives up as soon as the job is cancelled.
class DatabaseWorker
{
public:
    DatabaseWorker(QString connectionName, QString threadName, QString path, DatabaseOptions options,
                   DatabaseConnection::Role role);
    // Interrupts the running job, fails the queued ones as "closed" and joins the thread.
    ~DatabaseWorker();
    DatabaseWorker(const DatabaseWorker &) = delete;
    DatabaseWorker &operator=(const DatabaseWorker &) = delete;

    // Blocks until the connection is open; throws why it could not be opened.
    void waitUntilOpen();
    void submit(std::shared_ptr<DatabaseJob> job);
    // From any thread: marks `job` cancelled and interrupts its statement if it is running.
    void cancel(DatabaseJob &job);
    // Queued and running jobs.
    int load() const;

    // For jobs, on the worker thread.
    DatabaseConnection &connection() { return *m_connection; }
    bool isCancelled() const;
    // The running job's flag, for loops that check it between rows.
    const std::atomic<bool> *cancelFlag() const;
    // The statement of stream cursor `id`: prepared and bound on a connection of its own on
    // first use, then stepped further page by page.
    Statement &cursor(quint64 id, const QString &sql, const QVariantList &params);
    void closeCursor(quint64 id);

private:
    struct Cursor;

    void run();
    void execute(DatabaseJob &job, bool closing);
    void setInterruptTarget(DatabaseConnection &connection);
    void watchCancellation(DatabaseConnection &connection);
    static int progress(void *worker);
    static int busy(void *worker, int attempts);

    const QString m_connectionName;
    const QString m_path;
    const DatabaseOptions m_options;
    const DatabaseConnection::Role m_role;
    std::promise<void> m_opened;
    std::unique_ptr<QThread> m_thread;

    // Worker thread only.
    std::unique_ptr<DatabaseConnection> m_connection;
    std::chrono::steady_clock::time_point m_busySince;
    std::unordered_map<quint64, std::unique_ptr<Cursor>> m_cursors;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::shared_ptr<DatabaseJob>> m_queue;
    DatabaseJob *m_running = nullptr; // written by the worker under the mutex
    DatabaseConnection *m_runningOn = nullptr; // where sqlite3_interrupt must go
    bool m_stopping = false;
};

} // namespace coroscope::io::detail
