// SPDX-License-Identifier: GPL-3.0-or-later
// Pitfall: gathering hundreds of requests at once, and the same batch bounded by a semaphore.
#include "async/gather.h"
#include "async/semaphore.h"
#include "io/httpclient.h"
#include "patterns/pattern.h"

#include <QElapsedTimer>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::ClientMode;
using coroscope::io::HttpClient;

// Each request gets a connection of its own, so every request we start really reaches the
// server at once. (A shared client would queue all but 6 of them: see the http-reuse pattern.)
QCoro::Task<void> getItem(QUrl item)
{
    HttpClient http(ClientMode::FreshPerRequest);
    co_await http.get(item);
}

QCoro::Task<void> limitedGetItem(Semaphore &semaphore, QUrl item)
{
    auto permit = co_await semaphore.acquire();
    co_await getItem(item);
}

// What one phase did to the server, and what it cost.
struct Load {
    int inFlight = 0; // requests sent and not yet answered, right after starting the tasks
    qsizetype failed = 0;
    QString firstError;
    QString describe() const
    {
        const auto failures = failed == 0 ? QString() : QStringLiteral(", %1 failed (%2)").arg(failed).arg(firstError);
        return QStringLiteral("%1 requests in flight at once%2").arg(inFlight).arg(failures);
    }
};

// Waits for a phase's tasks, keeping every failure: a flood tends to fail in bulk (the server,
// or this machine, runs out of connections), and that is part of the story.
QCoro::Task<Load> measure(std::vector<TaskHandle<void>> tasks)
{
    Load load;
    load.inFlight = HttpClient::requestsInFlight();
    const auto results = co_await gather(returnExceptions, std::move(tasks));
    for (const auto &result : results) {
        if (!result.ok() && load.failed++ == 0)
            load.firstError = result.errorMessage();
    }
    co_return load;
}

// Bad: `gather(*[get_item(id) for id in ids])`. Every request is sent right now.
QCoro::Task<Load> allAtOnce(QList<QUrl> items)
{
    std::vector<TaskHandle<void>> tasks;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const auto item = items[i];
        tasks.push_back(spawn(QStringLiteral("get_item %1").arg(i + 1), [item] { return getItem(item); }));
    }
    co_return co_await measure(std::move(tasks));
}

// Good: the same tasks, all started at once too, but only `limit` of them may send at a time.
QCoro::Task<Load> atMost(int limit, QList<QUrl> items)
{
    Semaphore semaphore(limit, QStringLiteral("item API"));
    std::vector<TaskHandle<void>> tasks;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const auto item = items[i];
        tasks.push_back(spawn(QStringLiteral("limited_get_item %1").arg(i + 1),
                              [&semaphore, item] { return limitedGetItem(semaphore, item); }));
    }
    co_return co_await measure(std::move(tasks));
}

} // namespace

QCoro::Task<RunOutcome> runPitfallUnbounded(const PatternContext &context)
{
    // At most 250 (the data file's maximum): each unbounded request holds a connection at both ends and a
    // client thread, about three open files, and 250 stays well inside the usual limit of 1024 per process.
    const int requests = context.integer(QStringLiteral("requests"));
    const int limit = context.integer(QStringLiteral("limit"));
    const int latency = context.integer(QStringLiteral("latency_ms"));
    QList<QUrl> items;
    for (int id = 1; id <= requests; ++id)
        items.append(context.url(QStringLiteral("/products/%1?latency_ms=%2").arg(id).arg(latency)));
    QElapsedTimer clock;

    // One after the other, so that the second does not compete with the first.
    clock.start();
    auto bad = spawn(QStringLiteral("bad: all %1 at once").arg(requests), [=] { return allAtOnce(items); });
    const auto unbounded = co_await bad.join();
    const auto badMs = clock.restart();

    auto good = spawn(QStringLiteral("good: at most %1 at a time").arg(limit), [=] { return atMost(limit, items); });
    const auto bounded = co_await good.join();
    const auto goodMs = clock.elapsed();

    co_return RunOutcome{RunStatus::Ok, QStringLiteral("unbounded: %1, done in %2 ms; Semaphore(%3): %4, done in %5 ms")
                                            .arg(unbounded.describe(), QString::number(badMs), QString::number(limit),
                                                 bounded.describe(), QString::number(goodMs))};
}

} // namespace coroscope::patterns
