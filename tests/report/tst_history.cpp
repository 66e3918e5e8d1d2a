// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/history.h"
#include "report/historywriter.h"
#include "sampletrace.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <thread>

using namespace coroscope;
using namespace coroscope::trace;

namespace {

constexpr char childSwitch[] = "--history-child";

bool sameEvent(const Event &a, const Event &b)
{
    const bool sameValue = a.value == b.value || (std::isnan(a.value) && std::isnan(b.value));
    return a.timeNs == b.timeNs && sameValue && a.task == b.task && a.label == b.label && a.location == b.location
           && a.thread == b.thread && a.kind == b.kind && a.detail == b.detail;
}

bool sameTrace(const Trace &a, const Trace &b, QString *why)
{
    auto differ = [&](const QString &what) {
        *why = what;
        return false;
    };
    if (a.stringCount() != b.stringCount())
        return differ(QStringLiteral("string count %1 vs %2").arg(a.stringCount()).arg(b.stringCount()));
    for (int i = 0; i < a.stringCount(); ++i) {
        if (a.string(StringId(i)) != b.string(StringId(i)))
            return differ(QStringLiteral("string %1").arg(i));
    }
    if (a.locationCount() != b.locationCount())
        return differ(QStringLiteral("location count"));
    for (int i = 0; i < a.locationCount(); ++i) {
        if (!(a.location(LocationId(i)) == b.location(LocationId(i))))
            return differ(QStringLiteral("location %1").arg(i));
    }
    if (a.threadCount() != b.threadCount())
        return differ(QStringLiteral("thread count"));
    for (int i = 0; i < a.threadCount(); ++i) {
        if (a.threadName(ThreadIndex(i)) != b.threadName(ThreadIndex(i)))
            return differ(QStringLiteral("thread %1").arg(i));
    }
    if (a.events().size() != b.events().size())
        return differ(QStringLiteral("event count %1 vs %2").arg(a.events().size()).arg(b.events().size()));
    for (std::size_t i = 0; i < a.events().size(); ++i) {
        if (!sameEvent(a.events()[i], b.events()[i]))
            return differ(QStringLiteral("event %1").arg(i));
    }
    if (a.tasks().size() != b.tasks().size())
        return differ(QStringLiteral("task count"));
    return true;
}

// Records a run the way PatternRun does: events on two threads, drained in batches, the
// writer told which part of the trace changed.
struct LiveRun {
    Recorder recorder;
    Trace trace;
    qint64 clock = 0;
    int nextTask = 2;

    LiveRun()
    {
        recorder.recordAt(0, EventKind::Created, 1, recorder.intern(QStringLiteral("main")), 0, 0, 0);
        recorder.recordAt(0, EventKind::Started, 1);
    }

