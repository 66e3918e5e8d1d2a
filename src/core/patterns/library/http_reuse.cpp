// SPDX-License-Identifier: GPL-3.0-or-later
// Reusing one HTTP client versus a new client per request, and the limit a shared client hides.
#include "async/gather.h"
#include "io/httpclient.h"
#include "patterns/pattern.h"

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

} // namespace

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
    const auto waves = latency > 0 ? QStringLiteral(" (%1 x latency)").arg(double(burstMs) / latency, 0, 'f', 1)
                                   : QString();
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

} // namespace coroscope::patterns
