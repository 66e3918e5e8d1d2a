// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/timelinesvg.h"
#include "sampletrace.h"
#include "timeline/timelinemodel.h"

#include <QTest>
#include <QXmlStreamReader>

using namespace coroscope;
using namespace coroscope::trace;

namespace {

struct ParsedSvg {
    QString error;
    QList<QXmlStreamAttributes> lanes;
    QList<QXmlStreamAttributes> lives;
    QList<QXmlStreamAttributes> suspensions;
    int counters = 0;
    int errors = 0;
    int cancellations = 0;
    int marks = 0;
    QStringList texts; // every text node, tooltips included
    QString moreNote;
};

ParsedSvg parse(const QString &svg)
{
    ParsedSvg parsed;
    QXmlStreamReader xml(svg);
    QString element;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto attributes = xml.attributes();
            const auto cls = attributes.value(QStringLiteral("class"));
            element = xml.name().toString();
            if (cls == QLatin1String("lane"))
                parsed.lanes.append(attributes);
            else if (cls == QLatin1String("life"))
                parsed.lives.append(attributes);
            else if (cls == QLatin1String("suspended"))
                parsed.suspensions.append(attributes);
            else if (cls == QLatin1String("counter"))
                ++parsed.counters;
            else if (cls == QLatin1String("error"))
                ++parsed.errors;
            else if (cls == QLatin1String("cancelled"))
                ++parsed.cancellations;
            else if (cls == QLatin1String("mark"))
                ++parsed.marks;
            else if (cls == QLatin1String("more"))
                parsed.moreNote = xml.readElementText();
        } else if (xml.isCharacters() && !xml.isWhitespace()) {
            parsed.texts.append(xml.text().toString());
        }
    }
    if (xml.hasError())
        parsed.error = xml.errorString() + QStringLiteral(" at line %1").arg(xml.lineNumber());
    return parsed;
}

} // namespace

