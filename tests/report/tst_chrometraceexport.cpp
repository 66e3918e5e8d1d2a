// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/chrometraceexport.h"
#include "sampletrace.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace coroscope;
using namespace coroscope::trace;

namespace {

QJsonObject exportToJson(const Trace &trace, QByteArray *raw = nullptr)
{
    report::ReportInput input;
    input.title = QStringLiteral("gather demo");
    input.patternId = QStringLiteral("gather");
    input.parameters = {{QStringLiteral("tasks"), 3}};
    input.trace = &trace;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!report::writeChromeTrace(input, buffer, &error))
        qFatal("export failed: %s", qPrintable(error));
    if (raw)
        *raw = buffer.data();
    QJsonParseError parseError;
    const auto document = QJsonDocument::fromJson(buffer.data(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        qFatal("export is not JSON: %s", qPrintable(parseError.errorString()));
    return document.object();
}

double us(qint64 ns)
{
    return double(ns) / 1000.0;
}

// The viewer events of one kind ("X", "i", "M", ...) on one track.
QList<QJsonObject> eventsOn(const QJsonArray &events, const QString &phase, qint64 tid = -1)
{
    QList<QJsonObject> found;
    for (const auto &value : events) {
        const auto event = value.toObject();
        if (event.value(QStringLiteral("ph")).toString() == phase
            && (tid < 0 || event.value(QStringLiteral("tid")).toInteger() == tid))
            found.append(event);
    }
    return found;
}

} // namespace

class TestChromeTraceExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void objectFormatWithOurSectionAfterTheEvents()
    {
        QByteArray raw;
        const auto trace = testing::sampleTrace();
        const auto json = exportToJson(trace, &raw);
        QVERIFY(json.value(QStringLiteral("traceEvents")).isArray());
        QCOMPARE(json.value(QStringLiteral("displayTimeUnit")).toString(), QStringLiteral("ms"));
        QCOMPARE(json.value(QStringLiteral("otherData")).toObject().value(QStringLiteral("producer")).toString(),
                 QStringLiteral("coroscope"));
        // Perfetto stops reading at the first top-level key it does not know.
        QVERIFY(raw.indexOf("\"traceEvents\"") < raw.indexOf("\"coroscope\":{"));
        QVERIFY(raw.indexOf("\"otherData\"") < raw.indexOf("\"traceEvents\""));
        const auto lossless = json.value(QStringLiteral("coroscope")).toObject();
        QCOMPARE(lossless.value(QStringLiteral("events")).toArray().size(), qsizetype(trace.events().size()));
    }

    void everyTaskHasATrackWithItsLifeAndNestedSuspensions()
    {
        const auto trace = testing::sampleTrace();
        const auto events = exportToJson(trace).value(QStringLiteral("traceEvents")).toArray();
        const qint64 origin = trace.startNs();
        QVERIFY(trace.tasks().size() == 5);
        for (const auto &task : trace.tasks()) {
            // Track name "name (#id)".
            bool named = false;
            for (const auto &meta : eventsOn(events, QStringLiteral("M"), task.id)) {
                if (meta.value(QStringLiteral("name")).toString() == QLatin1String("thread_name")) {
                    QCOMPARE(meta.value(QStringLiteral("args")).toObject().value(QStringLiteral("name")).toString(),
                             QStringLiteral("%1 (#%2)").arg(trace.string(task.name)).arg(task.id));
                    named = true;
                }
            }
            QVERIFY(named);
            const auto slices = eventsOn(events, QStringLiteral("X"), task.id);
            QList<QJsonObject> lives, suspensions;
            for (const auto &slice : slices)
                (slice.value(QStringLiteral("cat")).toString() == QLatin1String("task") ? lives : suspensions).append(slice);
            QCOMPARE(lives.size(), 1);
            const auto &life = lives.first();
            QCOMPARE(life.value(QStringLiteral("name")).toString(), trace.string(task.name));
            QCOMPARE(life.value(QStringLiteral("ts")).toDouble(), us(task.createdNs - origin));
            QCOMPARE(life.value(QStringLiteral("dur")).toDouble(), us(task.finishedNs - task.createdNs));
            const auto args = life.value(QStringLiteral("args")).toObject();
            QCOMPARE(args.value(QStringLiteral("status")).toString(), QLatin1String(toString(task.status)));
            QCOMPARE(args.value(QStringLiteral("error")).toString(), trace.string(task.error));
            QCOMPARE(args.value(QStringLiteral("parent")).toInteger(), qint64(task.parent));

            // Each Suspended/Resumed pair is one slice inside the life slice, named by its reason.
            QList<Event> suspended, resumed;
            for (const auto &event : trace.events()) {
                if (event.task == task.id && event.kind == EventKind::Suspended)
                    suspended.append(event);
                if (event.task == task.id && event.kind == EventKind::Resumed)
                    resumed.append(event);
            }
            QCOMPARE(suspensions.size(), suspended.size());
            for (int i = 0; i < suspensions.size(); ++i) {
                const auto &slice = suspensions[i];
                const auto sliceArgs = slice.value(QStringLiteral("args")).toObject();
                QCOMPARE(slice.value(QStringLiteral("name")).toString(), QLatin1String(toString(suspended[i].reason())));
                QCOMPARE(slice.value(QStringLiteral("ts")).toDouble(), us(suspended[i].timeNs - origin));
                QCOMPARE(slice.value(QStringLiteral("dur")).toDouble(), us(resumed[i].timeNs - suspended[i].timeNs));
                QCOMPARE(sliceArgs.value(QStringLiteral("resource")).toString(), trace.string(suspended[i].label));
                const auto location = trace.location(suspended[i].location);
                if (location.isValid()) {
                    QCOMPARE(sliceArgs.value(QStringLiteral("file")).toString(), location.file);
                    QCOMPARE(sliceArgs.value(QStringLiteral("line")).toInt(), location.line);
                }
                const double begin = slice.value(QStringLiteral("ts")).toDouble();
                const double end = begin + slice.value(QStringLiteral("dur")).toDouble();
                QVERIFY(begin >= life.value(QStringLiteral("ts")).toDouble());
                QVERIFY(end <= life.value(QStringLiteral("ts")).toDouble() + life.value(QStringLiteral("dur")).toDouble());
            }
        }
    }

