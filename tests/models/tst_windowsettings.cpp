// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/windowsettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace coroscope::app;

class TestWindowSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void whatIsWrittenIsReadBack()
    {
        WindowSettings kept;
        kept.geometry = QByteArrayLiteral("geometry\x01\x02");
        kept.dockState = QByteArrayLiteral("docks");
        kept.splitterStates.insert(QStringLiteral("mainSplitter"), QByteArrayLiteral("main"));
        kept.splitterStates.insert(QStringLiteral("sideSplitter"), QByteArrayLiteral("side"));
        kept.nameColumnWidth = 240;
        kept.fontSteps = 6;
        kept.theme = QStringLiteral("dark");
        kept.replaySpeed = 0.25;
        kept.lastPattern = QStringLiteral("semaphore");
        kept.presentationScale = 250;
        kept.parameters.insert(QStringLiteral("semaphore"), {{QStringLiteral("limit"), 3}});
        kept.parameters.insert(QStringLiteral("gather"), {{QStringLiteral("latency_ms"), 150}});
        {
            QSettings file(path(), QSettings::IniFormat);
            kept.write(file);
        }
        const QSettings file(path(), QSettings::IniFormat);
        const auto read = WindowSettings::read(file);
        QCOMPARE(read.geometry, kept.geometry);
        QCOMPARE(read.dockState, kept.dockState);
        QCOMPARE(read.splitterStates, kept.splitterStates);
        QCOMPARE(read.nameColumnWidth, 240);
        QCOMPARE(read.fontSteps, 6);
        QCOMPARE(read.theme, QStringLiteral("dark"));
        QCOMPARE(read.replaySpeed, 0.25);
        QCOMPARE(read.lastPattern, QStringLiteral("semaphore"));
        QCOMPARE(read.presentationScale, 250);
        QCOMPARE(read.parameters.value(QStringLiteral("semaphore")).value(QStringLiteral("limit")).toInt(), 3);
        QCOMPARE(read.parameters.value(QStringLiteral("gather")).value(QStringLiteral("latency_ms")).toInt(), 150);
    }

    void aFreshMachineGetsTheDefaults()
    {
        const QSettings empty(path(), QSettings::IniFormat);
        const auto read = WindowSettings::read(empty);
        QVERIFY(read.geometry.isEmpty());
        QCOMPARE(read.fontSteps, 0);
        QCOMPARE(read.replaySpeed, 1.0);
        QVERIFY(read.lastPattern.isEmpty());
        QVERIFY(read.parameters.isEmpty());
    }

    void nonsenseIsReadAsTheDefaults()
    {
        {
            QSettings file(path(), QSettings::IniFormat);
            file.setValue(QStringLiteral("view/fontSteps"), 400);
            file.setValue(QStringLiteral("replay/speed"), QStringLiteral("fast"));
            file.setValue(QStringLiteral("timeline/nameColumnWidth"), -30);
            file.setValue(QStringLiteral("present/scale"), 1000);
        }
        const QSettings file(path(), QSettings::IniFormat);
        auto read = WindowSettings::read(file);
        QCOMPARE(read.fontSteps, WindowSettings::largestFontStep);
        QCOMPARE(read.replaySpeed, 1.0);
        QCOMPARE(read.nameColumnWidth, 0);
        QCOMPARE(read.presentationScale, 200);
        {
            QSettings again(path(), QSettings::IniFormat);
            again.setValue(QStringLiteral("replay/speed"), -2);
            again.setValue(QStringLiteral("view/fontSteps"), -50);
        }
        const QSettings again(path(), QSettings::IniFormat);
        read = WindowSettings::read(again);
        QCOMPARE(read.replaySpeed, 1.0);
        QCOMPARE(read.fontSteps, WindowSettings::smallestFontStep);
    }

    void cleanup() { QFile::remove(path()); }

private:
    QString path() const { return m_dir.filePath(QStringLiteral("coroscope.ini")); }
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestWindowSettings)
#include "tst_windowsettings.moc"
