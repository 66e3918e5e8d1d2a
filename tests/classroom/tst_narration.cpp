// SPDX-License-Identifier: GPL-3.0-or-later
// Causal narration: every kind of event gets a sentence saying what happened and why, on
// hand-recorded traces (exact words) and on real runs; the HTML report carries the transcript,
// escaped.
#include "../report/reportinputs.h"
#include "classroom/narration.h"
#include "patterntesting.h"
#include "report/htmlreport.h"
#include "trace/counters.h"
#include "trace/recorder.h"

#include <QSet>
#include <QTest>

#include <source_location>

using namespace coroscope;
using namespace coroscope::trace;
using testing::Ms;

namespace {

QStringList texts(const classroom::Transcript &transcript)
{
    QStringList all;
    for (const auto &caption : transcript)
        all.append(caption.text);
    return all;
}

bool anyStartsWith(const QStringList &captions, const QString &start)
{
    return std::any_of(captions.begin(), captions.end(), [&](const QString &each) { return each.startsWith(start); });
}

QString joined(const QStringList &captions)
{
    return captions.join(QLatin1Char('\n'));
}

} // namespace

class TestNarration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyKindOfEventHasACaption()
    {
        const auto trace = testing::sampleTrace();
        const auto transcript = classroom::narrate(trace);
        QSet<int> captioned;
        for (const auto &caption : transcript) {
            QVERIFY(!caption.text.trimmed().isEmpty());
            const auto &event = trace.events()[size_t(caption.event)];
            QCOMPARE(caption.timeNs, event.timeNs);
            QCOMPARE(caption.task, event.task);
            captioned.insert(int(event.kind));
        }
        for (const auto kind : {EventKind::Created, EventKind::Started, EventKind::Suspended, EventKind::Resumed,
                                EventKind::Finished, EventKind::Mark, EventKind::Counter})
            QVERIFY2(captioned.contains(int(kind)), toString(kind));
        // Only counters can go without a sentence (a value that did not change, a free loop).
        qsizetype tasksEvents = 0;
        for (const auto &event : trace.events())
            tasksEvents += event.kind == EventKind::Counter ? 0 : 1;
        QCOMPARE(qsizetype(std::count_if(transcript.begin(), transcript.end(),
                                         [&](const classroom::Caption &c) {
                                             return trace.events()[size_t(c.event)].kind != EventKind::Counter;
                                         })),
                 tasksEvents);
    }

    void captionsSayWhatHappenedAndWhy()
    {
        const auto captions = texts(classroom::narrate(testing::sampleTrace()));
        const auto expect = [&](const QString &start) {
            QVERIFY2(anyStartsWith(captions, start), qPrintable(start + QStringLiteral("\nin:\n") + joined(captions)));
        };
        expect(QStringLiteral("main starts the run"));
        expect(QStringLiteral("main spawns user at line "));
        expect(QStringLiteral("main waits for gather of 3 to finish at line "));
        expect(QStringLiteral("user waits for the network: GET /user?id=1&x=<2> at line "));
        expect(QStringLiteral("orders waits for the database: SELECT * FROM orders at line "));
        expect(QStringLiteral("orders resumed: SELECT * FROM orders came back from the database after 2.00 ms"));
        expect(QStringLiteral("orders failed after 2.00 ms: orders down: \"bad\" <gateway>, which goes up to"));
        expect(QStringLiteral("user resumed: GET /user?id=1&x=<2> answered after 4.00 ms"));
        expect(QStringLiteral("worker hands pool job to the thread pool and waits"));
        expect(QStringLiteral("worker resumed: the thread pool finished pool job after 800 µs"));
        expect(QStringLiteral("slow <b>timer</b> resumed: its sleep 10 ms is over"));
        expect(QStringLiteral("slow <b>timer</b> was cancelled after 6.00 ms: the run ended"));
        expect(QStringLiteral("main resumed: gather of 3 finished after 6.00 ms"));
        expect(QStringLiteral("user: ") + testing::hostileLabel());
        expect(QStringLiteral("requests in flight: 2"));
        expect(QStringLiteral("run ended, cleanup"));
        // The heartbeat's small lags are no news.
        QVERIFY(!anyStartsWith(captions, QStringLiteral("the loop was blocked")));
        QVERIFY(!anyStartsWith(captions, counters::loopLagMs()));
    }

    void aSemaphoreWaitSaysWhoHoldsThePermits()
    {
        Recorder r;
        const auto here = std::source_location::current();
        r.recordAt(0, EventKind::Created, 1, r.intern(QStringLiteral("fetch_with_limit 6")), r.intern(here), 0, 0);
        r.recordAt(0, EventKind::Started, 1);
        r.recordAt(Ms, EventKind::Suspended, 1, r.intern(QStringLiteral("product API (5/5 in use)")), r.intern(here),
                   quint8(SuspendReason::Semaphore));
        r.recordAt(201 * Ms, EventKind::Resumed, 1);
        r.recordAt(202 * Ms, EventKind::Created, 2, r.intern(QStringLiteral("fetch_with_limit 7")), 0, 0, 0);
        r.recordAt(202 * Ms, EventKind::Suspended, 2, r.intern(QStringLiteral("product API (4/5 in use)")), 0,
                   quint8(SuspendReason::Semaphore));
        Trace trace;
        r.drainInto(trace);
        const auto captions = texts(classroom::narrate(trace));
        QCOMPARE(captions.value(2), QStringLiteral("fetch_with_limit 6 waits: product API has 5 of 5 permits in use "
                                                   "at line %1")
                                        .arg(here.line()));
        QCOMPARE(captions.value(3), QStringLiteral("fetch_with_limit 6 resumed: it got a permit after 200 ms"));
        // A free permit is taken on the way, without waiting.
        QCOMPARE(captions.value(5), QStringLiteral("fetch_with_limit 7 takes a permit: product API has 4 of 5 in use"));
    }

    void aTimeoutSaysWhatItCancels()
    {
        Recorder r;
        r.recordAt(0, EventKind::Created, 1, r.intern(QStringLiteral("main")), 0, 0, 0);
        r.recordAt(0, EventKind::Started, 1);
        for (TaskId child = 2; child <= 4; ++child) {
            r.recordAt(Ms, EventKind::Created, child, r.intern(QStringLiteral("fetch %1").arg(child)), 0, 0, 1);
            r.recordAt(Ms, EventKind::Started, child);
        }
        r.recordAt(2 * Ms, EventKind::Suspended, 1, r.intern(QStringLiteral("gather of 3")), 0,
                   quint8(SuspendReason::ChildJoin));
        r.recordAt(2000 * Ms, EventKind::Mark, 1, r.intern(QStringLiteral("timeout after 2.00 s")));
        Trace trace;
        r.drainInto(trace);
        const auto captions = texts(classroom::narrate(trace));
        QCOMPARE(captions.last(), QStringLiteral("timeout after 2.00 s at 2.00 s in main: cancelling 3 task(s)"));
    }

    void aBlockedLoopIsBlamedOnTheTaskThatHeldIt()
    {
        Recorder r;
        const auto await = std::source_location::current();
        r.recordAt(0, EventKind::Created, 1, r.intern(QStringLiteral("bad: blocking calls")), 0, 0, 0);
        r.recordAt(0, EventKind::Started, 1);
        r.recordAt(200 * Ms, EventKind::Suspended, 1, r.intern(QStringLiteral("sleep 50 ms")), r.intern(await),
                   quint8(SuspendReason::Timer));
        r.recordAt(201 * Ms, EventKind::Counter, 0, r.intern(counters::loopLagMs()), 0, 0, 200);
        Trace trace;
        r.drainInto(trace);
        const auto captions = texts(classroom::narrate(trace));
        QCOMPARE(captions.last(), QStringLiteral("the loop was blocked for 200 ms by bad: blocking calls, which ran "
                                                 "without awaiting until line %1")
                                      .arg(await.line()));
    }

    void realRunsAreNarrated()
    {
        testing::PatternFixture fixture;
        QVERIFY(fixture.start());
        const auto semaphore = fixture.run(
            QStringLiteral("semaphore"),
            {{QStringLiteral("products"), 4}, {QStringLiteral("limit"), 2}, {QStringLiteral("latency_ms"), 30}});
        QVERIFY(semaphore && semaphore->isFinished());
        auto captions = texts(classroom::narrate(semaphore->trace()));
        QVERIFY2(captions.join(QLatin1Char('\n')).contains(QStringLiteral("waits: product API has 2 of 2 permits in use")),
                 qPrintable(joined(captions)));
        QVERIFY(joined(captions).contains(QStringLiteral(" answered after ")));

        const auto timeout = fixture.run(QStringLiteral("timeout"),
                                         {{QStringLiteral("latency_ms"), 400}, {QStringLiteral("limit_ms"), 60}});
        QVERIFY(timeout && timeout->isFinished());
        captions = texts(classroom::narrate(timeout->trace()));
        QVERIFY2(anyStartsWith(captions, QStringLiteral("timeout after 60")), qPrintable(joined(captions)));
        QVERIFY(joined(captions).contains(QStringLiteral("in timeout: cancelling its wait for ")));
        QVERIFY2(joined(captions).contains(
                     QStringLiteral("timeout resumed: its wait for GET /delay/400 was cancelled after ")),
                 qPrintable(joined(captions)));

        const auto blocking = fixture.run(QStringLiteral("pitfall-blocking"), {{QStringLiteral("block_ms"), 120}});
        QVERIFY(blocking && blocking->isFinished());
        captions = texts(classroom::narrate(blocking->trace()));
        QVERIFY2(
            joined(captions).contains(QStringLiteral("by bad: blocking calls, which ran without awaiting until line")),
            qPrintable(joined(captions)));
    }

    void theHtmlReportTellsTheRunEscaped()
    {
        const auto trace = testing::sampleTrace();
        const auto html = report::htmlReport(testing::sampleInput(trace));
        QVERIFY(html.contains(QStringLiteral("<h2>What happened, step by step</h2>")));
        QVERIFY(html.contains(QStringLiteral("main spawns user at line ")));
        QVERIFY(html.contains(QStringLiteral("user waits for the network: GET /user?id=1&amp;x=&lt;2&gt;")));
        QVERIFY(!html.contains(QStringLiteral("slow <b>timer</b>")));
        QVERIFY(html.contains(QStringLiteral("slow &lt;b&gt;timer&lt;/b&gt; was cancelled")));
    }
};

QTEST_GUILESS_MAIN(TestNarration)
#include "tst_narration.moc"
