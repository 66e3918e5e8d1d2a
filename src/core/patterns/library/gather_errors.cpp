// SPDX-License-Identifier: GPL-3.0-or-later
// gather with returnExceptions: one service of the dashboard fails, the page still loads.
#include "async/errors.h"
#include "async/gather.h"
#include "io/httpclient.h"
#include "patterns/library.h"

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
    const auto notificationsUrl =
        urlOf(QStringLiteral("notifications"), QStringLiteral("/notifications?user=%1&%2").arg(user).arg(slow));

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

    co_return RunOutcome{RunStatus::Ok, QStringLiteral("dashboard for %1: %2 orders, %3 notifications; failed: %4")
                                            .arg(profile.value()[QStringLiteral("name")].toString())
                                            .arg(orderList.size())
                                            .arg(notificationList.size())
                                            .arg(failed.isEmpty() ? QStringLiteral("none") : failed.join(QStringLiteral(", ")))};
}

} // namespace

std::unique_ptr<Pattern> makeGatherErrors()
{
    PatternInfo info;
    info.id = QStringLiteral("gather-errors");
    info.title = QStringLiteral("gather with returnExceptions: partial failure");
    info.category = QStringLiteral("Concurrency");
    info.seedSection = QStringLiteral("Concurrent Execution: Error Handling with gather");
    info.summary = QStringLiteral("Load the dashboard although one of its three services is down, filling in a default for it.");
    info.explanation = QStringLiteral(
        "By default gather throws the first error it sees, and the results of the other tasks are lost to the "
        "caller. With returnExceptions it waits for every task and hands back each result in place: a value, "
        "or the error that took its place. The caller then decides, result by result, what a failure means. "
        "Here the dashboard cannot be shown without the user, but it can be shown with no orders or no "
        "notifications, so those failures become an empty list and a warning.");
    info.whatToLookFor = QStringLiteral(
        "Three child tasks start together. The one whose service is down ends almost at once, red (error), "
        "after a very short network suspension; the other two keep their network suspensions for the whole "
        "latency. main stays in its child-join suspension until the last one is done, so the wall time is "
        "about one latency. A mark on main says which service failed and that it was shown as empty; main "
        "itself finishes green. Set the failing service to user to see a failure that cannot be papered over.");
    info.parameters = {
        {QStringLiteral("user_id"), QStringLiteral("User"), ParameterSpec::Type::Integer, 1, 1, 1000, QString(),
         QStringLiteral("Whose dashboard to load")},
        {QStringLiteral("latency_ms"), QStringLiteral("Latency"), ParameterSpec::Type::DurationMs, 300, 0, 5000,
         QStringLiteral("ms"), QStringLiteral("How long each working service takes to answer")},
        {QStringLiteral("failing_service"), QStringLiteral("Failing service"), ParameterSpec::Type::Text,
         QStringLiteral("orders"), 0, 0, QString(),
         QStringLiteral("Which service is down (answers 503): none, user, orders or notifications")},
    };
    info.sourceFile = QStringLiteral(":/patterns/library/gather_errors.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/gather_errors.py");
    return definePattern(std::move(info), &runGatherErrors);
}

} // namespace coroscope::patterns
