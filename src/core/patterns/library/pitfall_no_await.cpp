// SPDX-License-Identifier: GPL-3.0-or-later
// Pitfall: calling a coroutine without co_await. It starts, nobody waits, "done" comes too early.
#include "async/sleep.h"
#include "async/spawn.h"
#include "io/httpclient.h"
#include "patterns/pattern.h"

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using namespace std::chrono_literals;
using coroscope::io::HttpClient;

// save_audit: hands an audit record to a slow service, then notes that it is done.
QCoro::Task<void> saveAudit(QUrl auditService)
{
    HttpClient http;
    co_await http.post(auditService, QByteArrayLiteral("{\"event\": \"order placed\"}"));
    mark(QStringLiteral("save_audit done"));
}

// Bug: no co_await. The call runs save_audit up to its first suspension (the request is sent),
// hands back a task nobody keeps, and this function carries on and says "done" at once. The
// audit finishes later, unobserved: if it failed, nobody would ever hear of it.
QCoro::Task<QString> badExample(QUrl auditService)
{
    saveAudit(auditService);
    co_return QStringLiteral("done");
}

QCoro::Task<QString> goodExample(QUrl auditService)
{
    co_await saveAudit(auditService);
    co_return QStringLiteral("done");
}

} // namespace

QCoro::Task<RunOutcome> runPitfallNoAwait(const PatternContext &context)
{
    const auto auditService = context.url(QStringLiteral("/delay/%1").arg(context.integer(QStringLiteral("latency_ms"))));

    auto bad = spawn(QStringLiteral("bad: no co_await"), [=] { return badExample(auditService); });
    const auto badSaid = co_await bad.join();
    mark(QStringLiteral("the bad handler said \"%1\" while its audit was still in flight").arg(badSaid));

    // The next request comes in a little later, so that the two audits end apart.
    co_await sleep(100ms);
    auto good = spawn(QStringLiteral("good: co_await"), [=] { return goodExample(auditService); });
    const auto goodSaid = co_await good.join();

    co_return RunOutcome{RunStatus::Ok, QStringLiteral("both said \"%1\"/\"%2\", but only the good one had saved its "
                                                       "audit by then: look where each \"save_audit done\" mark is")
                                            .arg(badSaid, goodSaid)};
}

} // namespace coroscope::patterns
