// SPDX-License-Identifier: GPL-3.0-or-later
// A timing guard: what an @asynccontextmanager with try/finally becomes in C++.
#include "async/spawn.h"
#include "io/httpclient.h"
#include "patterns/library.h"

#include <QElapsedTimer>

#include <exception>

namespace coroscope::patterns {
namespace {

using namespace coroscope::async;
using coroscope::io::HttpClient;

// `async with timed_operation(name):` as an object on the stack. The constructor is the code
// before the yield; the destructor is the finally block, and C++ runs it however the scope is
// left: by reaching its end, by co_return, or with an exception flying through.
class TimedOperation
{
public:
    explicit TimedOperation(QString name)
        : m_name(std::move(name))
        , m_exceptionsBefore(std::uncaught_exceptions())
    {
        m_clock.start();
    }

    ~TimedOperation()
    {
        // More exceptions in flight than at the start: this scope is being left by one.
        const bool failed = std::uncaught_exceptions() > m_exceptionsBefore;
        mark(QStringLiteral("%1 %2 after %3 ms")
                 .arg(m_name, failed ? QStringLiteral("failed") : QStringLiteral("completed"))
                 .arg(m_clock.elapsed()));
    }

    TimedOperation(const TimedOperation &) = delete;
    TimedOperation &operator=(const TimedOperation &) = delete;

private:
    QString m_name;
    int m_exceptionsBefore;
    QElapsedTimer m_clock;
};

// The work being timed: prepare the order, then charge for it. The payment service may refuse.
QCoro::Task<void> processOrder(QUrl prepare, QUrl charge)
{
    TimedOperation timed(QStringLiteral("process_order"));
    HttpClient http;
    co_await http.get(prepare);
    co_await http.post(charge, QByteArrayLiteral("{\"amount\": 42}"));
}

QCoro::Task<RunOutcome> runTimedOperation(const PatternContext &context)
{
    const auto prepare = context.url(QStringLiteral("/delay/%1").arg(context.integer(QStringLiteral("latency_ms"))));
    const auto accepted = context.url(QStringLiteral("/status/200"));
    const auto refused = context.url(QStringLiteral("/status/503"));

    auto first = spawn(QStringLiteral("process_order(1)"), [=] { return processOrder(prepare, accepted); });
    co_await first.join();

    // The second order's payment fails: the guard still records how long it took.
    auto second = spawn(QStringLiteral("process_order(2)"), [=] { return processOrder(prepare, refused); });
    QString failure;
    try {
        co_await second.join();
    } catch (const Error &error) {
        failure = error.message();
    }

    co_return RunOutcome{RunStatus::Ok, QStringLiteral("order 1 completed; order 2 failed (%1); both were timed")
                                            .arg(failure.isEmpty() ? QStringLiteral("no, it did not fail") : failure)};
}

} // namespace

std::unique_ptr<Pattern> makeTimedOperation()
{
    PatternInfo info;
    info.id = QStringLiteral("timed-operation");
    info.title = QStringLiteral("Timing an operation with a scope guard");
    info.category = QStringLiteral("Context managers");
    info.seedSection = QStringLiteral("Context Managers: Async Context Manager");
    info.summary = QStringLiteral("Measure an operation with an object whose destructor records the duration, even on error.");
    info.explanation = QStringLiteral(
        "Python writes this as an async context manager: start the clock, yield, and log the duration in a "
        "finally block. C++ has no with statement; it has destructors, which run whenever a scope is left, "
        "normally or by an exception. So the guard is a small class: the constructor starts the clock and the "
        "destructor records the time. Nothing in process_order has to remember to stop it, which is the whole point.");
    info.whatToLookFor = QStringLiteral(
        "Two tasks one after the other, each with a network suspension of about the latency and a short one for "
        "the payment. Each ends with a mark \"process_order ... after N ms\": completed for order 1, failed for "
        "order 2, whose task ends with an error (the 503) right after its mark.");
    info.parameters = {
        {QStringLiteral("latency_ms"), QStringLiteral("Latency"), ParameterSpec::Type::DurationMs, 200, 0, 5000,
         QStringLiteral("ms"), QStringLiteral("How long preparing an order takes")},
    };
    info.sourceFile = QStringLiteral(":/patterns/library/timed_operation.cpp");
    info.pythonFile = QStringLiteral(":/patterns/python/timed_operation.py");
    return definePattern(std::move(info), &runTimedOperation);
}

} // namespace coroscope::patterns
