// SPDX-License-Identifier: GPL-3.0-or-later
// Resource cleanup: give a pooled connection back in a destructor, so that an error cannot leak it.
#include "async/spawn.h"
#include "io/database.h"
#include "io/httpclient.h"
#include "patterns/pattern.h"

#include <map>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::Database;
using coroscope::io::HttpClient;

QString openResources()
{
    return QStringLiteral("open resources");
}

// A small pool of real SQLite connections (each a Database with one worker thread). open()
// hands one out under a number, close() takes it back: like a file descriptor, a number nobody
// closes stays open, and the connection with it.
class ConnectionPool
{
public:
    explicit ConnectionPool(QString path)
        : m_path(std::move(path))
    {
    }

    // The seed's engine.dispose(): at the very end, whatever was never closed is closed now.
    ~ConnectionPool()
    {
        if (!m_open.empty())
            mark(QStringLiteral("pool disposed: closing %1 connection(s) nobody closed").arg(m_open.size()));
        m_open.clear();
        recordCounter(openResources(), 0);
    }

    ConnectionPool(const ConnectionPool &) = delete;
    ConnectionPool &operator=(const ConnectionPool &) = delete;

    int open()
    {
        Database::Options options;
        options.workers = 1;
        options.readOnly = true;
        auto db = Database::open(m_path, options);
        if (!db.isOpen())
            throw Error(ErrorKind::Database, db.errorString());
        m_open.emplace(++m_lastId, std::move(db));
        recordCounter(openResources(), double(m_open.size()));
        return m_lastId;
    }

    const Database &connection(int id) const { return m_open.at(id); }

    void close(int id)
    {
        m_open.erase(id);
        recordCounter(openResources(), double(m_open.size()));
    }

    int openCount() const { return int(m_open.size()); }

private:
    QString m_path;
    std::map<int, Database> m_open;
    int m_lastId = 0;
};

// `async with PooledConnection(pool) as db:`. The constructor is __aenter__, the destructor
// __aexit__: it runs however the scope is left, by its end, by co_return or by an exception.
class PooledConnection
{
public:
    explicit PooledConnection(ConnectionPool &pool)
        : m_pool(pool)
        , m_id(pool.open())
    {
    }
    ~PooledConnection() { m_pool.close(m_id); }

    PooledConnection(const PooledConnection &) = delete;
    PooledConnection &operator=(const PooledConnection &) = delete;

    const Database &db() const { return m_pool.connection(m_id); }

private:
    ConnectionPool &m_pool;
    int m_id;
};

// Where an order goes: reserving stock takes a while, and then the payment service is down.
struct Services {
    QUrl reserve;
    QUrl charge;
};

// Bad: open, work, close. The charge throws, so the close below it never runs.
QCoro::Task<void> handleOrderByHand(ConnectionPool *pool, int user, Services services)
{
    HttpClient http;
    const int connection = pool->open();
    co_await pool->connection(connection).query(QStringLiteral("SELECT email FROM users WHERE id = ?"), user);
    co_await http.get(services.reserve);
    co_await http.post(services.charge, QByteArrayLiteral("{\"amount\": 42}"));
    pool->close(connection);
}

// Good: the same steps inside a guard. The charge throws just the same; the destructor closes.
QCoro::Task<void> handleOrder(ConnectionPool *pool, int user, Services services)
{
    HttpClient http;
    PooledConnection connection(*pool);
    co_await connection.db().query(QStringLiteral("SELECT email FROM users WHERE id = ?"), user);
    co_await http.get(services.reserve);
    co_await http.post(services.charge, QByteArrayLiteral("{\"amount\": 42}"));
}

using OrderHandler = QCoro::Task<void> (*)(ConnectionPool *, int, Services);

// Serves `orders` orders one after another with `handle`; returns how many connections were
// still open once they had all failed.
QCoro::Task<int> serveOrders(QString databasePath, Services services, int orders, OrderHandler handle)
{
    ConnectionPool pool(databasePath);
    for (int order = 1; order <= orders; ++order) {
        auto task = spawn(QStringLiteral("handle_order(%1)").arg(order),
                          [pool = &pool, order, services, handle] { return handle(pool, order, services); });
        try {
            co_await task.join();
        } catch (const Error &) {
            // Expected: the payment service is down. What matters is what the order left behind.
        }
    }
    const int leftOpen = pool.openCount();
    mark(QStringLiteral("%1 connection(s) still open after %2 failed orders").arg(leftOpen).arg(orders));
    co_return leftOpen;
}

} // namespace

QCoro::Task<RunOutcome> runResourceCleanup(const PatternContext &context)
{
    const int orders = context.integer(QStringLiteral("orders"));
    const auto databasePath = context.environment().databasePath;
    const Services services{context.url(QStringLiteral("/delay/%1").arg(context.integer(QStringLiteral("latency_ms")))),
                            context.url(QStringLiteral("/status/503"))};
    recordCounter(openResources(), 0);

    auto bad = spawn(QStringLiteral("bad: close by hand"),
                     [=] { return serveOrders(databasePath, services, orders, &handleOrderByHand); });
    const int leaked = co_await bad.join();
    auto good = spawn(QStringLiteral("good: close in a destructor"),
                      [=] { return serveOrders(databasePath, services, orders, &handleOrder); });
    const int kept = co_await good.join();

    co_return RunOutcome{RunStatus::Ok,
                         QStringLiteral("%1 failed orders each way: closing by hand left %2 connection(s) open, "
                                        "the guard left %3")
                             .arg(orders)
                             .arg(leaked)
                             .arg(kept)};
}

} // namespace coroscope::patterns
