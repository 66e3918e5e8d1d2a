// SPDX-License-Identifier: GPL-3.0-or-later
// Pitfall: HTTP clients that are never closed keep their connections open.
#include "async/sleep.h"
#include "async/spawn.h"
#include "io/httpclient.h"
#include "patterns/pattern.h"

#include <QJsonObject>
#include <QNetworkAccessManager>

#include <memory>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using namespace std::chrono_literals;
using coroscope::io::HttpClient;

// Bad: a new client for every call, never closed. It hangs off the application object, as Qt
// code often does, so it (and its open connection) goes only when the application does.
QCoro::Task<void> callsWithoutClosing(QObject *application, QUrl url, int calls)
{
    for (int call = 1; call <= calls; ++call) {
        auto *client = new QNetworkAccessManager(application); // httpx.AsyncClient(), never closed
        HttpClient http(client);
        co_await http.get(url);
    }
}

// Good: the client lives in the loop's scope (`async with httpx.AsyncClient() as client:`).
// Leaving the scope destroys it, and that closes its connection.
QCoro::Task<void> callsWithScopedClients(QUrl url, int calls)
{
    for (int call = 1; call <= calls; ++call) {
        QNetworkAccessManager client;
        HttpClient http(&client);
        co_await http.get(url);
    }
}

// The lab server's own count of open connections; the request also draws it as a counter.
QCoro::Task<int> openConnections(QUrl stats)
{
    HttpClient http;
    const auto answer = co_await http.getJson(stats);
    co_return answer[QStringLiteral("connections")].toInt();
}

} // namespace

QCoro::Task<RunOutcome> runPitfallLeak(const PatternContext &context)
{
    const int calls = context.integer(QStringLiteral("calls"));
    const auto url = context.url(QStringLiteral("/delay/%1").arg(context.integer(QStringLiteral("latency_ms"))));
    const auto stats = context.url(QStringLiteral("/stats"));
    // A closed connection reaches the server's count a moment later: wait that long before asking.
    const auto settle = 100ms;

    // Stands for the application: an object that lives as long as the program.
    auto application = std::make_unique<QObject>();
    const int before = co_await openConnections(stats);

    auto bad = spawn(QStringLiteral("bad: clients never closed"),
                     [=, app = application.get()] { return callsWithoutClosing(app, url, calls); });
    co_await bad.join();
    co_await sleep(settle);
    const int afterBad = co_await openConnections(stats);

    auto good = spawn(QStringLiteral("good: scoped clients"), [=] { return callsWithScopedClients(url, calls); });
    co_await good.join();
    co_await sleep(settle);
    const int afterGood = co_await openConnections(stats);

    // Forgotten clients go only with their owner: here, when the program ends.
    mark(QStringLiteral("the application shuts down: its forgotten clients close at last"));
    application.reset();
    co_await sleep(settle);
    const int atExit = co_await openConnections(stats);

    co_return RunOutcome{RunStatus::Ok, QStringLiteral("%1 calls each: clients never closed left %2 more connection(s) "
                                                       "open, scoped clients %3 more; %4 more after shutdown")
                                            .arg(calls)
                                            .arg(afterBad - before)
                                            .arg(afterGood - afterBad)
                                            .arg(atExit - before)};
}

} // namespace coroscope::patterns
