// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/retry.h"
#include "traced.h"

#include <QTest>

using namespace coroscope;
using namespace coroscope::async;
using namespace std::chrono_literals;

class TestRetry : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backoffGrowsAndStopsAtSuccess()
    {
        auto attempts = std::make_shared<int>(0);
        auto run = testing::runTraced([attempts]() -> QCoro::Task<int> {
            RetryPolicy policy;
            policy.maxAttempts = 5;
            policy.initialDelay = 40ms;
            policy.multiplier = 2;
            // GCC 12: a capturing lambda inside a co_await expression can be freed twice.
            auto attempt = [attempts]() -> QCoro::Task<int> {
                if (++*attempts < 4)
                    throw Error(ErrorKind::Connection, QStringLiteral("connection refused"));
                co_return *attempts;
            };
            co_return co_await retry(policy, QStringLiteral("fetch"), attempt);
        });
        QVERIFY(!run.timedOut);
        QCOMPARE(TaskHandle<int>::takeResult(*run.root.state()), 4);
        // Each attempt is its own task; the gaps between their starts grow (40, 80, 160 ms).
        std::vector<qint64> starts;
        for (int i = 1; i <= 4; ++i) {
            const auto *attempt = run.taskNamed(QStringLiteral("fetch #%1").arg(i));
            QVERIFY(attempt);
            starts.push_back(attempt->createdNs);
        }
        QVERIFY(!run.taskNamed(QStringLiteral("fetch #5")));
        std::vector<double> gapsMs;
        for (std::size_t i = 1; i < starts.size(); ++i)
            gapsMs.push_back(double(starts[i] - starts[i - 1]) / 1e6);
        // A loaded machine can make any gap late (the first took 880 ms once on a loaded 2-core
        // machine), so each gap is held only to its own delay, 5% below (coarse timers), not to
        // an upper bound or a ratio of two gaps that may both be late.
        QVERIFY2(gapsMs[0] >= 38, qPrintable(QString::number(gapsMs[0])));
        QVERIFY2(gapsMs[1] >= 76, qPrintable(QString::number(gapsMs[1])));
        QVERIFY2(gapsMs[2] >= 152, qPrintable(QString::number(gapsMs[2])));
        QCOMPARE(run.taskNamed(QStringLiteral("fetch #1"))->status, trace::FinishStatus::Error);
        QCOMPARE(run.taskNamed(QStringLiteral("fetch #4"))->status, trace::FinishStatus::Ok);
    }

    void givesUpAfterMaxAttemptsWithTheLastError()
    {
        auto attempts = std::make_shared<int>(0);
        auto run = testing::runTraced([attempts]() -> QCoro::Task<QString> {
            RetryPolicy policy;
            policy.maxAttempts = 3;
            policy.initialDelay = 5ms;
            auto attempt = [attempts]() -> QCoro::Task<int> {
                throw TimeoutError(QStringLiteral("attempt %1 timed out").arg(++*attempts));
                co_return 0;
            };
            try {
                co_await retry(policy, QStringLiteral("fetch"), attempt);
            } catch (const TimeoutError &error) {
                co_return error.message();
            }
            co_return QStringLiteral("succeeded");
        });
        QCOMPARE(TaskHandle<QString>::takeResult(*run.root.state()), QStringLiteral("attempt 3 timed out"));
        QCOMPARE(*attempts, 3);
    }

    void doesNotRetryOtherKinds()
    {
        auto attempts = std::make_shared<int>(0);
        auto run = testing::runTraced([attempts]() -> QCoro::Task<int> {
            RetryPolicy policy; // retries Connection and Timeout only
            auto attempt = [attempts]() -> QCoro::Task<int> {
                ++*attempts;
                throw HttpError(404, QStringLiteral("not found"));
                co_return 0;
            };
            try {
                co_await retry(policy, QStringLiteral("fetch"), attempt);
            } catch (const HttpError &error) {
                co_return error.status();
            }
            co_return 0;
        });
        QCOMPARE(TaskHandle<int>::takeResult(*run.root.state()), 404);
        QCOMPARE(*attempts, 1);
    }

    void delaysAreCappedAndJitterIsReproducible()
    {
        RetryPolicy policy;
        policy.initialDelay = 100ms;
        policy.multiplier = 3;
        policy.maxDelay = 500ms;
        QCOMPARE(policy.baseDelay(1), std::chrono::nanoseconds(100ms));
        QCOMPARE(policy.baseDelay(2), std::chrono::nanoseconds(300ms));
        QCOMPARE(policy.baseDelay(3), std::chrono::nanoseconds(500ms));
        std::mt19937 a(7), b(7);
        const auto first = detail::jittered(100ms, 0.5, a);
        QCOMPARE(detail::jittered(100ms, 0.5, b), first);
        QVERIFY(first >= 50ms && first <= 150ms);
    }
};

QTEST_GUILESS_MAIN(TestRetry)
#include "tst_retry.moc"
