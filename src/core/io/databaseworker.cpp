// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/databaseworker.h"

#include "async/errors.h"
#include "io/databasesql.h"
#include "io/databasestatement.h"

#include <QThread>

#include <sqlite3.h>
#include <thread>

namespace coroscope::io::detail {
namespace {
// VM instructions between two looks at the cancel flag: a few microseconds of work.
constexpr int progressInterval = 1000;
// How often a statement waiting for another connection's write lock tries again.
constexpr std::chrono::milliseconds busyPoll{2};
} // namespace

struct DatabaseWorker::Cursor {
    // Declared in this order so the statement is finalized before its connection closes.
    std::unique_ptr<DatabaseConnection> connection;
    QVariantList params; // blobs are bound without copying, so they must live as long as the statement
    std::unique_ptr<Statement> statement;
};

DatabaseWorker::DatabaseWorker(QString connectionName, QString threadName, QString path, DatabaseOptions options,
                               DatabaseConnection::Role role)
    : m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
    , m_options(options)
    , m_role(role)
{
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(threadName);
    m_thread->start();
}

DatabaseWorker::~DatabaseWorker()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        if (m_running) {
            m_running->cancelled.store(true, std::memory_order_release);
            if (m_runningOn)
                sqlite3_interrupt(m_runningOn->handle());
        }
    }
    m_wake.notify_all();
    m_thread->wait();
}

void DatabaseWorker::waitUntilOpen()
{
    m_opened.get_future().get();
}

void DatabaseWorker::submit(std::shared_ptr<DatabaseJob> job)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
}

void DatabaseWorker::cancel(DatabaseJob &job)
{
    std::lock_guard lock(m_mutex);
    job.cancelled.store(true, std::memory_order_release);
    // Under the mutex the job cannot finish and its connection cannot close meanwhile, so the
    // interrupt reaches this job's statement and nothing else. A queued job is simply skipped.
    if (m_running == &job && m_runningOn)
        sqlite3_interrupt(m_runningOn->handle());
}

int DatabaseWorker::load() const
{
    std::lock_guard lock(m_mutex);
    return int(m_queue.size()) + (m_running ? 1 : 0);
}

bool DatabaseWorker::isCancelled() const
{
    return m_running && m_running->cancelled.load(std::memory_order_acquire);
}

const std::atomic<bool> *DatabaseWorker::cancelFlag() const
{
    return m_running ? &m_running->cancelled : nullptr;
}

Statement &DatabaseWorker::cursor(quint64 id, const QString &sql, const QVariantList &params)
{
    auto it = m_cursors.find(id);
    if (it == m_cursors.end()) {
        auto cursor = std::make_unique<Cursor>();
        cursor->connection = std::make_unique<DatabaseConnection>(
            QStringLiteral("%1-cursor%2").arg(m_connectionName).arg(id), m_path, m_options,
            DatabaseConnection::Role::Secondary);
        watchCancellation(*cursor->connection);
        cursor->params = params;
        cursor->statement = std::make_unique<Statement>(*cursor->connection, sql);
        cursor->statement->bind(cursor->params);
        it = m_cursors.emplace(id, std::move(cursor)).first;
    }
    setInterruptTarget(*it->second->connection);
    return *it->second->statement;
}

void DatabaseWorker::closeCursor(quint64 id)
{
    const auto it = m_cursors.find(id);
    if (it == m_cursors.end())
        return;
    setInterruptTarget(*m_connection);
    m_cursors.erase(it);
}

void DatabaseWorker::setInterruptTarget(DatabaseConnection &connection)
{
    std::lock_guard lock(m_mutex);
    m_runningOn = &connection;
}

void DatabaseWorker::watchCancellation(DatabaseConnection &connection)
{
    sqlite3_progress_handler(connection.handle(), progressInterval, &DatabaseWorker::progress, this);
    // Replaces the handler QSQLITE_BUSY_TIMEOUT installed, keeping its timeout.
    sqlite3_busy_handler(connection.handle(), &DatabaseWorker::busy, this);
}

int DatabaseWorker::progress(void *worker)
{
    // Non-zero makes the running step fail with SQLITE_INTERRUPT, like sqlite3_interrupt.
    return static_cast<DatabaseWorker *>(worker)->isCancelled() ? 1 : 0;
}

int DatabaseWorker::busy(void *worker, int attempts)
{
    // Non-zero: try again. Zero: give up with SQLITE_BUSY ("the database is locked").
    auto *self = static_cast<DatabaseWorker *>(worker);
    const auto now = std::chrono::steady_clock::now();
    if (attempts == 0)
        self->m_busySince = now;
    if (self->isCancelled() || now - self->m_busySince >= self->m_options.busyTimeout)
        return 0;
    std::this_thread::sleep_for(busyPoll);
    return 1;
}

void DatabaseWorker::run()
{
    try {
        m_connection = std::make_unique<DatabaseConnection>(m_connectionName, m_path, m_options, m_role);
        watchCancellation(*m_connection);
    } catch (...) {
        m_opened.set_exception(std::current_exception());
        return;
    }
    m_opened.set_value();

    for (;;) {
        std::shared_ptr<DatabaseJob> job;
        bool closing = false;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                break;
            job = std::move(m_queue.front());
            m_queue.pop_front();
            closing = m_stopping;
            m_running = job.get();
            m_runningOn = m_connection.get();
        }
        execute(*job, closing);
    }
    m_cursors.clear();
    m_connection.reset();
}

void DatabaseWorker::execute(DatabaseJob &job, bool closing)
{
    std::exception_ptr error;
    if (closing) {
        error = std::make_exception_ptr(databaseError(m_path, QStringLiteral("the database was closed")));
    } else if (job.cancelled.load(std::memory_order_acquire)) {
        error = std::make_exception_ptr(async::CancelledError(QStringLiteral("cancelled before it started")));
    } else {
        try {
            job.work(*this);
        } catch (...) {
            error = std::current_exception();
        }
    }
    {
        std::lock_guard lock(m_mutex);
        m_running = nullptr;
        m_runningOn = nullptr;
    }
    if (job.done)
        job.done(std::move(error));
}

} // namespace coroscope::io::detail
