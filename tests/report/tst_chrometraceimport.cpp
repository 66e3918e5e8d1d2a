// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/chrometraceexport.h"
#include "report/chrometraceimport.h"
#include "sampletrace.h"
#include "trace/summary.h"

#include <QBuffer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>

using namespace coroscope;
using namespace coroscope::trace;

namespace {

QByteArray exportTrace(const Trace &trace)
{
    report::ReportInput input;
    input.title = QStringLiteral("round <trip>");
    input.patternId = QStringLiteral("gather");
    input.status = QStringLiteral("ok");
    input.parameters = {{QStringLiteral("tasks"), 3}, {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:1/x")}};
    input.startedAt = QDateTime(QDate(2025, 3, 4), QTime(5, 6, 7, 890), Qt::UTC);
    input.trace = &trace;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!report::writeChromeTrace(input, buffer))
        qFatal("export failed");
    return buffer.data();
}

report::ImportResult importBytes(const QByteArray &bytes, const report::ImportProgress &progress = {},
                                 const report::ImportOptions &options = {})
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return report::importChromeTrace(buffer, progress, options);
}

bool sameEvent(const Event &a, const Event &b)
{
    const bool sameValue = a.value == b.value || (std::isnan(a.value) && std::isnan(b.value));
    return a.timeNs == b.timeNs && sameValue && a.task == b.task && a.label == b.label && a.location == b.location
           && a.thread == b.thread && a.kind == b.kind && a.detail == b.detail;
}

void compareTraces(const Trace &actual, const Trace &expected)
{
    QCOMPARE(actual.stringCount(), expected.stringCount());
    for (int i = 0; i < expected.stringCount(); ++i)
        QCOMPARE(actual.string(StringId(i)), expected.string(StringId(i)));
    QCOMPARE(actual.locationCount(), expected.locationCount());
    for (int i = 0; i < expected.locationCount(); ++i)
        QVERIFY(actual.location(LocationId(i)) == expected.location(LocationId(i)));
    QCOMPARE(actual.threadCount(), expected.threadCount());
    for (int i = 0; i < expected.threadCount(); ++i)
        QCOMPARE(actual.threadName(ThreadIndex(i)), expected.threadName(ThreadIndex(i)));
    QCOMPARE(actual.events().size(), expected.events().size());
    for (std::size_t i = 0; i < expected.events().size(); ++i)
        QVERIFY2(sameEvent(actual.events()[i], expected.events()[i]), qPrintable(QString::number(i)));
    QCOMPARE(actual.tasks().size(), expected.tasks().size());
    for (std::size_t i = 0; i < expected.tasks().size(); ++i) {
        const auto &a = actual.tasks()[i];
        const auto &b = expected.tasks()[i];
        QCOMPARE(a.id, b.id);
        QCOMPARE(a.parent, b.parent);
        QCOMPARE(actual.string(a.name), expected.string(b.name));
        QCOMPARE(a.createdNs, b.createdNs);
        QCOMPARE(a.finishedNs, b.finishedNs);
        QCOMPARE(a.status, b.status);
        QCOMPARE(actual.string(a.error), expected.string(b.error));
    }
    QCOMPARE(actual.counterNames(), expected.counterNames());
}

const TaskInfo *taskNamed(const Trace &trace, const QString &name)
{
    for (const auto &task : trace.tasks()) {
        if (trace.string(task.name) == name)
            return &task;
    }
    return nullptr;
}

QList<Event> eventsOf(const Trace &trace, TaskId task, EventKind kind)
{
    QList<Event> found;
    for (const auto &event : trace.events()) {
        if (event.task == task && event.kind == kind)
            found.append(event);
    }
    return found;
}

// A QBuffer that pretends to be a pipe: no size known in advance.
// Bytes that arrive like a pipe's: no size up front, no seeking. (A QBuffer that only claims
// to be sequential reads from the wrong offset once QIODevice stops tracking its position.)
class SequentialBuffer : public QIODevice
{
public:
    void setData(QByteArray data) { m_data = std::move(data); }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_offset + QIODevice::bytesAvailable(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override
    {
        const auto count = std::min<qint64>(maxSize, m_data.size() - m_offset);
        std::memcpy(data, m_data.constData() + m_offset, std::size_t(count));
        m_offset += count;
        return count;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_offset = 0;
};

} // namespace

class TestChromeTraceImport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTripIsExact()
    {
        const auto original = testing::sampleTrace();
        const auto result = importBytes(exportTrace(original));
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(result.lossless);
        QVERIFY(result.warnings.isEmpty());
        compareTraces(result.trace, original);
        QCOMPARE(result.title, QStringLiteral("round <trip>"));
        QCOMPARE(result.patternId, QStringLiteral("gather"));
        QCOMPARE(result.status, QStringLiteral("ok"));
        QCOMPARE(result.parameters.value(QStringLiteral("tasks")).toInt(), 3);
        QCOMPARE(result.parameters.value(QStringLiteral("url")).toString(), QStringLiteral("http://127.0.0.1:1/x"));
        QCOMPARE(result.startedAt, QDateTime(QDate(2025, 3, 4), QTime(5, 6, 7, 890), Qt::UTC));
    }

