// SPDX-License-Identifier: GPL-3.0-or-later
// Who woke whom: each resume is tied to what ended its wait, and the Chrome trace export carries
// the ties as flow events that pair up (every start has its finish), so Perfetto draws them.
#include "../report/sampletrace.h"
#include "classroom/wakeedges.h"
#include "patterns/runreport.h"
#include "patterntesting.h"
#include "report/chrometraceexport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace coroscope;
using namespace coroscope::trace;
using classroom::WakeKind;

namespace {

QString nameOf(const Trace &trace, qsizetype index)
{
    const auto *task = trace.task(trace.events()[size_t(index)].task);
    return task ? trace.string(task->name) : QString();
}

} // namespace

class TestWakeEdges : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyResumeKnowsWhatEndedItsWait()
    {
        const auto trace = testing::sampleTrace();
        const auto edges = classroom::wakeEdges(trace);
        QStringList found;
        for (const auto &edge : edges) {
            QCOMPARE(trace.events()[size_t(edge.to)].kind, EventKind::Resumed);
            QVERIFY(edge.from < edge.to);
            found.append(QStringLiteral("%1 -> %2: %3")
                             .arg(nameOf(trace, edge.from), nameOf(trace, edge.to),
                                  QLatin1String(classroom::toString(edge.kind))));
        }
        // The database and the network answer their own requests; main is woken by its last child.
        QCOMPARE(found, (QStringList{QStringLiteral("orders -> orders: reply"), QStringLiteral("user -> user: reply"),
                                     QStringLiteral("worker -> worker: reply"),
                                     QStringLiteral("slow <b>timer</b> -> slow <b>timer</b>: timer fired"),
                                     QStringLiteral("slow <b>timer</b> -> main: child finished")}));
        QCOMPARE(trace.events()[size_t(edges.back().from)].kind, EventKind::Finished);
    }

    void aPermitGoesToTheNextWaiterWhenItsHolderFinishes()
    {
        testing::PatternFixture fixture;
        QVERIFY(fixture.start());
        const auto run = fixture.run(
            QStringLiteral("semaphore"),
            {{QStringLiteral("products"), 3}, {QStringLiteral("limit"), 1}, {QStringLiteral("latency_ms"), 30}});
        QVERIFY(run && run->isFinished());
        const auto &trace = run->trace();
        int permits = 0;
        for (const auto &edge : classroom::wakeEdges(trace)) {
            if (edge.kind != WakeKind::PermitReleased)
                continue;
            ++permits;
            const auto &from = trace.events()[size_t(edge.from)];
            const auto &to = trace.events()[size_t(edge.to)];
            QCOMPARE(from.kind, EventKind::Finished);
            QVERIFY(from.task != to.task);
            QVERIFY(from.timeNs <= to.timeNs);
            QVERIFY(nameOf(trace, edge.from).startsWith(QStringLiteral("fetch_with_limit ")));
        }
        // One permit for three tasks: two of them waited and were handed it.
        QCOMPARE(permits, 2);
    }

    void theChromeExportsFlowsPairUp()
    {
        testing::PatternFixture fixture;
        QVERIFY(fixture.start());
        const auto run = fixture.run(QStringLiteral("gather"), {{QStringLiteral("latency_ms"), 20}});
        QVERIFY(run && run->isFinished());
        const auto input = patterns::reportInputFor(*run, QDateTime::currentDateTimeUtc());
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QString error;
        QVERIFY2(report::writeChromeTrace(input, buffer, &error), qPrintable(error));
        const auto document = QJsonDocument::fromJson(buffer.data());
        QVERIFY(document.isObject());
        QHash<qint64, QJsonObject> starts, finishes;
        for (const auto &value : document.object().value(QStringLiteral("traceEvents")).toArray()) {
            const auto event = value.toObject();
            const auto phase = event.value(QStringLiteral("ph")).toString();
            if (phase != QLatin1String("s") && phase != QLatin1String("f"))
                continue;
            auto &side = phase == QLatin1String("s") ? starts : finishes;
            const auto id = qint64(event.value(QStringLiteral("id")).toDouble());
            QVERIFY2(!side.contains(id), qPrintable(QStringLiteral("flow %1 %2 twice").arg(id).arg(phase)));
            side.insert(id, event);
        }
        QCOMPARE(qsizetype(starts.size()), qsizetype(classroom::wakeEdges(run->trace()).size()));
        QVERIFY(starts.size() >= 4); // three replies and main woken by its last child
        QCOMPARE(QSet<qint64>(starts.keyBegin(), starts.keyEnd()), QSet<qint64>(finishes.keyBegin(), finishes.keyEnd()));
        for (auto it = starts.cbegin(); it != starts.cend(); ++it) {
            const auto &finish = finishes.value(it.key());
            QVERIFY(finish.value(QStringLiteral("ts")).toDouble() >= it->value(QStringLiteral("ts")).toDouble());
            QCOMPARE(finish.value(QStringLiteral("bp")).toString(), QStringLiteral("e"));
            QCOMPARE(finish.value(QStringLiteral("cat")).toString(), QStringLiteral("wake"));
            QVERIFY(it->value(QStringLiteral("tid")).toInt() > 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestWakeEdges)
#include "tst_wakeedges.moc"
