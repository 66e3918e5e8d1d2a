// SPDX-License-Identifier: GPL-3.0-or-later
// gather: the dashboard's three independent requests, in flight at the same time.
#include "async/gather.h"

#include "io/httpclient.h"
#include "patterns/pattern.h"

#include <QJsonArray>
#include <QJsonObject>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::HttpClient;

QCoro::Task<QJsonDocument> fetch(QUrl url)
{
    HttpClient http;
    co_return co_await http.getJson(url);
}

} // namespace

QCoro::Task<RunOutcome> runGather(const PatternContext &context)
{
    const int user = context.integer(QStringLiteral("user_id"));
    const int latency = context.integer(QStringLiteral("latency_ms"));
    const auto slow = QStringLiteral("latency_ms=%1").arg(latency);

    const auto userUrl = context.url(QStringLiteral("/users/%1?%2").arg(user).arg(slow));
    const auto ordersUrl = context.url(QStringLiteral("/orders?user=%1&%2").arg(user).arg(slow));
    const auto notificationsUrl = context.url(QStringLiteral("/notifications?user=%1&%2").arg(user).arg(slow));

    // All three start right here, each as its own task...
    auto getUser = spawn(QStringLiteral("get_user"), [=] { return fetch(userUrl); });
    auto getOrders = spawn(QStringLiteral("get_orders"), [=] { return fetch(ordersUrl); });
    auto getNotifications = spawn(QStringLiteral("get_notifications"), [=] { return fetch(notificationsUrl); });

    // ...and gather waits for all of them, keeping the order they were given in.
    auto [profile, orders, notifications] = co_await gather(getUser, getOrders, getNotifications);

    co_return RunOutcome{RunStatus::Ok, QStringLiteral("dashboard for %1: %2 orders, %3 notifications")
                                            .arg(profile[QStringLiteral("name")].toString())
                                            .arg(orders.array().size())
                                            .arg(notifications.array().size())};
}

} // namespace coroscope::patterns