    void roundTripOfAStoppedRunAndOddValues()
    {
        // Unfinished tasks, an open suspension, NaN/inf counters and a lone surrogate.
        Recorder r;
        r.recordAt(5, EventKind::Created, 1, r.intern(QStringLiteral("main")), 0, 0, 0);
        r.recordAt(5, EventKind::Started, 1);
        r.recordAt(7, EventKind::Suspended, 1, r.intern(QString(QChar(0xD800)) + QStringLiteral("x")), 0,
                   quint8(SuspendReason::Semaphore));
        r.recordAt(8, EventKind::Counter, 0, r.intern(QStringLiteral("c")), 0, 0, std::nan(""));
        r.recordAt(9, EventKind::Counter, 0, r.intern(QStringLiteral("c")), 0, 0, -HUGE_VAL);
        r.recordAt(10, EventKind::Counter, 0, r.intern(QStringLiteral("c")), 0, 0, 0.1 + 0.2);
        r.recordAt(11, EventKind::Counter, 0, r.intern(QStringLiteral("c")), 0, 0, 1e-310);
        Trace original;
        r.drainInto(original);
        const auto result = importBytes(exportTrace(original));
        QVERIFY2(result.ok, qPrintable(result.error));
        compareTraces(result.trace, original);
        QCOMPARE(result.trace.tasks().front().finishedNs, -1);
    }

    void aRealRunRoundTrips()
    {
        const auto original = testing::manyEventsTrace(300, 5);
        const auto result = importBytes(exportTrace(original));
        QVERIFY2(result.ok, qPrintable(result.error));
        compareTraces(result.trace, original);
        const auto a = summarize(original), b = summarize(result.trace);
        QCOMPARE(b.wallNs, a.wallNs);
        QCOMPARE(b.suspendedNsByReason, a.suspendedNsByReason);
    }

    void ourFileWithoutItsSectionFallsBackToTheViewerEvents()
    {
        // As if another tool kept our otherData but dropped the "coroscope" key.
        const auto original = testing::sampleTrace();
        QByteArray bytes = exportTrace(original);
        const auto cut = bytes.indexOf(",\n\"coroscope\":");
        QVERIFY(cut > 0);
        bytes = bytes.left(cut) + "}";
        const auto result = importBytes(bytes);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(!result.lossless);
        QVERIFY(!result.warnings.isEmpty());
        // Same tasks (under a process root) with the same suspensions.
        for (const auto &task : original.tasks()) {
            const auto *imported = taskNamed(result.trace,
                                             original.string(task.name) + QStringLiteral(" (#%1)").arg(task.id));
            QVERIFY2(imported, qPrintable(original.string(task.name)));
            QCOMPARE(imported->createdNs, task.createdNs - original.startNs());
            QCOMPARE(imported->status, task.status);
            const auto expected = eventsOf(original, task.id, EventKind::Suspended);
            const auto actual = eventsOf(result.trace, imported->id, EventKind::Suspended);
            QCOMPARE(actual.size(), expected.size());
            for (int i = 0; i < actual.size(); ++i) {
                QCOMPARE(actual[i].reason(), expected[i].reason());
                QCOMPARE(result.trace.string(actual[i].label), original.string(expected[i].label));
                QCOMPARE(result.trace.location(actual[i].location).line, original.location(expected[i].location).line);
            }
        }
    }

