// SPDX-License-Identifier: GPL-3.0-or-later
// Each question's answer is computed from a real run of its pattern (the runner the CLI uses, small
// parameters), and follows the parameters: the same question has another answer, or none, when
// they change.
#include "classroom/answers.h"
#include "patterntesting.h"

#include <QSet>
#include <QTest>

using namespace coroscope;
using namespace Qt::StringLiterals;
using classroom::Verdict;

namespace {

// The expected choice's id, or "too-close" when the run cannot tell the choices apart.
const QString tooClose = QStringLiteral("too-close");

} // namespace

class TestAnswers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.start()); }

    void theAnswerComesFromTheRun_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QVariantMap>("parameters");
        QTest::addColumn<QString>("question");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char *pattern, const QVariantMap &parameters, const char *question,
                            const char *expected) {
            QTest::newRow(name) << QString::fromLatin1(pattern) << parameters << QString::fromLatin1(question)
                                << QString::fromLatin1(expected);
        };
        const auto ms = [](int value) { return QVariant(value); };
        row("sequential: three calls", "sequential", {{u"calls"_s, 3}, {u"latency_ms"_s, ms(60)}}, "how-long",
            "calls-times-latency");
        row("sequential: one call, both the same", "sequential", {{u"calls"_s, 1}, {u"latency_ms"_s, ms(60)}},
            "how-long", "too-close");
        row("gather", "gather", {{u"latency_ms"_s, ms(80)}}, "how-long", "one-latency");
        row("gather-errors: orders down", "gather-errors",
            {{u"latency_ms"_s, ms(150)}, {u"failing_service"_s, u"orders"_s}}, "first-done", "get-orders");
        row("gather-errors: user down", "gather-errors",
            {{u"latency_ms"_s, ms(150)}, {u"failing_service"_s, u"user"_s}}, "first-done", "get-user");
        row("gather-errors: waits for all", "gather-errors", {{u"latency_ms"_s, ms(150)}}, "how-long", "one-latency");
        row("taskgroup: a sibling is cancelled", "taskgroup",
            {{u"items"_s, 3}, {u"latency_ms"_s, ms(500)}, {u"failing_item"_s, 2}, {u"fail_after_ms"_s, ms(40)}},
            "sibling-fate", "cancelled");
        row("taskgroup: over at the failure", "taskgroup",
            {{u"items"_s, 3}, {u"latency_ms"_s, ms(500)}, {u"failing_item"_s, 2}, {u"fail_after_ms"_s, ms(40)}},
            "how-long", "until-the-failure");
        row("taskgroup: nothing fails", "taskgroup",
            {{u"items"_s, 3}, {u"latency_ms"_s, ms(100)}, {u"failing_item"_s, 0}, {u"fail_after_ms"_s, ms(40)}},
            "sibling-fate", "ok");
        row("semaphore: the limit holds", "semaphore", {{u"products"_s, 6}, {u"limit"_s, 2}, {u"latency_ms"_s, ms(60)}},
            "peak", "the-limit");
        row("semaphore: in waves", "semaphore", {{u"products"_s, 6}, {u"limit"_s, 2}, {u"latency_ms"_s, ms(60)}},
            "how-long", "waves");
        row("semaphore: fewer than the limit", "semaphore",
            {{u"products"_s, 3}, {u"limit"_s, 5}, {u"latency_ms"_s, ms(60)}}, "peak", "all-at-once");
        row("semaphore: one wave is one latency", "semaphore",
            {{u"products"_s, 3}, {u"limit"_s, 5}, {u"latency_ms"_s, ms(60)}}, "how-long", "too-close");
        row("timeout: the limit first", "timeout", {{u"latency_ms"_s, ms(400)}, {u"limit_ms"_s, ms(100)}}, "how-long",
            "the-limit");
        row("timeout: the answer first", "timeout", {{u"latency_ms"_s, ms(60)}, {u"limit_ms"_s, ms(400)}}, "how-long",
            "the-latency");
        row("wait-for: cancelled", "wait-for", {{u"latency_ms"_s, ms(400)}, {u"limit_ms"_s, ms(100)}}, "fetch-fate",
            "cancelled");
        row("wait-for: answered", "wait-for", {{u"latency_ms"_s, ms(60)}, {u"limit_ms"_s, ms(400)}}, "fetch-fate", "ok");
        row("wait-for: the limit first", "wait-for", {{u"latency_ms"_s, ms(400)}, {u"limit_ms"_s, ms(100)}}, "how-long",
            "the-limit");
        row("pitfall-blocking: the ticker stalls", "pitfall-blocking", {{u"block_ms"_s, ms(150)}}, "ticker-blocked",
            "no");
        row("pitfall-blocking: the ticker ticks", "pitfall-blocking", {{u"block_ms"_s, ms(150)}}, "ticker-async", "yes");
        row("pitfall-blocking: the loop lags", "pitfall-blocking", {{u"block_ms"_s, ms(150)}}, "loop-lag", "block-ms");
        row("executor: the loop lags", "executor", {{u"work_ms"_s, ms(150)}}, "loop-lag", "work-ms");
        row("resource-cleanup", "resource-cleanup", {{u"orders"_s, 3}, {u"latency_ms"_s, ms(20)}}, "peak-open",
            "one-per-order");
        row("background-task", "background-task", {{u"order_ms"_s, ms(40)}, {u"email_ms"_s, ms(200)}}, "first-done",
            "create-order");
        row("timed-operation", "timed-operation", {}, "second-order", "error");
        row("pitfall-unbounded", "pitfall-unbounded", {{u"requests"_s, 12}, {u"limit"_s, 3}, {u"latency_ms"_s, ms(60)}},
            "peak", "all-at-once");
        row("db-stream", "db-stream", {{u"rows"_s, 2000}, {u"page_size"_s, 100}}, "peak-rows", "whole-table");
        row("pitfall-leak", "pitfall-leak", {{u"calls"_s, 4}, {u"latency_ms"_s, ms(20)}}, "peak-open", "one-per-call");
    }

    void theAnswerComesFromTheRun()
    {
        QFETCH(QString, pattern);
        QFETCH(QVariantMap, parameters);
        QFETCH(QString, question);
        QFETCH(QString, expected);
        const auto run = m_fixture.run(pattern, parameters);
        QVERIFY(run && run->isFinished());
        m_covered.insert(pattern + QLatin1Char('/') + question);
        const auto &questions = run->pattern().info().questions;
        const auto asked = std::find_if(questions.begin(), questions.end(),
                                        [&](const patterns::Question &each) { return each.id == question; });
        QVERIFY2(asked != questions.end(), qPrintable(question));
        const auto answer = classroom::answerFor(run->trace(), *asked, run->values());
        const auto said = classroom::answerText(*asked, answer);
        QVERIFY2(!answer.measured.isEmpty(), qPrintable(said));
        if (expected == tooClose) {
            QVERIFY2(answer.verdict == Verdict::TooCloseToCall, qPrintable(said));
            QVERIFY(answer.candidates.size() >= 2);
            return;
        }
        QVERIFY2(answer.verdict == Verdict::Decided, qPrintable(said));
        QCOMPARE(asked->choices[size_t(answer.right)].id, expected);
    }

    void everyQuestionIsAnsweredByARun()
    {
        for (const auto &id : patterns::Catalog::instance().ids()) {
            for (const auto &question : patterns::Catalog::instance().find(id)->info().questions) {
                const QString name = id + QLatin1Char('/') + question.id;
                QVERIFY2(m_covered.contains(name), qPrintable(name + QStringLiteral(" has no row above")));
            }
        }
    }

    void gathersGhostIsItsChildrenOneAfterAnother()
    {
        const int latency = 80;
        const auto run = m_fixture.run(QStringLiteral("gather"), {{QStringLiteral("latency_ms"), latency}});
        QVERIFY(run && run->isFinished());
        const auto &question = run->pattern().info().questions.front();
        const auto answer = classroom::answerFor(run->trace(), question, run->values());
        QCOMPARE(answer.sequentialGhost.size(), size_t(3));
        QCOMPARE(answer.sequentialGhost[0].startNs, qint64(0));
        for (size_t index = 1; index < answer.sequentialGhost.size(); ++index)
            QCOMPARE(answer.sequentialGhost[index].startNs, answer.sequentialGhost[index - 1].endNs);
        // Every request waits its latency at the server: laid end to end they take three of them.
        QVERIFY(answer.sequentialGhost.back().endNs >= 3 * qint64(latency) * 1'000'000);
        QVERIFY(answer.measured.contains(QStringLiteral("one after another it would take")));
        // The classic wrong answer predicts the sum of the latencies.
        QCOMPARE(answer.predicted[1], 3 * latency * 1e6);
    }

    void theGhostLeavesOutTimeQueuedForAPermit()
    {
        const int latency = 40;
        const auto run = m_fixture.run(
            QStringLiteral("semaphore"),
            {{QStringLiteral("products"), 4}, {QStringLiteral("limit"), 1}, {QStringLiteral("latency_ms"), latency}});
        QVERIFY(run && run->isFinished());
        const auto &questions = run->pattern().info().questions;
        const auto howLong = std::find_if(questions.begin(), questions.end(),
                                          [](const patterns::Question &q) { return q.id == QLatin1String("how-long"); });
        QVERIFY(howLong != questions.end());
        const auto answer = classroom::answerFor(run->trace(), *howLong, run->values());
        QCOMPARE(answer.sequentialGhost.size(), size_t(4));
        qint64 lives = 0;
        for (const auto &task : run->trace().tasks())
            lives += task.parent != 0 ? task.finishedNs - task.createdNs : 0;
        // Three of the four queued behind the one permit: one after another, none would have.
        QVERIFY(answer.sequentialGhost.back().endNs < lives);
        QVERIFY(answer.sequentialGhost.back().endNs >= 4 * qint64(latency) * 1'000'000);
    }

private:
    testing::PatternFixture m_fixture;
    QSet<QString> m_covered;
};

QTEST_GUILESS_MAIN(TestAnswers)
#include "tst_answers.moc"
