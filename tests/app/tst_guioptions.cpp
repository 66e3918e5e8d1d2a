// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/guioptions.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using coroscope::app::parseGuiOptions;

class TestGuiOptions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validCommandLine()
    {
        QTemporaryDir dir;
        const auto shot = dir.filePath(QStringLiteral("shot.png"));
        const auto parsed = parseGuiOptions(
            {QStringLiteral("coroscope"), QStringLiteral("--pattern"), QStringLiteral("sequential"),
             QStringLiteral("--set"), QStringLiteral("calls=3"), QStringLiteral("--set"), QStringLiteral("latency_ms=20"),
             QStringLiteral("--run"), QStringLiteral("--screenshot"), shot, QStringLiteral("--theme"),
             QStringLiteral("dark"), QStringLiteral("--history"), QStringLiteral("runs.sqlite")});
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QCOMPARE(parsed.options.patternId, QStringLiteral("sequential"));
        QVERIFY(parsed.options.run);
        QCOMPARE(parsed.options.values.value(QStringLiteral("calls")).toInt(), 3);
        QCOMPARE(parsed.options.values.value(QStringLiteral("latency_ms")).toInt(), 20);
        QCOMPARE(parsed.options.values.size(), 2); // only what was set: the rest stays as saved
        QCOMPARE(parsed.options.screenshotPath, shot);
        QCOMPARE(parsed.options.theme, QStringLiteral("dark"));
        QCOMPARE(parsed.options.historyPath, QDir::current().absoluteFilePath(QStringLiteral("runs.sqlite")));
        QVERIFY2(!QFile::exists(shot), "checking the path must not leave a file behind");
    }

    void noArgumentsOpenTheWindow()
    {
        const auto parsed = parseGuiOptions({QStringLiteral("coroscope")});
        QVERIFY(parsed.ok());
        QVERIFY(parsed.options.patternId.isEmpty());
        QVERIFY(!parsed.options.run);
        QVERIFY(parsed.options.historyPath.isEmpty()); // the app then uses the default history
    }

    // The desktop entry starts `coroscope %f` for a trace the file manager opens.
    void aFileArgumentIsATraceToOpen()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("run.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const auto parsed = parseGuiOptions({QStringLiteral("coroscope"), QStringLiteral("--theme"),
                                             QStringLiteral("dark"), QDir(dir.path()).relativeFilePath(path)});
        QVERIFY(!parsed.ok()); // relative to the test's folder, not the temporary one: no such file
        const auto absolute = parseGuiOptions({QStringLiteral("coroscope"), path});
        QVERIFY2(absolute.ok(), qPrintable(absolute.error));
        QCOMPARE(absolute.options.tracePath, path);
    }

    void versionWinsOverEverythingElse()
    {
        const auto parsed = parseGuiOptions({QStringLiteral("coroscope"), QStringLiteral("--pattern"),
                                             QStringLiteral("nope"), QStringLiteral("--version")});
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QVERIFY(parsed.options.version);
    }

    void compareTakesTwoRunIds()
    {
        const auto parsed = parseGuiOptions(
            {QStringLiteral("coroscope"), QStringLiteral("--compare"), QStringLiteral("12"), QStringLiteral("7")});
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QCOMPARE(parsed.options.compareFirst, qint64(12));
        QCOMPARE(parsed.options.compareSecond, qint64(7));
        QVERIFY(parsed.options.patternId.isEmpty());
    }

    void badCommandLines_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const auto p = QStringLiteral("--pattern");
        const auto s = QStringLiteral("--set");
        QTest::newRow("unknown pattern") << QStringList{p, QStringLiteral("nope")}
                                         << QStringLiteral("unknown pattern \"nope\"");
        QTest::newRow("unknown parameter") << QStringList{p, QStringLiteral("sequential"), s, QStringLiteral("speed=3")}
                                           << QStringLiteral("unknown parameter \"speed\"");
        QTest::newRow("not a number") << QStringList{p, QStringLiteral("sequential"), s, QStringLiteral("calls=many")}
                                      << QStringLiteral("whole number");
        QTest::newRow("out of range") << QStringList{p, QStringLiteral("sequential"), s, QStringLiteral("calls=0")}
                                      << QStringLiteral("between 1 and 200");
        QTest::newRow("no equals sign") << QStringList{p, QStringLiteral("sequential"), s, QStringLiteral("calls")}
                                        << QStringLiteral("expected name=value");
        QTest::newRow("set without pattern")
            << QStringList{s, QStringLiteral("calls=3")} << QStringLiteral("--set needs --pattern");
        QTest::newRow("run without pattern")
            << QStringList{QStringLiteral("--run")} << QStringLiteral("--run needs --pattern");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
        QTest::newRow("no such trace file") << QStringList{p, QStringLiteral("sequential"), QStringLiteral("extra")}
                                            << QStringLiteral("cannot open \"extra\": no such file");
        QTest::newRow("two files") << QStringList{QDir::tempPath(), QStringLiteral("extra")}
                                   << QStringLiteral("unexpected argument \"extra\"");
        QTest::newRow("bad theme") << QStringList{QStringLiteral("--theme"), QStringLiteral("purple")}
                                   << QStringLiteral("--theme must be");
        QTest::newRow("missing folder") << QStringList{QStringLiteral("--screenshot"),
                                                       QStringLiteral("/no/such/folder/shot.png")}
                                        << QStringLiteral("does not exist");
        const auto c = QStringLiteral("--compare");
        QTest::newRow("compare one run") << QStringList{c, QStringLiteral("3")}
                                         << QStringLiteral("--compare needs two run ids");
        QTest::newRow("compare not ids") << QStringList{c, QStringLiteral("3"), QStringLiteral("x")}
                                         << QStringLiteral("--compare needs two run ids");
        QTest::newRow("compare run 0") << QStringList{c, QStringLiteral("0"), QStringLiteral("2")}
                                       << QStringLiteral("--compare needs two run ids");
        QTest::newRow("folder, not file")
            << QStringList{QStringLiteral("--screenshot"), QDir::tempPath()} << QStringLiteral("it is a folder");
    }

    void badCommandLines()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        arguments.prepend(QStringLiteral("coroscope"));
        const auto parsed = parseGuiOptions(arguments);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error.contains(message), qPrintable(parsed.error));
    }

    void unwritableScreenshotFile()
    {
        // A file that cannot be opened for writing, whoever runs the test: a path under a file.
        QTemporaryDir dir;
        const auto blocker = dir.filePath(QStringLiteral("plain-file"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const auto parsed = parseGuiOptions(
            {QStringLiteral("coroscope"), QStringLiteral("--screenshot"), blocker + QStringLiteral("/shot.png")});
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error.contains(QStringLiteral("cannot write the screenshot")), qPrintable(parsed.error));
    }
};

QTEST_GUILESS_MAIN(TestGuiOptions)
#include "tst_guioptions.moc"