    void childrenSortUnderTheirParents()
    {
        const auto trace = testing::sampleTrace();
        const auto events = exportToJson(trace).value(QStringLiteral("traceEvents")).toArray();
        QHash<qint64, int> sortIndex;
        for (const auto &meta : eventsOn(events, QStringLiteral("M"))) {
            if (meta.value(QStringLiteral("name")).toString() == QLatin1String("thread_sort_index"))
                sortIndex.insert(
                    meta.value(QStringLiteral("tid")).toInteger(),
                    meta.value(QStringLiteral("args")).toObject().value(QStringLiteral("sort_index")).toInt());
        }
        QCOMPARE(sortIndex.size(), 5);
        // worker (#5) is user's (#2) child: right after it, before orders (#3).
        QVERIFY(sortIndex.value(1) < sortIndex.value(2));
        QCOMPARE(sortIndex.value(5), sortIndex.value(2) + 1);
        QVERIFY(sortIndex.value(5) < sortIndex.value(3));
    }

    void marksCountersAndFinishStatusesAreVisible()
    {
        const auto trace = testing::sampleTrace();
        const auto events = exportToJson(trace).value(QStringLiteral("traceEvents")).toArray();
        const auto userMarks = eventsOn(events, QStringLiteral("i"), 2);
        QCOMPARE(userMarks.size(), 1);
        QCOMPARE(userMarks.first().value(QStringLiteral("name")).toString(), testing::hostileLabel());
        const auto ordersInstants = eventsOn(events, QStringLiteral("i"), 3);
        QCOMPARE(ordersInstants.size(), 1);
        QVERIFY(
            ordersInstants.first().value(QStringLiteral("name")).toString().startsWith(QLatin1String("error: orders down")));
        const auto slowInstants = eventsOn(events, QStringLiteral("i"), 4);
        QCOMPARE(slowInstants.size(), 1);
        QVERIFY(slowInstants.first().value(QStringLiteral("name")).toString().startsWith(QLatin1String("cancelled")));
        const auto untasked = eventsOn(events, QStringLiteral("i"), 0);
        QCOMPARE(untasked.size(), 1);
        QCOMPARE(untasked.first().value(QStringLiteral("s")).toString(), QStringLiteral("p"));

        // One counter track per name, with every sample.
        QHash<QString, QList<double>> counters;
        for (const auto &counter : eventsOn(events, QStringLiteral("C")))
            counters[counter.value(QStringLiteral("name")).toString()].append(
                counter.value(QStringLiteral("args")).toObject().value(QStringLiteral("value")).toDouble());
        QCOMPARE(counters.size(), 2);
        QCOMPARE(counters.value(counters::requestsInFlight()), (QList<double>{1, 2, 0}));
        QCOMPARE(counters.value(counters::loopLagMs()), (QList<double>{0.25, 3.5}));
    }

    void unfinishedTasksRunToTheEndOfTheTrace()
    {
        const auto trace = testing::sampleTrace(/*finishRun=*/false);
        const auto events = exportToJson(trace).value(QStringLiteral("traceEvents")).toArray();
        const auto slices = eventsOn(events, QStringLiteral("X"), 4); // "slow": still sleeping
        QCOMPARE(slices.size(), 2);
        const auto life = slices.first();
        QCOMPARE(life.value(QStringLiteral("args")).toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("running"));
        QCOMPARE(life.value(QStringLiteral("ts")).toDouble() + life.value(QStringLiteral("dur")).toDouble(),
                 us(trace.endNs() - trace.startNs()));
        QCOMPARE(slices.last().value(QStringLiteral("args")).toObject().value(QStringLiteral("resumed")).toBool(true),
                 false);
    }

    void timestampsKeepNanoseconds()
    {
        const auto trace = testing::sampleTrace();
        QByteArray raw;
        exportToJson(trace, &raw);
        // orders was created at 1 ms + 100 ns: exactly "1000.1" µs, no binary noise.
        QVERIFY(raw.contains("\"ts\":1000.1,"));
    }
};

QTEST_GUILESS_MAIN(TestChromeTraceExport)
#include "tst_chrometraceexport.moc"
