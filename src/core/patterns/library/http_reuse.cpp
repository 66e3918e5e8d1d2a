// SPDX-License-Identifier: GPL-3.0-or-later
// Reusing one HTTP client versus a new client per request, and the limit a shared client hides.
#include "async/gather.h"
#include "io/httpclient.h"
#include "patterns/library.h"

#include <QElapsedTimer>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::ClientMode;
using coroscope::io::HttpClient;

// Bad: a new client for every request, like calling requests.get() without a Session. Each
// client starts with no connection, so each request opens (and then drops) its own.
QCoro::Task<int> newClientEachTime(QUrl url, int requests)
{
    int opened = 0;
    for (int i = 0; i < requests; ++i) {
        HttpClient http(ClientMode::FreshPerRequest);
        const auto response = co_await http.get(url);
        opened += response.newConnection ? 1 : 0;
    }
    co_return opened;
}

// Good: one client, reused. Its connection stays open between requests (keep-alive).
QCoro::Task<int> oneClientReused(QUrl url, int requests)
{
    int opened = 0;
    HttpClient http; // ClientMode::SharedPerThread, the default
    for (int i = 0; i < requests; ++i) {
        const auto response = co_await http.get(url);
        opened += response.newConnection ? 1 : 0;
    }
    co_return opened;
}

QCoro::Task<void> request(QUrl url)
{
    HttpClient http;
    co_await http.get(url);
}

// Many requests at once through the one client: it never opens more than 6 connections to a
// host, so the rest queue inside it, a semaphore nobody wrote.
QCoro::Task<qint64> burstOnOneClient(QUrl url, int requests)
{
    const auto before = HttpClient::connectionsOpened();
    std::vector<TaskHandle<void>> burst;
    for (int i = 1; i <= requests; ++i)
        burst.push_back(spawn(QStringLiteral("request %1").arg(i), [url] { return request(url); }));
    co_await gather(std::move(burst));
    co_return HttpClient::connectionsOpened() - before;
}

QCoro::Task<RunOutcome> runHttpReuse(const PatternContext &context)
{
    const int requests = context.integer(QStringLiteral("requests"));
    const int burst = context.integer(QStringLiteral("burst"));
    const int latency = context.integer(QStringLiteral("latency_ms"));
    const auto url = context.url(QStringLiteral("/delay/%1").arg(latency));
    QElapsedTimer clock;

    // One phase after the other, so that they do not disturb each other on the timeline.
    clock.start();
    auto bad = spawn(QStringLiteral("bad: new client per request"), [=] { return newClientEachTime(url, requests); });
    const int badOpened = co_await bad.join();
    const auto badMs = clock.restart();

    auto good = spawn(QStringLiteral("good: one client reused"), [=] { return oneClientReused(url, requests); });
    const int goodOpened = co_await good.join();
    const auto goodMs = clock.restart();

    auto hidden = spawn(QStringLiteral("hidden limit: %1 at once on one client").arg(burst),
                        [=] { return burstOnOneClient(url, burst); });
    const auto burstOpened = co_await hidden.join();
    const auto burstMs = clock.elapsed();

    // How many latencies the burst took: 1 if all its requests had been answered together.
    const auto waves = latency > 0 ? QStringLiteral(" (%1 x latency)").arg(double(burstMs) / latency, 0, 'f', 1) : QString();
    co_return RunOutcome{
        RunStatus::Ok,
        QStringLiteral("new client per request: %1 requests opened %2 connections in %3 ms; one client reused: "
                       "%1 requests opened %4 connection(s) in %5 ms; %6 at once on one client: %7 new connection(s), "
                       "%8 ms%9")
            .arg(requests)
            .arg(badOpened)
            .arg(badMs)
            .arg(goodOpened)
            .arg(goodMs)
            .arg(burst)
            .arg(burstOpened)
            .arg(burstMs)
            .arg(waves)};
}

} // namespace

std::unique_ptr<Pattern> makeHttpReuse()
{
    PatternInfo info;
    info.id = QStringLiteral("http-reuse");
    info.title = QStringLiteral("Reusing the HTTP client");
    info.category = QStringLiteral("HTTP");
    info.seedSection = QStringLiteral("HTTP Client Patterns: Reusing HTTP Client");
    info.summary = QStringLiteral("A new client per request opens a new connection every time; one reused client keeps its connections.");
    info.explanation = QStringLiteral(
        "An HTTP client owns a pool of connections. Reusing one client for the whole program (the seed keeps a "
        "module-level AsyncClient) lets every request after the first travel over a connection that is already "
        "open. A new client per request starts with an empty pool: every request pays for a TCP handshake "
        "(and, over the internet, a TLS handshake of one or two more round trips), and the server sees a "
        "stream of short-lived connections. On the loopback used here a handshake is cheap, so watch the "
        "connection counts more than the clock. The pool has a limit, too: Qt's client opens at most 6 "
        "connections per host, so the 7th concurrent request waits inside the client for one to come free. "
        "That limit is a semaphore you did not write; the last phase makes it visible.");
    info.whatToLookFor = QStringLiteral(
        "Three child tasks, one after another. \"bad\" has a mark \"opens a new connection\" at every "
        "request; \"good\" has one, at its first request, and then only network suspensions. In the burst "
        "phase all requests start together (\"requests in flight\" jumps to the burst size) but the \"open "
        "connections\" counter stops at 6: the first 6 requests finish after one latency and the rest only "
        "after a second one, two waves where you might expect one.");
    info.parameters = {
        {QStringLiteral("requests"), QStringLiteral("Requests"), ParameterSpec::Type::Integer, 10, 1, 200,
         QStringLiteral("requests"), QStringLiteral("How many requests each of the first two phases makes, one after another")},
        {QStringLiteral("burst"), QStringLiteral("Burst"), ParameterSpec::Type::Integer, 12, 1, 100,
         QStringLiteral("requests"), QStringLiteral("How many requests the last phase sends at once through one client")},
        {QStringLiteral("latency_ms"), QStringLiteral("Latency"), ParameterSpec::Type::DurationMs, 60, 0, 2000,
         QStringLiteral("ms"), QStringLiteral("How long the server takes to answer each request")},
    };
    info.sourceFile = QStringLiteral(":/patterns/library/http_reuse.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/http_reuse.py");
    return definePattern(std::move(info), &runHttpReuse);
}

} // namespace coroscope::patterns
