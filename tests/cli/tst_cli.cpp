// SPDX-License-Identifier: GPL-3.0-or-later
// The command line as a script sees it: exit codes, messages, printed summaries, written files.
#include "patterns/catalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <map>

class TestCli : public QObject
{
    Q_OBJECT

    struct Result {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Result coroscope(const QStringList &arguments, int timeoutMs = 60'000)
    {
        QProcess process;
        auto environment = QProcessEnvironment::systemEnvironment();
        // Keep the demo database and the history out of the real home directory.
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(COROSCOPE_EXECUTABLE), arguments);
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

private Q_SLOTS:
    void listJsonHasEveryPattern()
    {
        const auto result = coroscope({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto list = QJsonDocument::fromJson(result.out.toUtf8()).array();
        QStringList ids;
        for (const auto &entry : list)
            ids.append(entry.toObject().value(QStringLiteral("id")).toString());
        QCOMPARE(ids, coroscope::patterns::Catalog::instance().ids());
        QVERIFY(ids.contains(QStringLiteral("gather")));
    }

    void badArgumentsSayWhatIsWrong_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command");
        QTest::newRow("unknown pattern") << QStringList{QStringLiteral("run"), QStringLiteral("nope")}
                                         << QStringLiteral("no pattern \"nope\"");
        QTest::newRow("out of range") << QStringList{QStringLiteral("run"), QStringLiteral("gather"), QStringLiteral("--set"),
                                                     QStringLiteral("latency_ms=-5")}
                                      << QStringLiteral("latency_ms must be between 0 and 5000");
        QTest::newRow("not a number") << QStringList{QStringLiteral("run"), QStringLiteral("gather"), QStringLiteral("--set"),
                                                     QStringLiteral("latency_ms=fast")}
                                      << QStringLiteral("latency_ms must be a whole number");
        QTest::newRow("unknown parameter") << QStringList{QStringLiteral("run"), QStringLiteral("gather"), QStringLiteral("--set"),
                                                          QStringLiteral("speed=3")}
                                           << QStringLiteral("unknown parameter \"speed\"");
        QTest::newRow("bad export format") << QStringList{QStringLiteral("run"), QStringLiteral("gather"), QStringLiteral("--export"),
                                                          QStringLiteral("out.docx")}
                                           << QStringLiteral("cannot export to \"out.docx\"");
        QTest::newRow("bad server") << QStringList{QStringLiteral("run"), QStringLiteral("gather"), QStringLiteral("--server"),
                                                   QStringLiteral("ftp://example.org")}
                                    << QStringLiteral("must be an http:// or https:// URL");
        QTest::newRow("bad run id") << QStringList{QStringLiteral("export"), QStringLiteral("abc"), QStringLiteral("x.json")}
                                    << QStringLiteral("\"abc\" is not a run id");
    }

    void badArgumentsSayWhatIsWrong()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const auto result = coroscope(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
    }

    void unreachableServerEndsTheRunWithAnError()
    {
        // A closed port on loopback: the run ends (never hangs) with a clear connection error.
        const auto result = coroscope({QStringLiteral("run"), QStringLiteral("sequential"), QStringLiteral("--server"),
                                       QStringLiteral("http://127.0.0.1:9"), QStringLiteral("--no-history")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.out.contains(QStringLiteral("sequential: error")), qPrintable(result.out));
    }

    void runPrintsTheSummaryAndExportsATrace()
    {
        const auto json = m_home.filePath(QStringLiteral("gather.json"));
        const auto csv = m_home.filePath(QStringLiteral("gather.csv"));
        const auto result = coroscope({QStringLiteral("run"), QStringLiteral("gather"), QStringLiteral("--set"),
                                       QStringLiteral("latency_ms=100"), QStringLiteral("--export"), json,
                                       QStringLiteral("--export"), csv});
        QCOMPARE(result.exitCode, 0);
        for (const auto *line : {"gather: ok", "wall time", "tasks            4", "peak concurrency 3", "errors           0",
                                 "loop lag max"})
            QVERIFY2(result.out.contains(QLatin1String(line)), qPrintable(result.out));

        // The exported Chrome trace: every task has its life slice, and every suspension is a
        // slice nested inside its task's life on the same track.
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto events = QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("traceEvents")).toArray();
        std::map<int, std::pair<double, double>> lives; // tid -> [start, end]
        std::vector<std::tuple<int, double, double>> suspensions;
        for (const auto &value : events) {
            const auto event = value.toObject();
            if (event.value(QStringLiteral("ph")).toString() != QLatin1String("X"))
                continue;
            const int tid = event.value(QStringLiteral("tid")).toInt();
            const double ts = event.value(QStringLiteral("ts")).toDouble();
            const double end = ts + event.value(QStringLiteral("dur")).toDouble();
            if (event.value(QStringLiteral("cat")).toString().contains(QLatin1String("task")))
                lives[tid] = {ts, end};
            else
                suspensions.emplace_back(tid, ts, end);
        }
        QCOMPARE(lives.size(), std::size_t(4));
        QVERIFY(suspensions.size() >= 4); // three requests and the join
        for (const auto &[tid, start, end] : suspensions) {
            QVERIFY(lives.count(tid));
            QVERIFY(start >= lives[tid].first && end <= lives[tid].second + 0.001);
        }
        QFile table(csv);
        QVERIFY(table.open(QIODevice::ReadOnly));
        QVERIFY(table.readLine().startsWith("time_ns,task_id,task_name"));

        // And it is in the history, exportable again by id.
        const auto history = coroscope({QStringLiteral("history"), QStringLiteral("--json")});
        QCOMPARE(history.exitCode, 0);
        const auto runs = QJsonDocument::fromJson(history.out.toUtf8()).array();
        QVERIFY(!runs.isEmpty());
        const auto id = QString::number(runs.first().toObject().value(QStringLiteral("id")).toInteger());
        const auto html = m_home.filePath(QStringLiteral("again.html"));
        QCOMPARE(coroscope({QStringLiteral("export"), id, html}).exitCode, 0);
        QVERIFY(QFileInfo(html).size() > 1000);
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
