// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/databasepool.h"

#include "io/databasesql.h"
#include "io/databaseworker.h"

#include <QDir>
#include <QFileInfo>

#include <future>

namespace coroscope::io::detail {
namespace {

std::atomic<int> g_poolNumber{1};

// The problems SQLite would only report as "unable to open database file", said plainly.
void checkPath(const QString &path, const DatabaseOptions &options)
{
    if (path.isEmpty())
        throw databaseError(path, QStringLiteral("no database file given"));
    if (path == QLatin1String(":memory:") || path.startsWith(QLatin1String("file:")))
        throw databaseError(path, QStringLiteral("give a plain file path: every worker opens its own connection, "
                                                 "so an in-memory database would not be shared"));
    const QFileInfo file(path);
    const QDir directory = file.absoluteDir();
    if (!directory.exists())
        throw databaseError(
            path,
            QStringLiteral("the directory %1 does not exist").arg(QDir::toNativeSeparators(directory.absolutePath())));
    if (file.exists()) {
        if (file.isDir())
            throw databaseError(path, QStringLiteral("this is a directory, not a database file"));
        if (!file.isReadable())
            throw databaseError(path, QStringLiteral("the file is not readable (permission denied)"));
    } else if (options.readOnly) {
        throw databaseError(path,
                            QStringLiteral("the file does not exist, and a read-only database cannot be created"));
    }
}

} // namespace

DatabasePool::DatabasePool(const QString &path, const DatabaseOptions &options)
    : m_path(path)
{
    checkPath(path, options);
    const int pool = g_poolNumber.fetch_add(1);
    const int count = std::max(1, options.workers);
    for (int i = 0; i < count; ++i) {
        // The first connection sets the file up (WAL) before the others open it.
        const auto role = i == 0 ? DatabaseConnection::Role::Primary : DatabaseConnection::Role::Secondary;
        m_workers.push_back(
            std::make_unique<DatabaseWorker>(QStringLiteral("coroscope-db%1-worker%2").arg(pool).arg(i + 1),
                                             QStringLiteral("database worker %1").arg(i + 1), path, options, role));
        // On failure the workers made so far are joined by m_workers' destructor.
        m_workers.back()->waitUntilOpen();
    }
}

DatabasePool::~DatabasePool() = default;

int DatabasePool::pickWorker() const
{
    int best = 0;
    int bestLoad = m_workers.front()->load();
    for (int i = 1; i < int(m_workers.size()) && bestLoad > 0; ++i) {
        const int load = m_workers[std::size_t(i)]->load();
        if (load < bestLoad) {
            best = i;
            bestLoad = load;
        }
    }
    return best;
}

void DatabasePool::submit(int worker, std::shared_ptr<DatabaseJob> job)
{
    m_workers[std::size_t(worker)]->submit(std::move(job));
}

void DatabasePool::cancel(int worker, DatabaseJob &job)
{
    m_workers[std::size_t(worker)]->cancel(job);
}

void DatabasePool::runBlocking(const std::function<void(DatabaseWorker &)> &work)
{
    // Shared, not on this stack: the worker may still be inside set_value() when get() returns.
    auto finished = std::make_shared<std::promise<void>>();
    auto result = finished->get_future();
    auto job = std::make_shared<DatabaseJob>();
    job->work = work;
    job->done = [finished](std::exception_ptr error) {
        if (error)
            finished->set_exception(error);
        else
            finished->set_value();
    };
    submit(pickWorker(), std::move(job));
    result.get();
}

} // namespace coroscope::io::detail
