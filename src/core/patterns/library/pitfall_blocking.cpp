// SPDX-License-Identifier: GPL-3.0-or-later
// Pitfall: blocking calls in a coroutine freeze the event loop, and every other task with it.
#include "async/sleep.h"
#include "async/spawn.h"
#include "async/threadpool.h"
#include "io/blockingget.h"
#include "io/httpclient.h"
#include "patterns/pattern.h"

#include <QElapsedTimer>

#include <algorithm>
#include <memory>
#include <thread>
#include <utility>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using namespace std::chrono_literals;
using coroscope::io::HttpClient;

// Keeps a core busy for `duration` without ever yielding: a stand-in for parsing, resizing...
void crunch(std::chrono::milliseconds duration)
{
    QElapsedTimer clock;
    clock.start();
    volatile quint64 sum = 0;
    while (clock.elapsed() < duration.count())
        sum = sum + 1;
}

// Bad: each of these holds the thread, so the loop cannot run anything else until it returns.
QCoro::Task<void> blockingCalls(QUrl slowUrl, std::chrono::milliseconds duration)
{
    std::this_thread::sleep_for(duration); // time.sleep()
    co_await sleep(50ms); // (only so that each stall shows as a spike of its own)
    io::blockingGet(slowUrl); // requests.get()
    co_await sleep(50ms);
    crunch(duration); // a CPU loop
}

// Good: the same three waits, none of which holds the loop.
QCoro::Task<void> asyncCalls(QUrl slowUrl, std::chrono::milliseconds duration)
{
    co_await sleep(duration); // asyncio.sleep()
    HttpClient http;
    co_await http.get(slowUrl); // httpx.AsyncClient
    auto job = [duration] { crunch(duration); };
    co_await runInThreadPool(job, QStringLiteral("crunch")); // run_in_executor
}

// Another task on the same loop. It only wants to tick every 50 ms; its longest wait between two
// ticks says how long the loop was unavailable.
struct Ticker {
    bool running = true;
    qint64 longestGapMs = 0;
};

QCoro::Task<void> tick(std::shared_ptr<Ticker> ticker)
{
    QElapsedTimer sinceLastTick;
    sinceLastTick.start();
    for (int ticks = 1; ticker->running; ++ticks) {
        co_await sleep(50ms);
        ticker->longestGapMs = std::max(ticker->longestGapMs, sinceLastTick.restart());
        mark(QStringLiteral("tick %1").arg(ticks));
    }
}

} // namespace

QCoro::Task<RunOutcome> runPitfallBlocking(const PatternContext &context)
{
    const auto duration = context.duration(QStringLiteral("block_ms"));
    const auto slowUrl = context.url(QStringLiteral("/delay/%1").arg(duration.count()));

    auto ticker = std::make_shared<Ticker>();
    auto ticking = spawn(QStringLiteral("ticker"), [ticker] { return tick(ticker); });
    co_await sleep(100ms);

    // Each version, then a pause for the loop to catch up and report how it fared.
    ticker->longestGapMs = 0;
    auto bad = spawn(QStringLiteral("bad: blocking calls"), [=] { return blockingCalls(slowUrl, duration); });
    co_await bad.join();
    co_await sleep(100ms);
    const auto blockedGap = std::exchange(ticker->longestGapMs, 0);

    auto good = spawn(QStringLiteral("good: async calls"), [=] { return asyncCalls(slowUrl, duration); });
    co_await good.join();
    co_await sleep(100ms);
    const auto freeGap = ticker->longestGapMs;

    ticker->running = false;
    co_await ticking.join();

    co_return RunOutcome{RunStatus::Ok, QStringLiteral("a 50 ms ticker waited up to %1 ms during the blocking calls, "
                                                       "and up to %2 ms during the async ones")
                                            .arg(blockedGap)
                                            .arg(freeGap)};
}

} // namespace coroscope::patterns
