// SPDX-License-Identifier: GPL-3.0-or-later
// File > Open trace: Chrome trace files (ours and other tools') on the timeline, off the GUI
// thread, with errors that name the file and a Cancel that leaves everything as it was.
#include "app/models/environment.h"
#include "app/models/eventlogmodel.h"
#include "app/run/statspanel.h"
#include "app/window/mainwindow.h"
#include "patterns/catalog.h"
#include "patterns/runreport.h"
#include "report/chrometraceexport.h"
#include "timeline/timelinemodel.h"
#include "windowtesting.h"

#include <QAction>
#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace coroscope;
using namespace coroscope::app;
using namespace coroscope::timeline;

namespace {

using testing::runToTheEnd;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Another tool's trace: `events` complete slices spread over `threads` thread tracks.
QByteArray foreignTrace(int events, int threads)
{
    QByteArray json("{\"traceEvents\":[{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":1,"
                    "\"args\":{\"name\":\"worker-1\"}}");
    json.reserve(events * 72);
    for (int i = 0; i < events; ++i) {
        json += ",{\"name\":\"step\",\"ph\":\"X\",\"ts\":" + QByteArray::number(qint64(i) * 10)
                + ",\"dur\":5,\"pid\":1,\"tid\":" + QByteArray::number(1 + i % threads) + '}';
    }
    json += "]}";
    return json;
}

int taskLaneCount(const TimelineModel &model)
{
    int count = 0;
    for (const auto *lane : model.lanes())
        count += lane->kind == LaneKind::Task ? 1 : 0;
    return count;
}

} // namespace