class TestTimelineSvg : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void wellFormedWithOneLanePerTaskInTreeOrder()
    {
        const auto trace = testing::sampleTrace();
        const QString svg = report::timelineSvg(trace);
        QVERIFY(svg.startsWith(QLatin1String("<?xml")));
        const auto parsed = parse(svg);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.lanes.size(), qsizetype(trace.tasks().size()));
        QStringList order;
        for (const auto &lane : parsed.lanes)
            order << lane.value(QStringLiteral("data-task")).toString() + QLatin1Char('/')
                         + lane.value(QStringLiteral("data-depth")).toString();
        // main; user with its child worker; orders; slow.
        QCOMPARE(order, (QStringList{QStringLiteral("1/0"), QStringLiteral("2/1"), QStringLiteral("5/2"),
                                     QStringLiteral("3/1"), QStringLiteral("4/1")}));
        QCOMPARE(parsed.lives.size(), 5);
        QCOMPARE(parsed.suspensions.size(), 5); // main, user, orders, slow, worker (on another thread)
        QCOMPARE(parsed.counters, 2);
        QCOMPARE(parsed.errors, 1);
        QCOMPARE(parsed.cancellations, 1);
        QCOMPARE(parsed.marks, 1);
    }

    void barsSitWhereTheEventsHappened()
    {
        const auto trace = testing::sampleTrace();
        report::TimelineSvgOptions options;
        options.width = 1000;
        const auto parsed = parse(report::timelineSvg(trace, options));
        // main lives the whole run: its bar spans the plot; orders (1 ms .. 3 ms) is 2/8 of it.
        const double plot = parsed.lives[0].value(QStringLiteral("width")).toDouble();
        const double plotX = parsed.lives[0].value(QStringLiteral("x")).toDouble();
        const auto &orders = parsed.lives[3];
        QVERIFY(qAbs(orders.value(QStringLiteral("width")).toDouble() - plot * 2.0 / 8) < 1.0);
        QVERIFY(qAbs(orders.value(QStringLiteral("x")).toDouble() - (plotX + plot * 1.0 / 8)) < 1.0);
        QStringList reasons;
        for (const auto &suspension : parsed.suspensions)
            reasons << suspension.value(QStringLiteral("data-reason")).toString();
        QVERIFY(reasons.contains(QStringLiteral("thread pool")));
        QVERIFY(reasons.contains(QStringLiteral("network")));
    }

    void hostileTextStaysText()
    {
        Recorder r;
        const QString evil = testing::hostileLabel() + QStringLiteral(" \x01\x1f ]]> &amp; ") + QChar(0xD800);
        r.recordAt(0, EventKind::Created, 1, r.intern(evil), 0, 0, 0);
        r.recordAt(0, EventKind::Started, 1);
        r.recordAt(10, EventKind::Suspended, 1, r.intern(evil), 0, quint8(SuspendReason::Network));
        r.recordAt(20, EventKind::Mark, 1, r.intern(evil));
        r.recordAt(30, EventKind::Resumed, 1);
        r.recordAt(40, EventKind::Counter, 0, r.intern(evil), 0, 0, 1);
        r.recordAt(50, EventKind::Finished, 1, r.intern(evil), 0, quint8(FinishStatus::Error));
        Trace trace;
        r.drainInto(trace);
        report::TimelineSvgOptions options;
        options.title = evil;
        const QString svg = report::timelineSvg(trace, options);
        QVERIFY(!svg.contains(QLatin1String("<script")));
        const auto parsed = parse(svg);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        // The text reads back as the label (control characters replaced), never as markup.
        const QString readable = testing::hostileLabel() + QStringLiteral(" \uFFFD\uFFFD ]]> &amp; \uFFFD");
        bool found = false;
        for (const auto &text : parsed.texts)
            found = found || text.contains(readable);
        QVERIFY(found);
    }

    void manyTasksAreCappedWithANote()
    {
        const auto trace = testing::manyEventsTrace(400, 2);
        report::TimelineSvgOptions options;
        options.maxLanes = 50;
        const auto parsed = parse(report::timelineSvg(trace, options));
        QVERIFY(parsed.error.isEmpty());
        QCOMPARE(parsed.lanes.size(), 50);
        QVERIFY2(parsed.moreNote.contains(QLatin1String("351 more tasks")), qPrintable(parsed.moreNote));
    }

    void tinySuspensionsMergeIntoOneBar()
    {
        // 2000 suspensions of 1 µs in 4 ms: on a 1000 px timeline they cannot be told apart.
        const auto trace = testing::manyEventsTrace(1, 2000);
        const auto parsed = parse(report::timelineSvg(trace));
        QVERIFY(parsed.error.isEmpty());
        QVERIFY2(parsed.suspensions.size() < 20, qPrintable(QString::number(parsed.suspensions.size())));
        timeline::TimelineModel model;
        model.setTrace(&trace);
        const auto &spans = model.taskLane(2)->spans;
        QCOMPARE(std::count_if(spans.begin(), spans.end(),
                               [](const timeline::Span &span) { return span.state == timeline::SpanState::Suspended; }),
                 2000);
    }

    void crowdedMarksShareATooltip()
    {
        Recorder r;
        r.recordAt(0, EventKind::Created, 1, r.intern(QStringLiteral("main")), 0, 0, 0);
        for (int i = 0; i < 1000; ++i)
            r.recordAt(100 + i, EventKind::Mark, 1, r.intern(QStringLiteral("tick")));
        r.recordAt(1'000'000, EventKind::Mark, 1, r.intern(QStringLiteral("late")));
        r.recordAt(2'000'000, EventKind::Finished, 1, 0, 0, 0);
        Trace trace;
        r.drainInto(trace);
        const auto parsed = parse(report::timelineSvg(trace));
        QVERIFY(parsed.error.isEmpty());
        QCOMPARE(parsed.marks, 2);
        bool counted = false;
        for (const auto &text : parsed.texts)
            counted = counted || text.contains(QLatin1String("tick (and 999 more marks close by)"));
        QVERIFY(counted);
    }

    void stackedRunsShareOneTimeAxis()
    {
        const auto longRun = testing::sampleTrace(); // 8 ms
        const auto shortRun = testing::manyEventsTrace(1, 2); // about 2 µs
        const auto parsed = parse(
            report::stackedTimelineSvg({{&longRun, QStringLiteral("A")}, {&shortRun, QStringLiteral("B")}}));
        QVERIFY(parsed.error.isEmpty());
        QCOMPARE(parsed.lanes.size(), 7);
        const double longWidth = parsed.lives[0].value(QStringLiteral("width")).toDouble();
        const double shortWidth = parsed.lives[5].value(QStringLiteral("width")).toDouble();
        QVERIFY2(shortWidth < longWidth / 100, qPrintable(QStringLiteral("%1 vs %2").arg(shortWidth).arg(longWidth)));
        QVERIFY(parsed.texts.contains(QStringLiteral("A")));
        QVERIFY(parsed.texts.contains(QStringLiteral("B")));
    }

    void emptyTraceStillDraws()
    {
        const Trace empty;
        const auto parsed = parse(report::timelineSvg(empty));
        QVERIFY(parsed.error.isEmpty());
        QCOMPARE(parsed.lanes.size(), 0);
        QVERIFY(parsed.texts.contains(QStringLiteral("no tasks were recorded")));
    }
};

QTEST_GUILESS_MAIN(TestTimelineSvg)
#include "tst_timelinesvg.moc"
