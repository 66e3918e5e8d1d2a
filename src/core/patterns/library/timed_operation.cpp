// SPDX-License-Identifier: GPL-3.0-or-later
// A timing guard: what an @asynccontextmanager with try/finally becomes in C++.
#include "async/spawn.h"
#include "io/httpclient.h"
#include "patterns/pattern.h"

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

} // namespace

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

} // namespace coroscope::patterns
