// SPDX-License-Identifier: GPL-3.0-or-later
// The command line as a script sees it: exit codes, messages, printed summaries, written files.
#include "patterns/catalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
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

    // `changes`: variables to set on top of the test's environment; an empty value removes one.
    Result coroscope(const QStringList &arguments, const QMap<QString, QString> &changes = {}, int timeoutMs = 60'000)
    {
        QProcess process;
        auto environment = QProcessEnvironment::systemEnvironment();
        // Keep the demo database and the history out of the real home directory.
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path());
        for (auto change = changes.begin(); change != changes.end(); ++change) {
            if (change.value().isEmpty())
                environment.remove(change.key());
            else
                environment.insert(change.key(), change.value());
        }
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

    void describeJsonHasTheQuestionsAndChoices()
    {
        const auto result = coroscope({QStringLiteral("describe"), QStringLiteral("semaphore"), QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        const auto described = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(described.value(QStringLiteral("id")).toString(), QStringLiteral("semaphore"));
        const auto questions = described.value(QStringLiteral("questions")).toArray();
        QStringList ids;
        for (const auto &question : questions) {
            const auto object = question.toObject();
            ids.append(object.value(QStringLiteral("id")).toString());
            QVERIFY(!object.value(QStringLiteral("text")).toString().isEmpty());
            const auto choices = object.value(QStringLiteral("choices")).toArray();
            QVERIFY(choices.size() >= 2);
            for (const auto &choice : choices)
                QVERIFY(choice.toObject().contains(QStringLiteral("claim")));
        }
        QCOMPARE(ids, (QStringList{QStringLiteral("peak"), QStringLiteral("how-long")}));
        // The classic wrong answer is a choice like the others.
        QVERIFY(result.out.contains(QStringLiteral("All of them at once")));
        const auto withoutQuestions = coroscope(
            {QStringLiteral("describe"), QStringLiteral("db-query"), QStringLiteral("--json")});
        QCOMPARE(withoutQuestions.exitCode, 0);
        QVERIFY(
            QJsonDocument::fromJson(withoutQuestions.out.toUtf8()).object().value(QStringLiteral("questions")).isArray());
    }

    void runNarratesOneCaptionALine()
    {
        const auto result = coroscope({QStringLiteral("run"), QStringLiteral("timeout"), QStringLiteral("--set"),
                                       QStringLiteral("latency_ms=300"), QStringLiteral("--set"),
                                       QStringLiteral("limit_ms=50"), QStringLiteral("--narrate"),
                                       QStringLiteral("--no-history")});
        QCOMPARE(result.exitCode, 0);
        const auto lines = result.out.split(QLatin1Char('\n'));
        const auto summary = lines.indexOf(QRegularExpression(QStringLiteral("timeout: ok.*")));
        QVERIFY2(summary > 3, qPrintable(result.out));
        double previous = -1;
        for (qsizetype index = 0; index < summary; ++index) {
            // "     12.345  caption": the run's clock in ms, then the caption.
            const auto time = lines[index].section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty);
            bool isTime = false;
            const double ms = time.toDouble(&isTime);
            QVERIFY2(isTime && ms >= previous, qPrintable(lines[index]));
            previous = ms;
        }
        QCOMPARE(lines.first().section(QLatin1String(" ms  "), 1), QStringLiteral("timeout starts the run"));
        const auto captions = QStringList(lines.begin(), lines.begin() + summary).join(QLatin1Char('\n'));
        QVERIFY2(captions.contains(QStringLiteral("waits for the network: GET /delay/300")), qPrintable(captions));
        QVERIFY2(captions.contains(QStringLiteral("timeout after 50")), qPrintable(captions));
    }

    void runAnswersFromThatRun()
    {
        const auto answerWith = [&](const QString &latency, const QString &limit) {
            const auto result = coroscope({QStringLiteral("run"), QStringLiteral("timeout"), QStringLiteral("--set"),
                                           QStringLiteral("latency_ms=") + latency, QStringLiteral("--set"),
                                           QStringLiteral("limit_ms=") + limit, QStringLiteral("--answers"),
                                           QStringLiteral("--no-history")});
            return result.exitCode == 0 ? result.out : QStringLiteral("exit %1: %2").arg(result.exitCode).arg(result.err);
        };
        const auto limited = answerWith(QStringLiteral("400"), QStringLiteral("80"));
        QVERIFY2(limited.contains(QStringLiteral("how-long: About the limit (the run took ")), qPrintable(limited));
        const auto answered = answerWith(QStringLiteral("60"), QStringLiteral("400"));
        QVERIFY2(answered.contains(QStringLiteral("how-long: About the latency (the run took ")), qPrintable(answered));
        const auto none = coroscope({QStringLiteral("run"), QStringLiteral("db-query"), QStringLiteral("--answers"),
                                     QStringLiteral("--no-history")});
        QVERIFY2(none.out.contains(QStringLiteral("db-query has no questions")), qPrintable(none.out + none.err));
    }

    void badArgumentsSayWhatIsWrong_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                         << QStringLiteral("unknown command");
        QTest::newRow("unknown pattern") << QStringList{QStringLiteral("run"), QStringLiteral("nope")}
                                         << QStringLiteral("no pattern \"nope\"");
        QTest::newRow("out of range") << QStringList{QStringLiteral("run"), QStringLiteral("gather"),
                                                     QStringLiteral("--set"), QStringLiteral("latency_ms=-5")}
                                      << QStringLiteral("latency_ms must be between 0 and 5000");
        QTest::newRow("not a number") << QStringList{QStringLiteral("run"), QStringLiteral("gather"),
                                                     QStringLiteral("--set"), QStringLiteral("latency_ms=fast")}
                                      << QStringLiteral("latency_ms must be a whole number");
        QTest::newRow("unknown parameter") << QStringList{QStringLiteral("run"), QStringLiteral("gather"),
                                                          QStringLiteral("--set"), QStringLiteral("speed=3")}
                                           << QStringLiteral("unknown parameter \"speed\"");
        QTest::newRow("bad export format") << QStringList{QStringLiteral("run"), QStringLiteral("gather"),
                                                          QStringLiteral("--export"), QStringLiteral("out.docx")}
                                           << QStringLiteral("cannot export to \"out.docx\"");
        QTest::newRow("bad server") << QStringList{QStringLiteral("run"), QStringLiteral("gather"),
                                                   QStringLiteral("--server"), QStringLiteral("ftp://example.org")}
                                    << QStringLiteral("must be an http:// or https:// URL");
        QTest::newRow("bad run id") << QStringList{QStringLiteral("export"), QStringLiteral("abc"),
                                                   QStringLiteral("x.json")}
                                    << QStringLiteral("\"abc\" is not a run id");
        QTest::newRow("bad fault") << QStringList{QStringLiteral("run"), QStringLiteral("retry"),
                                                  QStringLiteral("--fault"), QStringLiteral("error_rate=2")}
                                   << QStringLiteral("--fault error_rate must be a number between 0 and 1");
        QTest::newRow("unknown preset") << QStringList{QStringLiteral("run"), QStringLiteral("retry"),
                                                       QStringLiteral("--fault"), QStringLiteral("preset=chaos")}
                                        << QStringLiteral("preset must be one of");
        QTest::newRow("fault with server")
            << QStringList{QStringLiteral("run"),      QStringLiteral("retry"),
                           QStringLiteral("--fault"),  QStringLiteral("preset=flaky"),
                           QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9")}
            << QStringLiteral("it cannot go with --server");
        QTest::newRow("serve bad fault") << QStringList{QStringLiteral("serve"), QStringLiteral("--fault"),
                                                        QStringLiteral("latency_ms")}
                                         << QStringLiteral("a fault is name=value");
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

    void runTakesTheLabsFaults()
    {
        // The flaky preset's seed fails the first attempt: retry shows its point.
        const auto result = coroscope({QStringLiteral("run"), QStringLiteral("retry"), QStringLiteral("--set"),
                                       QStringLiteral("fail_rate=0"), QStringLiteral("--fault"),
                                       QStringLiteral("preset=flaky"), QStringLiteral("--no-history")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QStringLiteral("succeeded on attempt 2 after 1 failure(s)")),
                 qPrintable(result.out));
    }

    void runPrintsTheSummaryAndExportsATrace()
    {
        const auto json = m_home.filePath(QStringLiteral("gather.json"));
        const auto csv = m_home.filePath(QStringLiteral("gather.csv"));
        const auto result = coroscope({QStringLiteral("run"), QStringLiteral("gather"), QStringLiteral("--set"),
                                       QStringLiteral("latency_ms=100"), QStringLiteral("--export"), json,
                                       QStringLiteral("--export"), csv});
        QCOMPARE(result.exitCode, 0);
        for (const auto *line : {"gather: ok", "wall time", "tasks            4", "peak concurrency 3",
                                 "errors           0", "loop lag max"})
            QVERIFY2(result.out.contains(QLatin1String(line)), qPrintable(result.out));

        // The exported Chrome trace: every task has its life slice, and every suspension is a
        // slice nested inside its task's life on the same track.
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray exported = file.readAll();
        // A handout shows no path of the machine that built the binary: code locations are
        // relative to the source tree, and no string in the file is an absolute path.
        QVERIFY2(!exported.contains("\"/"), exported.left(400).constData());
        QVERIFY(exported.contains("\"file\":\"src/core/patterns/library/gather.cpp\""));
        const auto events = QJsonDocument::fromJson(exported).object().value(QStringLiteral("traceEvents")).toArray();
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

    void historyOnAFreshMachineHasNoRunsYet()
    {
        // Nothing has run: no data folder, no history file. Listing says so, creates nothing.
        QTemporaryDir freshHome;
        const QMap<QString, QString> fresh{
            {QStringLiteral("XDG_DATA_HOME"), freshHome.filePath(QStringLiteral("data"))}};
        const auto result = coroscope({QStringLiteral("history")}, fresh);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.contains(QLatin1String("No runs yet")), qPrintable(result.err));
        const auto json = coroscope({QStringLiteral("history"), QStringLiteral("--json")}, fresh);
        QCOMPARE(json.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(json.out.toUtf8()).isArray());
        QVERIFY(QJsonDocument::fromJson(json.out.toUtf8()).array().isEmpty());
        QVERIFY(!QFileInfo::exists(freshHome.filePath(QStringLiteral("data"))));

        // Exporting from it names the problem instead of a database error.
        const auto exported = coroscope(
            {QStringLiteral("export"), QStringLiteral("1"), freshHome.filePath(QStringLiteral("x.json"))}, fresh);
        QCOMPARE(exported.exitCode, 2);
        QVERIFY2(exported.err.contains(QLatin1String("no runs yet")), qPrintable(exported.err));
        QVERIFY(!exported.err.contains(QLatin1String("unable to open")));
    }

    void everyHistoryCommandTakesHistoryFile()
    {
        QTemporaryDir dir;
        const auto file = dir.filePath(QStringLiteral("class.sqlite"));
        // Before the command and after it, both spellings.
        QCOMPARE(coroscope({QStringLiteral("--history"), file, QStringLiteral("history")}).exitCode, 0);
        QVERIFY(!QFileInfo::exists(file));
        const auto ran = coroscope({QStringLiteral("run"), QStringLiteral("sequential"), QStringLiteral("--set"),
                                    QStringLiteral("latency_ms=20"), QStringLiteral("--history=") + file});
        QCOMPARE(ran.exitCode, 0);
        QVERIFY(QFileInfo::exists(file));
        QCOMPARE(coroscope({QStringLiteral("--history"), file, QStringLiteral("run"), QStringLiteral("gather"),
                            QStringLiteral("--set"), QStringLiteral("latency_ms=20")})
                     .exitCode,
                 0);

        const auto listed = coroscope(
            {QStringLiteral("history"), QStringLiteral("--json"), QStringLiteral("--history"), file});
        QCOMPARE(listed.exitCode, 0);
        const auto runs = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(runs.size(), 2);
        QStringList patterns;
        for (const auto &run : runs)
            patterns.append(run.toObject().value(QStringLiteral("pattern")).toString());
        patterns.sort();
        QCOMPARE(patterns, (QStringList{QStringLiteral("gather"), QStringLiteral("sequential")}));
        const auto first = QString::number(runs.at(0).toObject().value(QStringLiteral("id")).toInteger());
        const auto second = QString::number(runs.at(1).toObject().value(QStringLiteral("id")).toInteger());

        const auto json = dir.filePath(QStringLiteral("one.json"));
        QCOMPARE(coroscope({QStringLiteral("--history"), file, QStringLiteral("export"), first, json}).exitCode, 0);
        QVERIFY(QFileInfo(json).size() > 100);
        const auto both = dir.filePath(QStringLiteral("both.svg"));
        QCOMPARE(coroscope({QStringLiteral("compare"), first, second, both, QStringLiteral("--history"), file}).exitCode,
                 0);
        QVERIFY(QFileInfo(both).size() > 100);

        // The default history was not touched by any of it.
        const auto defaultList = coroscope({QStringLiteral("history"), QStringLiteral("--json")});
        for (const auto &run : QJsonDocument::fromJson(defaultList.out.toUtf8()).array())
            QVERIFY(run.toObject().value(QStringLiteral("pattern")).toString() != QLatin1String("sequential"));

        // Where it means nothing, or has no value, it is refused.
        const auto list = coroscope({QStringLiteral("list"), QStringLiteral("--history"), file});
        QCOMPARE(list.exitCode, 2);
        QVERIFY2(list.err.contains(QLatin1String("does not use the run history")), qPrintable(list.err));
        const auto missing = coroscope({QStringLiteral("history"), QStringLiteral("--history")});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QLatin1String("--history needs a FILE")), qPrintable(missing.err));
    }

    void withoutADisplayEverythingIsAnswered_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << 0 << QStringLiteral("coroscope 0.");
        QTest::newRow("--version among the app's options")
            << QStringList{QStringLiteral("--theme"), QStringLiteral("dark"), QStringLiteral("--version")} << 0
            << QStringLiteral("coroscope 0.");
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << 0 << QStringLiteral("Usage:");
        QTest::newRow("mistyped option") << QStringList{QStringLiteral("--pattrn"), QStringLiteral("gather")} << 2
                                         << QStringLiteral("Unknown option 'pattrn'");
        QTest::newRow("unknown pattern") << QStringList{QStringLiteral("--pattern"), QStringLiteral("nope")} << 2
                                         << QStringLiteral("unknown pattern \"nope\"");
        QTest::newRow("the app") << QStringList{} << 2 << QStringLiteral("cannot open a window: no display");
        QTest::newRow("the app on a pattern") << QStringList{QStringLiteral("--pattern"), QStringLiteral("gather")} << 2
                                              << QStringLiteral("cannot open a window: no display");
        QTest::newRow("the app on a file") << QStringList{QStringLiteral(COROSCOPE_EXECUTABLE)} << 2
                                           << QStringLiteral("cannot open a window: no display");
        QTest::newRow("history") << QStringList{QStringLiteral("history")} << 0 << QString();
    }

    void withoutADisplayEverythingIsAnswered()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        // As over SSH without X forwarding: no display and no platform chosen.
        const QMap<QString, QString> noDisplay{{QStringLiteral("QT_QPA_PLATFORM"), QString()},
                                               {QStringLiteral("DISPLAY"), QString()},
                                               {QStringLiteral("WAYLAND_DISPLAY"), QString()}};
        const auto result = coroscope(arguments, noDisplay);
        const QString output = result.out + result.err;
        QCOMPARE(result.exitCode, exitCode); // never 134 (abort) or a crash (-1)
        QVERIFY2(output.contains(message), qPrintable(output));
        if (exitCode == 2)
            QCOMPARE(result.err.trimmed().count(QLatin1Char('\n')), 0); // one line
    }

    void unreachableDisplayIsOneLineToo()
    {
        // A DISPLAY that names no X server, as with a stale SSH forwarding.
        const QMap<QString, QString> deadDisplay{{QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb")},
                                                 {QStringLiteral("DISPLAY"), QStringLiteral(":97")},
                                                 {QStringLiteral("WAYLAND_DISPLAY"), QString()}};
        const auto result = coroscope({}, deadDisplay);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QLatin1String("DISPLAY=:97")), qPrintable(result.err));
        QCOMPARE(result.err.trimmed().count(QLatin1Char('\n')), 0);
    }

private:
    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
