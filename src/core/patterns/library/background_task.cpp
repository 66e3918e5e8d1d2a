// SPDX-License-Identifier: GPL-3.0-or-later
// Background tasks: answer the request first, send the confirmation email afterwards.
#include "async/gather.h"
#include "async/spawn.h"
#include "io/httpclient.h"
#include "patterns/pattern.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::HttpClient;

using Job = std::function<QCoro::Task<void>()>;

// FastAPI's BackgroundTasks: the handler only writes down what to run later; the server starts
// it once the response is on its way.
class BackgroundTasks
{
public:
    void addTask(QString name, Job job) { m_jobs.emplace_back(std::move(name), std::move(job)); }

    std::vector<TaskHandle<void>> startAll()
    {
        std::vector<TaskHandle<void>> running;
        for (auto &[name, job] : m_jobs)
            running.push_back(spawn(name, job));
        m_jobs.clear();
        return running;
    }

private:
    std::vector<std::pair<QString, Job>> m_jobs;
};

QByteArray emailJson(const QString &to, const QString &subject, const QString &body)
{
    const QJsonObject email{
        {QStringLiteral("to"), to}, {QStringLiteral("subject"), subject}, {QStringLiteral("body"), body}};
    return QJsonDocument(email).toJson(QJsonDocument::Compact);
}

// The slow part nobody should wait for: the mail service takes its time.
QCoro::Task<void> sendEmail(QUrl mailService, QString to, QString subject, QString body)
{
    HttpClient http;
    co_await http.post(mailService, emailJson(to, subject, body));
}

// POST /orders: create the order (here: look up the customer), schedule the email, answer.
QCoro::Task<QJsonObject> createOrder(std::shared_ptr<BackgroundTasks> background, QUrl customerUrl, QUrl mailService)
{
    HttpClient http;
    const auto customer = co_await http.getJson(customerUrl);
    const auto to = customer[QStringLiteral("email")].toString();
    const int orderId = 5000 + customer[QStringLiteral("id")].toInt();

    background->addTask(QStringLiteral("send_email"), [mailService, to, orderId] {
        return sendEmail(mailService, to, QStringLiteral("Order confirmation"),
                         QStringLiteral("Your order %1 has been placed.").arg(orderId));
    });
    co_return QJsonObject{{QStringLiteral("order"), orderId}, {QStringLiteral("email"), to}};
}

} // namespace

// This task plays the web server: it runs the handler, sends the response, then the background work.
QCoro::Task<RunOutcome> runBackgroundTask(const PatternContext &context)
{
    const auto customerUrl = context.url(QStringLiteral("/users/%1?latency_ms=%2")
                                             .arg(context.integer(QStringLiteral("user_id")))
                                             .arg(context.integer(QStringLiteral("order_ms"))));
    const auto mailService = context.url(QStringLiteral("/delay/%1").arg(context.integer(QStringLiteral("email_ms"))));
    auto background = std::make_shared<BackgroundTasks>();
    QElapsedTimer clock;
    clock.start();

    auto handler = spawn(QStringLiteral("create_order"),
                         [=] { return createOrder(background, customerUrl, mailService); });
    const auto order = co_await handler.join();
    const auto responseMs = clock.elapsed();
    mark(QStringLiteral("response sent: order %1, after %2 ms").arg(order[QStringLiteral("order")].toInt()).arg(responseMs));

    // The client has its answer; the email goes out now. A server keeps running until its
    // background tasks are done, so this one waits for them before it stops.
    auto jobs = background->startAll();
    co_await gather(std::move(jobs));

    co_return RunOutcome{RunStatus::Ok,
                         QStringLiteral("response sent after %1 ms; the email to %2 was done %3 ms after that")
                             .arg(responseMs)
                             .arg(order[QStringLiteral("email")].toString())
                             .arg(clock.elapsed() - responseMs)};
}

} // namespace coroscope::patterns