class TestOpenTrace : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(testing::startLabTest(QStringLiteral("tst_opentrace"), m_environment, m_dir)); }

    void ourExportComesBackOnTheTimeline()
    {
        const auto path = m_dir.filePath(QStringLiteral("gather.json"));
        trace::Trace original;
        {
            MainWindow recorder(&m_environment);
            QVERIFY(runToTheEnd(recorder, QStringLiteral("gather"), {}));
            original = recorder.currentRun()->trace();
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(report::writeChromeTrace(
                patterns::reportInputFor(*recorder.currentRun(), QDateTime::currentDateTimeUtc()), file));
        }
        MainWindow window(&m_environment);
        window.selectPattern(QStringLiteral("sequential"));
        QVERIFY(window.mainActions().openTrace->shortcuts().contains(QKeySequence(QKeySequence::Open)));
        QSignalSpy opened(&window, &MainWindow::openFinished);
        QVERIFY(window.openTraceFile(path));
        QVERIFY(window.isOpening());
        QVERIFY(opened.wait(30'000));
        QCOMPARE(opened.first().first().toBool(), true);
        QVERIFY(window.openedTrace());
        const auto &shown = window.openedTrace()->trace;
        QCOMPARE(shown.events().size(), original.events().size());
        QCOMPARE(shown.tasks().size(), original.tasks().size());
        QCOMPARE(taskLaneCount(*window.timelineModel()), int(original.tasks().size()));
        for (const auto &task : original.tasks())
            QCOMPARE(window.timelineModel()->taskLane(task.id)->title, original.string(task.name));
        QCOMPARE(window.eventLogModel()->rowCount(), int(original.events().size()));
        // Our own file knows its pattern, so the code beside it is the code that ran.
        QCOMPARE(window.currentPatternId(), QStringLiteral("gather"));
        QCOMPARE(window.statsPanel()->cardText(QStringLiteral("outcome")), QStringLiteral("ok"));
        QVERIFY(window.windowTitle().contains(QStringLiteral("gather.json")));
        QVERIFY(window.bannerText().contains(QStringLiteral("not a live run")));
    }

    void anotherToolsTraceFillsTheTimeline()
    {
        const auto path = m_dir.filePath(QStringLiteral("other-tool.json"));
        QVERIFY(writeFile(path, foreignTrace(60, 3)));
        MainWindow window(&m_environment);
        QSignalSpy opened(&window, &MainWindow::openFinished);
        QVERIFY(window.openTraceFile(path));
        QVERIFY(opened.wait(30'000));
        QCOMPARE(opened.first().first().toBool(), true);
        // One task per thread track, under a root task for the process.
        QCOMPARE(taskLaneCount(*window.timelineModel()), 4);
        std::set<QString> titles;
        for (const auto *lane : window.timelineModel()->lanes())
            titles.insert(lane->title);
        QVERIFY(titles.count(QStringLiteral("worker-1")));
        QVERIFY(window.eventLogModel()->rowCount() > 0);
        QVERIFY(window.mainActions().play->isEnabled());
        // Not a pattern of ours: the title names the file, not the pattern still selected.
        QVERIFY(!window.currentPatternId().isEmpty());
        const auto patternTitle = patterns::Catalog::instance().find(window.currentPatternId())->info().title;
        QVERIFY2(window.windowTitle().contains(QStringLiteral("other-tool.json")), qPrintable(window.windowTitle()));
        QVERIFY2(!window.windowTitle().contains(patternTitle), qPrintable(window.windowTitle()));
        QVERIFY(window.bannerText().contains(QStringLiteral("Imported trace other-tool.json")));
    }

    void droppingAJsonFileOpensIt()
    {
        const auto path = m_dir.filePath(QStringLiteral("dropped.json"));
        QVERIFY(writeFile(path, foreignTrace(10, 2)));
        const auto notes = m_dir.filePath(QStringLiteral("notes.txt"));
        QVERIFY(writeFile(notes, QByteArray("not a trace")));
        MainWindow window(&m_environment);
        QSignalSpy opened(&window, &MainWindow::openFinished);

        QMimeData text;
        text.setUrls({QUrl::fromLocalFile(notes)});
        QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &refused);
        QVERIFY(!refused.isAccepted());

        QMimeData json;
        json.setUrls({QUrl::fromLocalFile(path)});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &json, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &json, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        QVERIFY(opened.wait(30'000));
        QCOMPARE(opened.first().first().toBool(), true);
        QCOMPARE(window.openedTrace()->filePath, path);
    }

    void aBadFileSaysWhatIsWrongAndKeepsTheRun_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("why");
        const QByteArray whole = foreignTrace(20, 2);
        QTest::newRow("truncated") << QStringLiteral("truncated.json") << whole.left(whole.size() / 2) << QString();
        QTest::newRow("not json") << QStringLiteral("notes.json") << QByteArray("hello, world") << QString();
        QTest::newRow("empty") << QStringLiteral("empty.json") << QByteArray() << QString();
        QTest::newRow("missing") << QStringLiteral("missing.json") << QByteArray() << QStringLiteral("No such file");
    }

    void aBadFileSaysWhatIsWrongAndKeepsTheRun()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, content);
        QFETCH(QString, why);
        const auto path = m_dir.filePath(name);
        if (name != QLatin1String("missing.json"))
            QVERIFY(writeFile(path, content));
        MainWindow window(&m_environment);
        QVERIFY(runToTheEnd(window, QStringLiteral("sequential"),
                            {{QStringLiteral("calls"), 2}, {QStringLiteral("latency_ms"), 10}}));
        const auto *run = window.currentRun();
        const auto lanes = taskLaneCount(*window.timelineModel());
        const auto rows = window.eventLogModel()->rowCount();

        QSignalSpy opened(&window, &MainWindow::openFinished);
        QVERIFY(window.openTraceFile(path));
        QVERIFY(opened.wait(30'000));
        QCOMPARE(opened.first().first().toBool(), false);
        auto *box = testing::visibleMessageBox(&window, QStringLiteral("problemMessage"));
        QVERIFY(box);
        QVERIFY2(box->text().contains(name), qPrintable(box->text()));
        QVERIFY2(box->text().size() > name.size() + 20, qPrintable(box->text())); // and says what is wrong
        if (!why.isEmpty())
            QVERIFY2(box->text().contains(why), qPrintable(box->text()));
        QVERIFY(!box->isModal());
        QVERIFY(window.statusBar()->currentMessage().contains(name));
        // Nothing lost.
        QCOMPARE(window.currentRun(), run);
        QVERIFY(!window.openedTrace());
        QCOMPARE(window.timelineModel()->trace(), &run->trace());
        QCOMPARE(taskLaneCount(*window.timelineModel()), lanes);
        QCOMPARE(window.eventLogModel()->rowCount(), rows);
    }

    void cancellingABigImportChangesNothing()
    {
        const auto path = m_dir.filePath(QStringLiteral("big.json"));
        QVERIFY(writeFile(path, foreignTrace(200'000, 40)));
        MainWindow window(&m_environment);
        QVERIFY(runToTheEnd(window, QStringLiteral("sequential"),
                            {{QStringLiteral("calls"), 2}, {QStringLiteral("latency_ms"), 10}}));
        const auto *run = window.currentRun();
        const auto lanes = taskLaneCount(*window.timelineModel());

        QSignalSpy opened(&window, &MainWindow::openFinished);
        QVERIFY(window.openTraceFile(path));
        // One opening at a time.
        QVERIFY(!window.openTraceFile(path));
        auto *progress = window.findChild<QProgressDialog *>(QStringLiteral("importProgress"));
        QVERIFY(progress);
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        cancel->click();
        QVERIFY(opened.wait(60'000));
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().first().toBool(), false);
        QVERIFY(!window.isOpening());
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("cancelled")),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(!testing::visibleMessageBox(&window, QStringLiteral("problemMessage"))); // cancelling is not an error
        QCOMPARE(window.currentRun(), run);
        QVERIFY(!window.openedTrace());
        QCOMPARE(window.timelineModel()->trace(), &run->trace());
        QCOMPARE(taskLaneCount(*window.timelineModel()), lanes);

        // And the same file opens when not cancelled.
        QVERIFY(window.openTraceFile(path));
        QVERIFY(opened.wait(120'000));
        QCOMPARE(opened.last().first().toBool(), true);
        QCOMPARE(taskLaneCount(*window.timelineModel()), 41);
    }

private:
    QTemporaryDir m_dir;
    Environment m_environment;
};

QTEST_MAIN(TestOpenTrace)
#include "tst_opentrace.moc"