    // One batch: a few tasks, one of them recorded on another thread slightly in the past,
    // so the batch reaches back into events already drained.
    Recorder::Drained batch()
    {
        for (int i = 0; i < 5; ++i) {
            const TaskId id = TaskId(nextTask++);
            recorder.recordAt(clock += 1000, EventKind::Created, id, recorder.intern(QStringLiteral("task %1").arg(id)),
                              recorder.intern(std::source_location::current()), 0, 1);
            recorder.recordAt(clock, EventKind::Started, id);
            recorder.recordAt(clock += 500, EventKind::Suspended, id,
                              recorder.intern(QStringLiteral("GET /%1").arg(id)), 0, quint8(SuspendReason::Network));
            recorder.recordAt(clock += 500, EventKind::Resumed, id);
            recorder.recordAt(clock, EventKind::Counter, 0, recorder.intern(QStringLiteral("lag")), 0, 0,
                              i == 3 ? std::nan("") : double(i));
            recorder.recordAt(clock += 10, EventKind::Finished, id, 0, 0,
                              quint8(i == 4 ? FinishStatus::Error : FinishStatus::Ok));
        }
        auto drained = recorder.drainInto(trace);
        const qint64 late = std::max<qint64>(1, clock - 12'000); // into the previous batch
        std::thread([&] {
            recorder.recordAt(late, EventKind::Mark, 1, recorder.intern(QStringLiteral("late from a pool")));
        }).join();
        const auto second = recorder.drainInto(trace);
        drained.firstChanged = std::min(drained.firstChanged, second.firstChanged);
        drained.added += second.added;
        return drained;
    }
};

// The child process of the kill -9 test: records a run and reports each committed flush on
// stdout until it is killed.
int historyChild(const QString &databasePath)
{
    int argc = 1;
    char name[] = "tst_history";
    char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    report::HistoryWriter writer;
    writer.setFlushInterval(std::chrono::milliseconds(0));
    QString error;
    if (!writer.begin(databasePath,
                      {QStringLiteral("gather"), QStringLiteral("doomed run"), {{QStringLiteral("tasks"), 5}}}, &error)) {
        std::fprintf(stderr, "begin failed: %s\n", qPrintable(error));
        return 1;
    }
    LiveRun run;
    for (;;) {
        const auto drained = run.batch();
        if (!writer.append(run.trace, drained.firstChanged, &error)) {
            std::fprintf(stderr, "append failed: %s\n", qPrintable(error));
            return 1;
        }
        std::printf("flushed %zu\n", run.trace.events().size());
        std::fflush(stdout);
        QThread::msleep(20);
    }
}

} // namespace

class TestHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordsAsTheRunGoesAndLoadsBackExactly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        report::HistoryWriter writer;
        writer.setFlushInterval(std::chrono::milliseconds(0));
        QString error;
        const QVariantMap parameters{{QStringLiteral("tasks"), 5},
                                     {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:8080/x?a='1'")}};
        QVERIFY2(writer.begin(path, {QStringLiteral("gather"), QStringLiteral("first try"), parameters}, &error),
                 qPrintable(error));
        LiveRun run;
        report::History history;
        QVERIFY2(history.open(path, &error), qPrintable(error));
        for (int i = 0; i < 6; ++i) {
            const auto drained = run.batch();
            if (i > 0) // it did reach back into what was written before
                QVERIFY(drained.firstChanged < qsizetype(run.trace.events().size()) - drained.added);
            QVERIFY2(writer.append(run.trace, drained.firstChanged, &error), qPrintable(error));
            // Readable while it runs: what is stored so far is the live trace so far.
            Trace sofar;
            QVERIFY2(history.load(writer.runId(), sofar, &error), qPrintable(error));
            QString why;
            QVERIFY2(sameTrace(sofar, run.trace, &why), qPrintable(why));
            QCOMPARE(history.run(writer.runId())->status, QStringLiteral("running"));
        }
        // While this process records it, reopening does not take it for a crashed run.
        report::History again;
        QVERIFY(again.open(path, &error));
        QCOMPARE(again.run(writer.runId())->status, QStringLiteral("running"));
        QVERIFY(!again.remove(writer.runId(), &error));
        QVERIFY(error.contains(QLatin1String("still being recorded")));

        QVERIFY2(writer.finish(run.trace, QStringLiteral("error"), QStringLiteral("1 of 30 requests failed"), &error),
                 qPrintable(error));
        QVERIFY(!writer.isActive());
        const auto runs = history.runs(&error);
        QCOMPARE(runs.size(), std::size_t(1));
        const auto &stored = runs.front();
        QCOMPARE(stored.patternId, QStringLiteral("gather"));
        QCOMPARE(stored.name, QStringLiteral("first try"));
        QCOMPARE(stored.parameters, parameters);
        QCOMPARE(stored.status, QStringLiteral("error"));
        QCOMPARE(stored.summary, QStringLiteral("1 of 30 requests failed"));
        QCOMPARE(stored.eventCount, qint64(run.trace.events().size()));
        QCOMPARE(stored.taskCount, 31);
        QCOMPARE(stored.wallNs, run.trace.durationNs());
        QVERIFY(stored.finishedAt.isValid());
        Trace loaded;
        QVERIFY2(history.load(stored.id, loaded, &error), qPrintable(error));
        QString why;
        QVERIFY2(sameTrace(loaded, run.trace, &why), qPrintable(why));
        QCOMPARE(loaded.threadCount(), 2);
    }

    void bigFlushesRoundTrip()
    {
        // Thousands of events in one flush (the block insert) and a rewrite reaching far back.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        const auto trace = testing::manyEventsTrace(300, 5);
        report::HistoryWriter writer;
        QString error;
        QVERIFY(writer.begin(path, {QStringLiteral("p"), QStringLiteral("big"), {}}, &error));
        const qint64 id = writer.runId();
        QVERIFY2(writer.flush(trace, &error), qPrintable(error));
        QVERIFY2(writer.append(trace, 3, &error), qPrintable(error)); // as if all but 3 events moved
        QVERIFY2(writer.finish(trace, QStringLiteral("ok"), QString(), &error), qPrintable(error));
        report::History history;
        QVERIFY(history.open(path, &error));
        Trace loaded;
        QVERIFY2(history.load(id, loaded, &error), qPrintable(error));
        QString why;
        QVERIFY2(sameTrace(loaded, trace, &why), qPrintable(why));
    }

    void flushesAtMostOncePerInterval()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        report::HistoryWriter writer;
        writer.setFlushInterval(std::chrono::hours(1));
        QVERIFY(writer.begin(path, {QStringLiteral("p"), QStringLiteral("n"), {}}));
        LiveRun run;
        for (int i = 0; i < 3; ++i) {
            const auto drained = run.batch();
            QVERIFY(writer.append(run.trace, drained.firstChanged));
        }
        report::History history;
        QVERIFY(history.open(path));
        QCOMPARE(history.run(writer.runId())->eventCount, 0); // batched, not written yet
        QVERIFY(writer.flush(run.trace));
        QCOMPARE(history.run(writer.runId())->eventCount, qint64(run.trace.events().size()));
        QString error;
        QVERIFY2(writer.finish(run.trace, QStringLiteral("ok"), QString(), &error), qPrintable(error));
    }

