// SPDX-License-Identifier: GPL-3.0-or-later
// Pitfall: HTTP clients that are never closed keep their connections open.
#include "async/sleep.h"
#include "async/spawn.h"
#include "io/httpclient.h"
#include "patterns/library.h"

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

} // namespace

std::unique_ptr<Pattern> makePitfallLeak()
{
    PatternInfo info;
    info.id = QStringLiteral("pitfall-leak");
    info.title = QStringLiteral("Pitfall: not closing clients");
    info.category = QStringLiteral("Pitfalls");
    info.seedSection = QStringLiteral("Common Pitfalls: 4. Not Closing Resources");
    info.summary = QStringLiteral("Clients that are never closed keep a connection open each; scoped clients give theirs back.");
    info.explanation = QStringLiteral(
        "An HTTP client keeps its connections open after a request, ready for the next one. That is a feature "
        "while the client is in use, and a leak once it is forgotten: every client created and never closed "
        "holds a socket on both ends until its owner goes, here until the program ends. Creating the client in a "
        "scope (async with in Python, a local object in C++) closes it when the scope is left. Better still, "
        "keep one client for the whole program (see the http-reuse pattern).");
    info.whatToLookFor = QStringLiteral(
        "The \"open connections\" counter, as the lab server counts them: it climbs one step per call in the bad "
        "task and stays up; in the good task it rises by one during each call and falls back, ending where it "
        "started. It only drops back to the starting level after the mark where the application shuts down. "
        "Every call is a network suspension marked \"opens a new connection\" in both tasks.");
    info.parameters = {
        {QStringLiteral("calls"), QStringLiteral("Calls"), ParameterSpec::Type::Integer, 5, 1, 50, QStringLiteral("calls"),
         QStringLiteral("How many calls each version makes, each with a new client")},
        {QStringLiteral("latency_ms"), QStringLiteral("Latency"), ParameterSpec::Type::DurationMs, 100, 0, 5000,
         QStringLiteral("ms"), QStringLiteral("How long the server takes to answer each call")},
    };
    info.sourceFile = QStringLiteral(":/patterns/library/pitfall_leak.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/pitfall_leak.py");
    return definePattern(std::move(info), &runPitfallLeak);
}

} // namespace coroscope::patterns
