// SPDX-License-Identifier: GPL-3.0-or-later
// Pitfall: calling a coroutine without co_await. It starts, nobody waits, "done" comes too early.
#include "async/sleep.h"
#include "async/spawn.h"
#include "io/httpclient.h"
#include "patterns/library.h"

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

} // namespace

std::unique_ptr<Pattern> makePitfallNoAwait()
{
    PatternInfo info;
    info.id = QStringLiteral("pitfall-no-await");
    info.title = QStringLiteral("Pitfall: forgetting co_await");
    info.category = QStringLiteral("Pitfalls");
    info.seedSection = QStringLiteral("Common Pitfalls: 1. Forgetting to await");
    info.summary = QStringLiteral("Call a coroutine without co_await and the caller reports success before the work is done.");
    info.explanation = QStringLiteral(
        "Here C++ and Python differ. In Python, calling an async function without await only creates a coroutine "
        "object: nothing runs at all, and Python warns \"coroutine ... was never awaited\" when it is thrown away. "
        "QCoro's tasks start eagerly instead: the call runs save_audit up to its first suspension, so the request "
        "really goes out, but the caller does not wait. It returns \"done\" at once, the result of the call is "
        "lost, and an error in it would vanish without a trace. Either way the fix is the same: co_await it.");
    info.whatToLookFor = QStringLiteral(
        "The bad task finishes almost at once, yet its network suspension (POST to the audit service) goes on "
        "past the end of its bar, and its \"save_audit done\" mark lands after it finished: work nobody waited "
        "for. The good task, which starts 100 ms later, stays in its network suspension for the whole latency and "
        "puts the mark before it finishes. Wall time: about latency + 100 ms.");
    info.parameters = {
        {QStringLiteral("latency_ms"), QStringLiteral("Audit latency"), ParameterSpec::Type::DurationMs, 300, 10, 5000,
         QStringLiteral("ms"), QStringLiteral("How long the audit service takes to store a record")},
    };
    info.sourceFile = QStringLiteral(":/patterns/library/pitfall_no_await.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/pitfall_no_await.py");
    return definePattern(std::move(info), &runPitfallNoAwait);
}

} // namespace coroscope::patterns
