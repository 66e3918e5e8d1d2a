// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/demodb.h"

#include "io/databasebulk.h"
#include "io/databasepool.h"
#include "io/databasesql.h"
#include "io/databasestatement.h"
#include "io/databasetransaction.h"
#include "io/databaseworker.h"
#include "io/demodata.h"

namespace coroscope::io {
namespace {

using detail::DatabaseConnection;

constexpr const char *schema[] = {
    "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE)",
    "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL, price REAL NOT NULL)",
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),"
    " product_id INTEGER NOT NULL REFERENCES products(id), quantity INTEGER NOT NULL, total REAL NOT NULL)",
    "CREATE TABLE notifications (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),"
    " text TEXT NOT NULL)",
    "CREATE INDEX orders_by_user ON orders(user_id)",
    "CREATE INDEX notifications_by_user ON notifications(user_id)",
};

qint64 readNumber(DatabaseConnection &connection, const QString &sql)
{
    detail::Statement statement(connection, sql);
    return statement.step() ? statement.row().value(0).toLongLong() : 0;
}

bool isSeeded(DatabaseConnection &connection)
{
    return readNumber(connection, QStringLiteral("PRAGMA user_version")) == demoDatabaseVersion
           && readNumber(connection,
                         QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'users'"))
                  == 1;
}

void seed(DatabaseConnection &connection)
{
    for (const char *statement : schema)
        connection.exec(statement);

    QList<QVariantList> users;
    QList<QVariantList> orders;
    QList<QVariantList> notifications;
    for (int id = 1; id <= demo::userCount; ++id) {
        const auto user = demo::user(id);
        users.append({user.id, user.name, user.email});
        for (const auto &order : demo::ordersOf(id))
            orders.append({order.id, order.userId, order.productId, order.quantity, order.total});
        for (const auto &notification : demo::notificationsOf(id))
            notifications.append({notification.id, notification.userId, notification.text});
    }
    QList<QVariantList> products;
    for (int id = 1; id <= demo::productCount; ++id) {
        const auto product = demo::product(id);
        products.append({product.id, product.name, product.category, product.price});
    }

    detail::insertRows(connection, QStringLiteral("users"),
                       {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("email")}, users);
    detail::insertRows(
        connection, QStringLiteral("products"),
        {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("category"), QStringLiteral("price")}, products);
    detail::insertRows(connection, QStringLiteral("orders"),
                       {QStringLiteral("id"), QStringLiteral("user_id"), QStringLiteral("product_id"),
                        QStringLiteral("quantity"), QStringLiteral("total")},
                       orders);
    detail::insertRows(connection, QStringLiteral("notifications"),
                       {QStringLiteral("id"), QStringLiteral("user_id"), QStringLiteral("text")}, notifications);
    connection.exec(QStringLiteral("PRAGMA user_version = %1").arg(demoDatabaseVersion).toUtf8().constData());
}

} // namespace

bool ensureDemoDatabase(const QString &path)
{
    DatabaseOptions options;
    options.workers = 1;
    detail::DatabasePool pool(path, options);
    bool seeded = false;
    pool.runBlocking([&seeded, &path](detail::DatabaseWorker &worker) {
        auto &connection = worker.connection();
        if (isSeeded(connection))
            return;
        // Checked again under the write lock: another process may have seeded it meanwhile.
        detail::Transaction transaction(connection);
        if (isSeeded(connection))
            return;
        if (readNumber(connection, QStringLiteral("SELECT count(*) FROM sqlite_master")) > 0)
            throw detail::databaseError(path, QStringLiteral("this file already holds other tables: it is not a "
                                                             "Coroscope demo database, and it was left untouched"));
        seed(connection);
        transaction.commit();
        seeded = true;
    });
    return seeded;
}

} // namespace coroscope::io
