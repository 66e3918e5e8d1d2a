// SPDX-License-Identifier: GPL-3.0-or-later
// Semaphore: fetch many products, but never more than `limit` at a time.
#include "async/semaphore.h"

#include "async/gather.h"
#include "io/httpclient.h"
#include "patterns/pattern.h"

#include <QJsonObject>

#include <memory>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::HttpClient;

// Python's `async with semaphore: return await api.get_product(id)`.
QCoro::Task<QJsonDocument> fetchWithLimit(std::shared_ptr<Semaphore> semaphore, QUrl product)
{
    auto permit = co_await semaphore->acquire(); // waits here while `limit` others hold one
    HttpClient http;
    co_return co_await http.getJson(product);
} // the permit goes back here, whether the request succeeded or threw

} // namespace

QCoro::Task<RunOutcome> runSemaphore(const PatternContext &context)
{
    const int products = context.integer(QStringLiteral("products"));
    const int limit = context.integer(QStringLiteral("limit"));
    const int latency = context.integer(QStringLiteral("latency_ms"));

    // Shared with the fetches: when one fails, gather throws at once and the others, still
    // running (as in asyncio), must not outlive the semaphore they wait on.
    auto semaphore = std::make_shared<Semaphore>(limit, QStringLiteral("product API"));
    std::vector<TaskHandle<QJsonDocument>> fetches;
    for (int id = 1; id <= products; ++id) {
        const auto product = context.url(QStringLiteral("/products/%1?latency_ms=%2").arg(id).arg(latency));
        // Every task starts now; the semaphore, not the loop, decides when each one sends.
        fetches.push_back(spawn(QStringLiteral("fetch_with_limit %1").arg(id),
                                [semaphore, product] { return fetchWithLimit(semaphore, product); }));
    }
    const auto results = co_await gather(std::move(fetches));

    double total = 0;
    for (const auto &product : results)
        total += product[QStringLiteral("price")].toDouble();
    co_return RunOutcome{RunStatus::Ok, QStringLiteral("%1 products (worth %2 in all), at most %3 requests at a time")
                                            .arg(results.size())
                                            .arg(total, 0, 'f', 2)
                                            .arg(semaphore->peakInUse())};
}

} // namespace coroscope::patterns
