// SPDX-License-Identifier: GPL-3.0-or-later
// gather: the dashboard's three independent requests, in flight at the same time.
#include "async/gather.h"
#include "io/httpclient.h"
#include "patterns/library.h"

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

} // namespace

std::unique_ptr<Pattern> makeGather()
{
    PatternInfo info;
    info.id = QStringLiteral("gather");
    info.title = QStringLiteral("gather: independent calls in parallel");
    info.category = QStringLiteral("Concurrency");
    info.seedSection = QStringLiteral("Concurrent Execution: asyncio.gather");
    info.summary = QStringLiteral("Start the dashboard's three requests together and wait for all of them.");
    info.explanation = QStringLiteral(
        "gather takes tasks that are already running and suspends the caller until every one has finished. "
        "Results come back in the order the tasks were given, not the order they finished in. Because the "
        "three requests do not depend on each other, their waits overlap.");
    info.whatToLookFor = QStringLiteral(
        "Three child tasks start within a millisecond of each other; their network suspensions overlap; "
        "main waits in one child-join suspension. Wall time is about one latency, not three.");
    info.parameters = {
        {QStringLiteral("user_id"), QStringLiteral("User"), ParameterSpec::Type::Integer, 1, 1, 1000, QString(),
         QStringLiteral("Whose dashboard to load")},
        {QStringLiteral("latency_ms"), QStringLiteral("Latency"), ParameterSpec::Type::DurationMs, 200, 0, 5000,
         QStringLiteral("ms"), QStringLiteral("How long each service takes to answer")},
    };
    info.sourceFile = QStringLiteral(":/patterns/library/gather.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/gather.py");
    return definePattern(std::move(info), &runGather);
}

} // namespace coroscope::patterns
