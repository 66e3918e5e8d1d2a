// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/demodata.h"

#include <array>

namespace coroscope::io::demo {
namespace {

constexpr std::array firstNames{"Ada", "Alan",  "Barbara",  "Dennis",  "Edsger", "Frances", "Grace",   "Guido",
                                "Ken", "Linus", "Margaret", "Niklaus", "Radia",  "Tony",    "Yukihiro"};
constexpr std::array lastNames{"Lovelace", "Turing",   "Liskov",   "Ritchie",  "Dijkstra", "Allen",   "Hopper",
                               "Rossum",   "Thompson", "Torvalds", "Hamilton", "Wirth",    "Perlman", "Hoare"};
constexpr std::array categoryNames{"books", "games", "garden", "kitchen", "music", "outdoor", "tools", "toys"};
constexpr std::array productWords{"Lamp",  "Kettle", "Chair", "Notebook", "Guitar",  "Tent",
                                  "Drill", "Puzzle", "Mug",   "Backpack", "Speaker", "Rake"};

// A small, well-mixed hash: the same id always gives the same demo record.
quint32 mix(quint32 x)
{
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

template<std::size_t N>
QString pick(const std::array<const char *, N> &names, quint32 seed)
{
    return QString::fromLatin1(names[seed % N]);
}

} // namespace

bool isUser(int id)
{
    return id >= 1 && id <= userCount;
}
bool isProduct(int id)
{
    return id >= 1 && id <= productCount;
}

User user(int id)
{
    const auto seed = mix(quint32(id));
    const auto first = pick(firstNames, seed);
    const auto last = pick(lastNames, seed >> 8);
    return User{id, first + QLatin1Char(' ') + last,
                first.toLower() + QLatin1Char('.') + last.toLower() + QString::number(id)
                    + QStringLiteral("@example.org")};
}

QList<Order> ordersOf(int userId)
{
    QList<Order> orders;
    for (int i = 0; i < ordersPerUser; ++i) {
        const int id = (userId - 1) * ordersPerUser + i + 1;
        const auto seed = mix(quint32(id) * 31U + 7U);
        const int productId = int(seed % productCount) + 1;
        const int quantity = int((seed >> 12) % 4) + 1;
        orders.append(Order{id, userId, productId, quantity, quantity * product(productId).price});
    }
    return orders;
}

QList<Notification> notificationsOf(int userId)
{
    QList<Notification> notifications;
    for (int i = 0; i < notificationsPerUser; ++i) {
        const int id = (userId - 1) * notificationsPerUser + i + 1;
        const auto order = ordersOf(userId).at(i % ordersPerUser);
        notifications.append(Notification{id, userId, QStringLiteral("Order %1 has shipped").arg(order.id)});
    }
    return notifications;
}

Product product(int id)
{
    const auto seed = mix(quint32(id) * 2654435761U);
    const auto category = pick(categoryNames, seed);
    return Product{id, pick(productWords, seed >> 4) + QStringLiteral(" #%1").arg(id), category,
                   double(seed % 20000) / 100.0 + 1.0};
}

QStringList categories()
{
    QStringList names;
    for (const auto *name : categoryNames)
        names.append(QString::fromLatin1(name));
    return names;
}

QJsonObject toJson(const User &user)
{
    return {{QStringLiteral("id"), user.id}, {QStringLiteral("name"), user.name}, {QStringLiteral("email"), user.email}};
}

QJsonObject toJson(const Order &order)
{
    return {{QStringLiteral("id"), order.id},
            {QStringLiteral("user_id"), order.userId},
            {QStringLiteral("product_id"), order.productId},
            {QStringLiteral("quantity"), order.quantity},
            {QStringLiteral("total"), order.total}};
}

QJsonObject toJson(const Notification &notification)
{
    return {{QStringLiteral("id"), notification.id},
            {QStringLiteral("user_id"), notification.userId},
            {QStringLiteral("text"), notification.text}};
}

QJsonObject toJson(const Product &product)
{
    return {{QStringLiteral("id"), product.id},
            {QStringLiteral("name"), product.name},
            {QStringLiteral("category"), product.category},
            {QStringLiteral("price"), product.price}};
}

} // namespace coroscope::io::demo