    void listRenameDelete()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        qint64 ids[3] = {};
        for (int i = 0; i < 3; ++i) {
            report::HistoryWriter writer;
            QVERIFY(writer.begin(path, {QStringLiteral("p%1").arg(i),
                                        QStringLiteral("run %1").arg(i),
                                        {},
                                        QDateTime::currentDateTimeUtc().addSecs(i)}));
            ids[i] = writer.runId();
            const auto trace = testing::sampleTrace();
            QVERIFY(writer.finish(trace, QStringLiteral("ok"), QStringLiteral("fine")));
        }
        report::History history;
        QString error;
        QVERIFY(history.open(path, &error));
        auto runs = history.runs();
        QCOMPARE(runs.size(), std::size_t(3));
        QCOMPARE(runs[0].id, ids[2]); // newest first
        QCOMPARE(runs[2].id, ids[0]);

        const QString evil = QStringLiteral("Robert'); DROP TABLE runs;-- \"x\"");
        QVERIFY2(history.rename(ids[1], evil, &error), qPrintable(error));
        QCOMPARE(history.run(ids[1])->name, evil);
        QVERIFY(!history.rename(9999, QStringLiteral("x"), &error));
        QVERIFY(error.contains(QLatin1String("no run 9999")));

        QVERIFY2(history.remove(ids[0], &error), qPrintable(error));
        runs = history.runs();
        QCOMPARE(runs.size(), std::size_t(2));
        Trace gone;
        QVERIFY(!history.load(ids[0], gone, &error));
        // Its events went with it.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery query(db);
            query.prepare(QStringLiteral("SELECT count(*) FROM events WHERE run_id = ?"));
            query.addBindValue(ids[0]);
            QVERIFY(query.exec() && query.next());
            QCOMPARE(query.value(0).toInt(), 0);
            query.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
        Trace kept;
        QVERIFY(history.load(ids[2], kept, &error));
        QString why;
        QVERIFY2(sameTrace(kept, testing::sampleTrace(), &why), qPrintable(why));
    }

    void abandonedWriterMarksItsRunInterrupted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        qint64 id = 0;
        {
            report::HistoryWriter writer;
            QVERIFY(writer.begin(path, {QStringLiteral("p"), QStringLiteral("n"), {}}));
            id = writer.runId();
        }
        report::History history;
        QVERIFY(history.open(path));
        QCOMPARE(history.run(id)->status, QStringLiteral("interrupted"));
    }

    void badPaths()
    {
        QTemporaryDir dir;
        report::History history;
        QString error;
        QVERIFY(!history.open(dir.filePath(QStringLiteral("no/such/dir/history.sqlite")), &error));
        QVERIFY2(error.startsWith(QLatin1String("cannot open the run history")), qPrintable(error));
        QVERIFY(!history.isOpen());
        QFile notADatabase(dir.filePath(QStringLiteral("text.sqlite")));
        QVERIFY(notADatabase.open(QIODevice::WriteOnly));
        notADatabase.write(QByteArray(4096, 'x'));
        notADatabase.close();
        QVERIFY(!history.open(notADatabase.fileName(), &error));
        QVERIFY2(!error.isEmpty(), qPrintable(error));
        report::HistoryWriter writer;
        QVERIFY(!writer.begin(dir.filePath(QStringLiteral("no/such/dir/h.sqlite")), {}, &error));
        QVERIFY(!writer.isActive());
        QVERIFY(QSqlDatabase::connectionNames().isEmpty()); // nothing left open
    }

    void killDashNine()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        // Two finished runs first.
        qint64 earlier[2] = {};
        for (auto &id : earlier) {
            report::HistoryWriter writer;
            QVERIFY(writer.begin(path, {QStringLiteral("sequential"), QStringLiteral("before the crash"), {}}));
            id = writer.runId();
            QVERIFY(writer.finish(testing::sampleTrace(), QStringLiteral("ok"), QStringLiteral("all good")));
        }

        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        child.start(QCoreApplication::applicationFilePath(), {QLatin1String(childSwitch), path});
        QVERIFY2(child.waitForStarted(10'000), qPrintable(child.errorString()));
        qint64 flushed = 0;
        int flushes = 0;
        QByteArray pending;
        while (flushes < 5) {
            QVERIFY2(child.state() == QProcess::Running || child.bytesAvailable() > 0,
                     child.readAllStandardError().constData());
            child.waitForReadyRead(10'000);
            pending += child.readAllStandardOutput();
            qsizetype newline;
            while ((newline = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(newline);
                pending.remove(0, newline + 1);
                if (line.startsWith("flushed ")) {
                    flushed = line.mid(8).toLongLong();
                    ++flushes;
                }
            }
        }
        // Meanwhile the child's run is "running", not interrupted: its process is alive.
        {
            report::History history;
            QString error;
            QVERIFY2(history.open(path, &error), qPrintable(error));
            const auto runs = history.runs();
            QCOMPARE(runs.size(), std::size_t(3));
            QCOMPARE(runs.front().status, QStringLiteral("running"));
        }
        child.kill(); // SIGKILL: no destructor, no finish(), mid-write perhaps
        QVERIFY(child.waitForFinished(10'000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);

        report::History history;
        QString error;
        QVERIFY2(history.open(path, &error), qPrintable(error));
        const auto runs = history.runs();
        QCOMPARE(runs.size(), std::size_t(3));
        const auto doomed = std::find_if(runs.begin(), runs.end(),
                                         [](const auto &run) { return run.name == QLatin1String("doomed run"); });
        QVERIFY(doomed != runs.end());
        QCOMPARE(doomed->status, QStringLiteral("interrupted"));
        QVERIFY(doomed->finishedAt.isValid());
        QVERIFY2(doomed->eventCount >= flushed,
                 qPrintable(QStringLiteral("%1 < %2").arg(doomed->eventCount).arg(flushed)));
        Trace partial;
        QVERIFY2(history.load(doomed->id, partial, &error), qPrintable(error));
        QCOMPARE(qint64(partial.events().size()), doomed->eventCount);
        QVERIFY(partial.tasks().size() > 20);
        // Every event's strings came with it (each flush is one transaction).
        for (const auto &event : partial.events())
            QVERIFY(event.label < StringId(partial.stringCount()));
        for (const auto id : earlier) {
            const auto run = history.run(id);
            QVERIFY(run);
            QCOMPARE(run->status, QStringLiteral("ok"));
            Trace trace;
            QVERIFY(history.load(id, trace, &error));
            QString why;
            QVERIFY2(sameTrace(trace, testing::sampleTrace(), &why), qPrintable(why));
        }
        // Reopening does not touch it again.
        history.close();
        QVERIFY(history.open(path, &error));
        QCOMPARE(history.run(doomed->id)->summary, doomed->summary);
    }
};

int main(int argc, char **argv)
{
    if (argc >= 3 && std::strcmp(argv[1], childSwitch) == 0)
        return historyChild(QString::fromLocal8Bit(argv[2]));
    QCoreApplication app(argc, argv);
    TestHistory test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_history.moc"
