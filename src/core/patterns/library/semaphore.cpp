// SPDX-License-Identifier: GPL-3.0-or-later
// Semaphore: fetch many products, but never more than `limit` at a time.
#include "async/gather.h"
#include "async/semaphore.h"
#include "io/httpclient.h"
#include "patterns/library.h"

#include <QJsonObject>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::HttpClient;

// Python's `async with semaphore: return await api.get_product(id)`.
QCoro::Task<QJsonDocument> fetchWithLimit(Semaphore &semaphore, QUrl product)
{
    auto permit = co_await semaphore.acquire(); // waits here while `limit` others hold one
    HttpClient http;
    co_return co_await http.getJson(product);
} // the permit goes back here, whether the request succeeded or threw

QCoro::Task<RunOutcome> runSemaphore(const PatternContext &context)
{
    const int products = context.integer(QStringLiteral("products"));
    const int limit = context.integer(QStringLiteral("limit"));
    const int latency = context.integer(QStringLiteral("latency_ms"));

    Semaphore semaphore(limit, QStringLiteral("product API"));
    std::vector<TaskHandle<QJsonDocument>> fetches;
    for (int id = 1; id <= products; ++id) {
        const auto product = context.url(QStringLiteral("/products/%1?latency_ms=%2").arg(id).arg(latency));
        // Every task starts now; the semaphore, not the loop, decides when each one sends.
        fetches.push_back(spawn(QStringLiteral("fetch_with_limit %1").arg(id),
                                [&semaphore, product] { return fetchWithLimit(semaphore, product); }));
    }
    const auto results = co_await gather(std::move(fetches));

    double total = 0;
    for (const auto &product : results)
        total += product[QStringLiteral("price")].toDouble();
    co_return RunOutcome{RunStatus::Ok, QStringLiteral("%1 products (worth %2 in all), at most %3 requests at a time")
                                            .arg(results.size())
                                            .arg(total, 0, 'f', 2)
                                            .arg(semaphore.peakInUse())};
}

} // namespace

std::unique_ptr<Pattern> makeSemaphore()
{
    PatternInfo info;
    info.id = QStringLiteral("semaphore");
    info.title = QStringLiteral("Semaphore: limiting concurrency");
    info.category = QStringLiteral("Concurrency");
    info.seedSection = QStringLiteral("Concurrent Execution: Semaphore - Limiting Concurrency");
    info.summary = QStringLiteral("Fetch many products concurrently, but with at most `limit` requests in flight.");
    info.explanation = QStringLiteral(
        "A semaphore holds a fixed number of permits. Each task takes one before it sends its request and gives "
        "it back when it is done; a task that finds none left waits in line. All tasks are started at once, "
        "but only `limit` of them talk to the service at any time, which protects the service (and your "
        "connection pool) from a burst. This semaphore is fair: permits go out first come, first served. "
        "Note that one HTTP client already has a hidden semaphore of its own: Qt opens at most 6 connections "
        "per host, so with a limit above 6 the extra requests queue inside the client instead.");
    info.whatToLookFor = QStringLiteral(
        "One child task per product, all created at once. `limit` of them are in network suspensions; the "
        "rest sit in semaphore suspensions (labelled with how many permits are in use) until a permit frees "
        "up. The requests go out in waves: wall time is about products / limit × latency. The \"product API "
        "permits in use\" counter climbs to the limit, stays there, and falls to zero at the end.");
    info.parameters = {
        {QStringLiteral("products"), QStringLiteral("Products"), ParameterSpec::Type::Integer, 20, 1, 500,
         QStringLiteral("requests"), QStringLiteral("How many products to fetch")},
        {QStringLiteral("limit"), QStringLiteral("Limit"), ParameterSpec::Type::Integer, 5, 1, 100,
         QStringLiteral("requests"), QStringLiteral("How many requests may be in flight at once (the semaphore's permits)")},
        {QStringLiteral("latency_ms"), QStringLiteral("Latency"), ParameterSpec::Type::DurationMs, 200, 0, 5000,
         QStringLiteral("ms"), QStringLiteral("How long the product service takes to answer each request")},
    };
    info.sourceFile = QStringLiteral(":/patterns/library/semaphore.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/semaphore.py");
    return definePattern(std::move(info), &runSemaphore);
}

} // namespace coroscope::patterns
