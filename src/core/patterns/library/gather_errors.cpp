// SPDX-License-Identifier: GPL-3.0-or-later
// gather with returnExceptions: one service of the dashboard fails, the page still loads.
#include "async/errors.h"
#include "async/gather.h"
#include "io/httpclient.h"
#include "patterns/pattern.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::HttpClient;

QCoro::Task<QJsonDocument> fetch(QUrl url)
{
    HttpClient http;
    co_return co_await http.getJson(url); // an answer >= 400 throws HttpError
}

// Python's `if isinstance(orders, Exception): log it; orders = []`, for one result.
QJsonArray listOrEmpty(const Outcome<QJsonDocument> &result, const QString &service, QStringList &failed)
{
    if (result.ok())
        return result.value().array();
    TaskContext::current()->mark(QStringLiteral("%1 failed (%2): shown as empty").arg(service, result.errorMessage()));
    failed.append(QStringLiteral("%1 (%2)").arg(service, result.errorMessage()));
    return {};
}

} // namespace

QCoro::Task<RunOutcome> runGatherErrors(const PatternContext &context)
{
    const int user = context.integer(QStringLiteral("user_id"));
    const int latency = context.integer(QStringLiteral("latency_ms"));
    const QString down = context.text(QStringLiteral("failing_service"));
    const QStringList services{QStringLiteral("user"), QStringLiteral("orders"), QStringLiteral("notifications")};
    if (down != QLatin1String("none") && !services.contains(down))
        throw Error(ErrorKind::InvalidArgument, QStringLiteral("failing_service must be none, %1 (got \"%2\")")
                                                    .arg(services.join(QStringLiteral(", ")), down));

    // The service that is "down" answers 503 Service Unavailable, at once, as a dead backend does.
    const auto slow = QStringLiteral("latency_ms=%1").arg(latency);
    auto urlOf = [&](const QString &service, const QString &path) {
        return context.url(service == down ? QStringLiteral("/status/503") : path);
    };
    const auto userUrl = urlOf(QStringLiteral("user"), QStringLiteral("/users/%1?%2").arg(user).arg(slow));
    const auto ordersUrl = urlOf(QStringLiteral("orders"), QStringLiteral("/orders?user=%1&%2").arg(user).arg(slow));
    const auto notificationsUrl = urlOf(QStringLiteral("notifications"),
                                        QStringLiteral("/notifications?user=%1&%2").arg(user).arg(slow));

    auto getUser = spawn(QStringLiteral("get_user"), [=] { return fetch(userUrl); });
    auto getOrders = spawn(QStringLiteral("get_orders"), [=] { return fetch(ordersUrl); });
    auto getNotifications = spawn(QStringLiteral("get_notifications"), [=] { return fetch(notificationsUrl); });

    // With returnExceptions a failure does not end the wait: every task is waited for, and each
    // result is an Outcome, holding either the value or the error that took its place.
    auto [profile, orders, notifications] = co_await gather(returnExceptions, getUser, getOrders, getNotifications);

    // Decide per result what a failure means. Without the profile there is no page to show...
    if (!profile.ok())
        throw Error(ErrorKind::Other, QStringLiteral("no dashboard without the user: %1").arg(profile.errorMessage()));

    // ...while missing orders or notifications are worth a warning, not an error page.
    QStringList failed;
    const auto orderList = listOrEmpty(orders, QStringLiteral("orders"), failed);
    const auto notificationList = listOrEmpty(notifications, QStringLiteral("notifications"), failed);

    co_return RunOutcome{RunStatus::Ok,
                         QStringLiteral("dashboard for %1: %2 orders, %3 notifications; failed: %4")
                             .arg(profile.value()[QStringLiteral("name")].toString())
                             .arg(orderList.size())
                             .arg(notificationList.size())
                             .arg(failed.isEmpty() ? QStringLiteral("none") : failed.join(QStringLiteral(", ")))};
}

} // namespace coroscope::patterns
