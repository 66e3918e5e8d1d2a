// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace coroscope::io {

// The demo shop behind the lab server's /users, /orders, /notifications and /products and the
// demo SQLite database: generated from the id alone, so both always agree and every run is
// reproducible without shipping a data file.
namespace demo {

inline constexpr int userCount = 1000;
inline constexpr int productCount = 5000;
inline constexpr int ordersPerUser = 3;
inline constexpr int notificationsPerUser = 2;

struct User {
    int id = 0;
    QString name;
    QString email;
};
struct Order {
    int id = 0;
    int userId = 0;
    int productId = 0;
    int quantity = 0;
    double total = 0;
};
struct Notification {
    int id = 0;
    int userId = 0;
    QString text;
};
struct Product {
    int id = 0;
    QString name;
    QString category;
    double price = 0;
};

bool isUser(int id);
bool isProduct(int id);
User user(int id);
QList<Order> ordersOf(int userId);
QList<Notification> notificationsOf(int userId);
Product product(int id);
QStringList categories();

QJsonObject toJson(const User &user);
QJsonObject toJson(const Order &order);
QJsonObject toJson(const Notification &notification);
QJsonObject toJson(const Product &product);

} // namespace demo
} // namespace coroscope::io