    void otherToolsTraces()
    {
        // Thread slices (X and B/E), a nested recognised suspension, an unrecognised nested
        // slice, nestable async events, counters, instants and metadata.
        const QByteArray json = R"({"traceEvents":[
            {"ph":"M","pid":7,"tid":1,"name":"thread_name","args":{"name":"loop"}},
            {"ph":"M","pid":7,"name":"process_name","args":{"name":"server"}},
            {"ph":"X","pid":7,"tid":1,"ts":1000,"dur":500,"name":"handle"},
            {"ph":"X","pid":7,"tid":1,"ts":1100,"dur":200,"name":"network","args":{"resource":"GET /a","file":"a.py","line":12}},
            {"ph":"X","pid":7,"tid":1,"ts":1350,"dur":10,"name":"parse json"},
            {"ph":"B","pid":7,"tid":1,"ts":2000,"name":"handle 2"},
            {"ph":"E","pid":7,"tid":1,"ts":2100},
            {"ph":"b","pid":7,"tid":1,"ts":1200,"cat":"job","id":"0x1","name":"download"},
            {"ph":"b","pid":7,"tid":1,"ts":1250,"cat":"job","id":"0x1","name":"wait","args":{"reason":"semaphore"}},
            {"ph":"e","pid":7,"tid":1,"ts":1400,"cat":"job","id":"0x1","name":"wait"},
            {"ph":"n","pid":7,"tid":1,"ts":1450,"cat":"job","id":"0x1","name":"half way"},
            {"ph":"e","pid":7,"tid":1,"ts":1600,"cat":"job","id":"0x1","name":"download","args":{"status":"error","error":"boom"}},
            {"ph":"C","pid":7,"ts":1000,"name":"queue","args":{"value":3}},
            {"ph":"C","pid":7,"ts":1500,"name":"mem","args":{"heap":10,"stack":2}},
            {"ph":"i","pid":7,"tid":1,"ts":1700,"name":"tick","s":"t"},
            {"ph":"i","pid":7,"tid":1,"ts":1800,"name":"global","s":"g"},
            {"ph":"s","pid":7,"tid":1,"ts":1000,"name":"flow","id":1}
        ]})";
        const auto result = importBytes(json);
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(!result.lossless);
        const auto &trace = result.trace;
        QCOMPARE(trace.startNs(), 0); // rebased to the first event

        const auto *root = taskNamed(trace, QStringLiteral("server"));
        QVERIFY(root);
        QCOMPARE(root->parent, TaskId(0));
        const auto *loop = taskNamed(trace, QStringLiteral("loop"));
        QVERIFY(loop);
        QCOMPARE(loop->parent, root->id);
        QCOMPARE(loop->createdNs, 0);
        QCOMPARE(loop->finishedNs, qint64(1100) * 1000); // end of "handle 2"
        const auto loopSuspended = eventsOf(trace, loop->id, EventKind::Suspended);
        QCOMPARE(loopSuspended.size(), 2);
        QCOMPARE(loopSuspended[0].reason(), SuspendReason::Network);
        QCOMPARE(loopSuspended[0].timeNs, qint64(100) * 1000);
        QCOMPARE(trace.string(loopSuspended[0].label), QStringLiteral("GET /a"));
        QCOMPARE(trace.location(loopSuspended[0].location).file, QStringLiteral("a.py"));
        QCOMPARE(trace.location(loopSuspended[0].location).line, 12);
        QCOMPARE(eventsOf(trace, loop->id, EventKind::Resumed)[0].timeNs, qint64(300) * 1000);
        // The gap between the two top-level slices: idle.
        QCOMPARE(loopSuspended[1].reason(), SuspendReason::Other);
        QCOMPARE(trace.string(loopSuspended[1].label), QStringLiteral("idle"));
        QCOMPARE(loopSuspended[1].timeNs, qint64(500) * 1000);
        QStringList loopMarks;
        for (const auto &mark : eventsOf(trace, loop->id, EventKind::Mark))
            loopMarks << trace.string(mark.label);
        QCOMPARE(loopMarks, (QStringList{QStringLiteral("parse json"), QStringLiteral("tick")}));

        const auto *download = taskNamed(trace, QStringLiteral("download"));
        QVERIFY(download);
        QCOMPARE(download->parent, root->id);
        QCOMPARE(download->createdNs, qint64(200) * 1000);
        QCOMPARE(download->finishedNs, qint64(600) * 1000);
        QCOMPARE(download->status, FinishStatus::Error);
        QCOMPARE(trace.string(download->error), QStringLiteral("boom"));
        const auto waits = eventsOf(trace, download->id, EventKind::Suspended);
        QCOMPARE(waits.size(), 1);
        QCOMPARE(waits[0].reason(), SuspendReason::Semaphore);
        QCOMPARE(trace.string(waits[0].label), QStringLiteral("wait"));
        QCOMPARE(eventsOf(trace, download->id, EventKind::Mark).size(), 1);

        QStringList counterNames;
        for (const auto id : trace.counterNames())
            counterNames << trace.string(id);
        counterNames.sort();
        QCOMPARE(counterNames,
                 (QStringList{QStringLiteral("mem heap"), QStringLiteral("mem stack"), QStringLiteral("queue")}));
        QCOMPARE(eventsOf(trace, 0, EventKind::Mark).size(), 1); // the global instant
        QVERIFY(result.warnings.join(QLatin1Char('\n')).contains(QLatin1String("phase 's'")));
        // The summary works on imported traces too: two tasks under the root at once.
        QCOMPARE(summarize(trace).peakConcurrency, 2);
    }

    void arrayFormatMayBeLeftOpen()
    {
        const auto result = importBytes(R"([{"ph":"X","pid":1,"tid":1,"ts":1,"dur":2,"name":"a"},
            {"ph":"X","pid":1,"tid":2,"ts":2,"dur":2,"name":"b"},
            )");
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.trace.tasks().size(), std::size_t(3));
    }

    void malformedInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        const QByteArray deep(100'000, '[');
        QTest::newRow("empty") << QByteArray() << QStringLiteral("the file is empty");
        QTest::newRow("whitespace only") << QByteArray(" \n ") << QStringLiteral("the file is empty");
        QTest::newRow("not json") << QByteArray("hello") << QStringLiteral("does not start with a JSON object or array");
        QTest::newRow("truncated") << QByteArray(R"({"traceEvents":[{"ph":"X","ts":1)")
                                   << QStringLiteral("the file ends at byte 32 where expected ',' or '}'");
        QTest::newRow("truncated string")
            << QByteArray("{\"traceEvents\":[{\"ph\":\"X") << QStringLiteral("is it truncated?");
        QTest::newRow("traceEvents not an array") << QByteArray(R"({"traceEvents":{"ph":"X"}})")
                                                  << QStringLiteral("\"traceEvents\" must be an array, not an object");
        QTest::newRow("ts is a string") << QByteArray(R"({"traceEvents":[{"ph":"X","ts":"abc","pid":1,"tid":1}]})")
                                        << QStringLiteral("traceEvents[0]: \"ts\" must be a number, not a string");
        QTest::newRow("ts too big") << QByteArray(R"({"traceEvents":[{"ph":"i","ts":1e308,"pid":1,"tid":1}]})")
                                    << QStringLiteral(
                                           "traceEvents[0]: \"ts\" is 1e+308 µs, out of the supported range");
        QTest::newRow("number overflows") << QByteArray(R"({"traceEvents":[{"ph":"i","ts":1e999}]})")
                                          << QStringLiteral("the number 1e999 is too large");
        QTest::newRow("negative duration") << QByteArray(R"({"traceEvents":[{"ph":"X","ts":5,"dur":-3}]})")
                                           << QStringLiteral("traceEvents[0]: negative duration");
        QTest::newRow("missing ts") << QByteArray(R"({"traceEvents":[{"ph":"X","pid":1}]})")
                                    << QStringLiteral("traceEvents[0]: missing \"ts\"");
        QTest::newRow("event not an object") << QByteArray(R"({"traceEvents":[{"ph":"i","ts":1},2]})")
                                             << QStringLiteral("traceEvents[1] must be an object, not a number");
        QTest::newRow("pid not an integer") << QByteArray(R"({"traceEvents":[{"ph":"i","ts":1,"pid":1.5}]})")
                                            << QStringLiteral("traceEvents[0]: \"pid\" must be an integer");
        QTest::newRow("args not an object")
            << QByteArray(R"({"traceEvents":[{"ph":"i","ts":1,"args":[1]}]})")
            << QStringLiteral("traceEvents[0]: \"args\" must be an object, not an array");
        QTest::newRow("deep top-level array") << deep << QStringLiteral("traceEvents[0] must be an object, not an array");
        QTest::newRow("deep args") << QByteArray(R"({"traceEvents":[{"ph":"i","ts":1,"args":{"a":)") + deep
                                   << QStringLiteral("JSON nested deeper than 64 levels");
        QTest::newRow("deep unknown member") << QByteArray(R"({"traceEvents":[{"ph":"i","ts":1,"x":)") + deep
                                             << QStringLiteral("JSON nested deeper than 64 levels");
        QTest::newRow("deep unknown key")
            << QByteArray(R"({"other":)") + deep << QStringLiteral("JSON nested deeper than 64 levels");
        QTest::newRow("trailing garbage")
            << QByteArray(R"({"traceEvents":[]} x)") << QStringLiteral("there is more after the JSON value");
        QTest::newRow("trailing comma") << QByteArray(R"({"traceEvents":[{"ph":"i","ts":1},]})")
                                        << QStringLiteral("a trailing comma");
        QTest::newRow("missing colon") << QByteArray(R"({"traceEvents" []})") << QStringLiteral("expected ':'");
        QTest::newRow("raw control character") << QByteArray("{\"traceEvents\":[{\"ph\":\"i\",\"name\":\"a\x01\"}]}")
                                               << QStringLiteral("a control character inside a string");
        QTest::newRow("bad escape") << QByteArray(R"({"traceEvents":[{"ph":"i","name":"\q"}]})")
                                    << QStringLiteral("an unknown escape");
        QTest::newRow("bad literal") << QByteArray(R"({"traceEvents":[{"ph":"i","ts":1,"x":nul}]})")
                                     << QStringLiteral("expected 'null'");
        QTest::newRow("leading zero") << QByteArray(R"({"traceEvents":[{"ph":"i","ts":01}]})")
                                      << QStringLiteral("a malformed number");
        QTest::newRow("no traceEvents") << QByteArray(R"({"foo":1})") << QStringLiteral("no \"traceEvents\" array");
        QTest::newRow("our section: bad version") << QByteArray(R"({"traceEvents":[],"coroscope":{"format":2}})")
                                                  << QStringLiteral("coroscope.format: version 2 is not supported");
        QTest::newRow("our section: string out of range")
            << QByteArray(
                   R"({"traceEvents":[],"coroscope":{"format":1,"strings":[""],"locations":[["","",0]],"threads":[],"events":[[0,0,1,99,0,0,0,0]]}})")
            << QStringLiteral("coroscope.events[0]: string 99 is not in the string table");
        QTest::newRow("our section: bad kind") << QByteArray(
            R"({"traceEvents":[],"coroscope":{"format":1,"strings":[""],"locations":[["","",0]],"threads":[],"events":[[0,9,1,0,0,0,0,0]]}})")
                                               << QStringLiteral("coroscope.events[0]: unknown event kind 9");
        QTest::newRow("our section: short event") << QByteArray(
            R"({"traceEvents":[],"coroscope":{"format":1,"strings":[""],"locations":[["","",0]],"events":[[0,1]]}})")
                                                  << QStringLiteral("coroscope.events[0]: expected 8 fields");
        QTest::newRow("our section: time not integer") << QByteArray(
            R"({"traceEvents":[],"coroscope":{"format":1,"strings":[""],"locations":[["","",0]],"events":[[0.5,1,1,0,0,0,0,0]]}})")
                                                       << QStringLiteral("expected an integer, found 0.5");
        QTest::newRow("our section: huge integer") << QByteArray(
            R"({"traceEvents":[],"coroscope":{"format":1,"strings":[""],"locations":[["","",0]],"events":[[99999999999999999999,1,1,0,0,0,0,0]]}})")
                                                   << QStringLiteral("does not fit in 64 bits");
        QTest::newRow("our section: first string not empty") << QByteArray(
            R"({"traceEvents":[],"coroscope":{"format":1,"strings":["x"],"locations":[["","",0]],"events":[]}})")
                                                             << QStringLiteral("must start with the empty string");
    }

    void malformedInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const auto result = importBytes(json);
        QVERIFY(!result.ok);
        QVERIFY(!result.cancelled);
        QVERIFY2(result.error.contains(error), qPrintable(result.error));
        QCOMPARE(result.trace.events().size(), std::size_t(0));
    }

    void filesOverTheSizeCapAreRefused()
    {
        const QByteArray bytes = exportTrace(testing::sampleTrace());
        report::ImportOptions options;
        options.maxBytes = 1024;
        auto result = importBytes(bytes, {}, options);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QLatin1String("more than the import limit")), qPrintable(result.error));

        // A pipe has no size up front: the cap applies while reading.
        options.maxBytes = 3 << 20;
        const QByteArray big = exportTrace(testing::manyEventsTrace(2000, 20));
        QVERIFY(big.size() > options.maxBytes);
        SequentialBuffer pipe;
        pipe.setData(big);
        pipe.open(QIODevice::ReadOnly);
        result = report::importChromeTrace(pipe, {}, options);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QLatin1String("larger than the import limit of 3 MB")), qPrintable(result.error));
    }

    void progressAndCancellation()
    {
        const QByteArray big = exportTrace(testing::manyEventsTrace(2000, 20));
        QVERIFY(big.size() > 4 << 20); // several chunks
        QList<int> seen;
        auto result = importBytes(big, [&](int percent) {
            seen.append(percent);
            return true;
        });
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(seen.size() >= 4);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
        QCOMPARE(seen.last(), 100);

        int calls = 0;
        result = importBytes(big, [&](int) { return ++calls < 2; });
        QVERIFY(!result.ok);
        QVERIFY(result.cancelled);
        QCOMPARE(calls, 2);
        QCOMPARE(result.trace.events().size(), std::size_t(0));
    }

    void importFromFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("run.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(exportTrace(testing::sampleTrace()));
        file.close();
        const auto result = report::importChromeTraceFile(path);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.trace.tasks().size(), std::size_t(5));
        const auto missing = report::importChromeTraceFile(dir.filePath(QStringLiteral("missing.json")));
        QVERIFY(!missing.ok);
        QVERIFY(missing.error.contains(QLatin1String("cannot open")));
    }
};

QTEST_GUILESS_MAIN(TestChromeTraceImport)
#include "tst_chrometraceimport.moc"
