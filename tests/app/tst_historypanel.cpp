// SPDX-License-Identifier: GPL-3.0-or-later
// The app side of the run history: every run stored, listed, opened, renamed and deleted.
#include "app/compare/comparewindow.h"
#include "app/history/historydock.h"
#include "app/history/historypanel.h"
#include "app/models/environment.h"
#include "app/models/eventlogmodel.h"
#include "app/models/historymodel.h"
#include "app/run/parameterpanel.h"
#include "app/run/statspanel.h"
#include "app/window/mainwindow.h"
#include "report/chrometraceimport.h"
#include "report/history.h"
#include "timeline/timelinemodel.h"
#include "windowtesting.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace coroscope;
using namespace coroscope::app;
using namespace coroscope::timeline;

namespace {

using testing::runToTheEnd;

const QVariantMap quickSequential{{QStringLiteral("calls"), 2}, {QStringLiteral("latency_ms"), 10}};

std::vector<report::HistoryRun> storedRuns(const QString &path)
{
    report::History history;
    QString error;
    if (!history.open(path, &error))
        qWarning() << error;
    return history.runs();
}

std::set<QString> taskNames(const trace::Trace &trace)
{
    std::set<QString> names;
    for (const auto &task : trace.tasks())
        names.insert(trace.string(task.name));
    return names;
}

std::set<QString> taskLaneTitles(const TimelineModel &model)
{
    std::set<QString> titles;
    for (const auto *lane : model.lanes()) {
        if (lane->kind == LaneKind::Task)
            titles.insert(lane->title);
    }
    return titles;
}

} // namespace

class TestHistoryPanel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(testing::startLabTest(QStringLiteral("tst_historypanel"), m_environment, m_dir)); }

    void everyRunIsStoredAsOneRow()
    {
        const auto path = m_dir.filePath(QStringLiteral("recorded.sqlite"));
        MainWindow window(&m_environment);
        window.setHistoryPath(path);
        auto *model = window.historyDock()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 0);

        window.selectPattern(QStringLiteral("sequential"));
        QVERIFY(window.setParameterValues({{QStringLiteral("calls"), 3}, {QStringLiteral("latency_ms"), 20}}).isEmpty());
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QVERIFY(window.startRun());
        QVERIFY(window.isRecordingHistory());
        // Listed as soon as it starts.
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->run(0)->status, report::History::runningStatus());
        QVERIFY(finished.wait(20'000));

        QCOMPARE(model->rowCount(), 1);
        const auto *row = model->run(0);
        QCOMPARE(row->patternId, QStringLiteral("sequential"));
        QCOMPARE(row->status, QStringLiteral("ok"));
        QCOMPARE(row->taskCount, int(window.currentRun()->trace().tasks().size()));
        QCOMPARE(model->index(0, HistoryModel::PatternColumn).data().toString(), QStringLiteral("sequential"));
        QCOMPARE(model->index(0, HistoryModel::StatusColumn).data().toString(), QStringLiteral("ok"));
        QVERIFY(!model->index(0, HistoryModel::WallColumn).data().toString().isEmpty());
        QCOMPARE(window.historyDock()->panel()->selectedRunIds(), QList<qint64>{row->id}); // the run on screen
        const auto stored = storedRuns(path);
        QCOMPARE(stored.size(), std::size_t(1));
        QCOMPARE(stored.front().eventCount, qint64(window.currentRun()->trace().events().size()));

        // A cancelled run is stored as cancelled, newest first.
        window.setParameterValues({{QStringLiteral("calls"), 100}, {QStringLiteral("latency_ms"), 200}});
        QVERIFY(window.startRun());
        QTRY_VERIFY(!window.currentRun()->trace().events().empty());
        window.stopRun();
        QVERIFY(finished.wait(10'000));
        QCOMPARE(model->rowCount(), 2);
        QCOMPARE(model->run(0)->status, QStringLiteral("cancelled"));
        QCOMPARE(model->run(1)->status, QStringLiteral("ok"));
        QCOMPARE(storedRuns(path).size(), std::size_t(2));
    }

    void aFirstStartCreatesTheDataFolder()
    {
        const auto path = m_dir.filePath(QStringLiteral("fresh-machine/data/coroscope/history.sqlite"));
        MainWindow window(&m_environment);
        window.setHistoryPath(path);
        QVERIFY2(window.historyDock()->problem().isEmpty(), qPrintable(window.historyDock()->problem()));
        QVERIFY(runToTheEnd(window, QStringLiteral("sequential"), quickSequential));
        QCOMPARE(storedRuns(path).size(), 1u);
    }

    void openingAStoredRunShowsItsLanes()
    {
        const auto path = m_dir.filePath(QStringLiteral("open.sqlite"));
        MainWindow window(&m_environment);
        window.resize(1400, 900);
        window.show();
        window.setHistoryPath(path);
        QVERIFY(runToTheEnd(window, QStringLiteral("gather"), {{QStringLiteral("latency_ms"), 50}}));
        QVERIFY(runToTheEnd(window, QStringLiteral("sequential"), quickSequential));
        window.selectPattern(QStringLiteral("gather"));
        window.parameterPanel()->resetToDefaults();
        QVERIFY(window.parameterPanel()->values().value(QStringLiteral("latency_ms")).toInt() != 50);
        auto *model = window.historyDock()->model();
        QCOMPARE(model->rowCount(), 2);
        const auto gatherId = model->run(1)->id;
        QCOMPARE(model->run(1)->patternId, QStringLiteral("gather"));

        report::History history;
        QVERIFY(history.open(path));
        trace::Trace stored;
        QVERIFY(history.load(gatherId, stored));
        QVERIFY(stored.tasks().size() > 1);

        auto *panel = window.historyDock()->panel();
        panel->selectRuns({gatherId});
        QCOMPARE(panel->selectedRunIds(), QList<qint64>{gatherId});
        QSignalSpy opened(&window, &MainWindow::openFinished);
        QVERIFY(panel->historyActions().open->isEnabled());
        panel->historyActions().open->trigger();
        QVERIFY(opened.wait(20'000));
        QCOMPARE(opened.first().first().toBool(), true);

        QVERIFY(window.openedTrace());
        QCOMPARE(window.openedTrace()->historyId, gatherId);
        QVERIFY(!window.currentRun()); // the live run was put away
        QCOMPARE(window.currentPatternId(), QStringLiteral("gather")); // its code is shown
        QCOMPARE(window.parameterPanel()->values().value(QStringLiteral("latency_ms")).toInt(),
                 50); // and what it ran with
        QCOMPARE(window.timelineModel()->trace(), &window.openedTrace()->trace);
        QCOMPARE(taskLaneTitles(*window.timelineModel()), taskNames(stored));
        for (const auto &task : stored.tasks())
            QVERIFY(window.timelineModel()->taskLane(task.id));
        QCOMPARE(window.eventLogModel()->rowCount(), int(stored.events().size()));
        QCOMPARE(window.statsPanel()->cardText(QStringLiteral("tasks")), QString::number(stored.tasks().size()));
        QCOMPARE(window.statsPanel()->cardText(QStringLiteral("outcome")), QStringLiteral("ok"));
        // It says what it is: not a live run.
        const auto runName = QStringLiteral("run #%1").arg(gatherId);
        QVERIFY2(window.windowTitle().contains(runName), qPrintable(window.windowTitle()));
        QVERIFY2(window.bannerText().contains(QStringLiteral("not a live run")), qPrintable(window.bannerText()));
        QVERIFY(window.mainActions().play->isEnabled()); // replays like a finished run
        QVERIFY(!panel->isBusy());

        // File > Export writes what is shown: the stored gather run, not the last live one.
        const auto exported = m_dir.filePath(QStringLiteral("opened-gather.json"));
        QSignalSpy exportedSpy(&window, &MainWindow::exportFinished);
        QVERIFY(window.mainActions().exportRun->isEnabled());
        window.exportTo(exported);
        QVERIFY(exportedSpy.wait(30'000));
        QVERIFY2(exportedSpy.first().at(0).toBool(), qPrintable(exportedSpy.first().at(2).toString()));
        const auto reimported = report::importChromeTraceFile(exported);
        QVERIFY2(reimported.ok, qPrintable(reimported.error));
        QCOMPARE(reimported.patternId, QStringLiteral("gather"));
        QCOMPARE(taskNames(reimported.trace), taskNames(stored));
        QCOMPARE(reimported.trace.events().size(), stored.events().size());

        // A new run replaces it, and the banner goes.
        QVERIFY(runToTheEnd(window, QStringLiteral("sequential"), quickSequential));
        QVERIFY(!window.openedTrace());
        QVERIFY(!window.windowTitle().contains(runName));
        QCOMPARE(model->rowCount(), 3);
    }

    void renamingPersists()
    {
        const auto path = m_dir.filePath(QStringLiteral("rename.sqlite"));
        MainWindow window(&m_environment);
        window.setHistoryPath(path);
        QVERIFY(runToTheEnd(window, QStringLiteral("sequential"), quickSequential));
        auto *model = window.historyDock()->model();
        const auto id = model->run(0)->id;
        const auto nameCell = model->index(0, HistoryModel::NameColumn);
        QVERIFY(model->flags(nameCell) & Qt::ItemIsEditable);
        QVERIFY(model->setData(nameCell, QStringLiteral("  Before the fix ")));
        QCOMPARE(nameCell.data().toString(), QStringLiteral("Before the fix"));
        QCOMPARE(storedRuns(path).front().name, QStringLiteral("Before the fix")); // a fresh connection reads it

        // An empty name is refused, says why, and changes nothing.
        QSignalSpy problems(model, &HistoryModel::problem);
        QVERIFY(!model->setData(nameCell, QStringLiteral("   ")));
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().first().toString().contains(QStringLiteral("cannot be empty")),
                 qPrintable(problems.first().first().toString()));
        QVERIFY(window.historyDock()->panel()->message().contains(QStringLiteral("cannot be empty")));
        QCOMPARE(storedRuns(path).front().name, QStringLiteral("Before the fix"));
        QCOMPARE(storedRuns(path).front().id, id);
    }

    void deletingAsksThenRemovesRowsAndStoredRuns()
    {
        const auto path = m_dir.filePath(QStringLiteral("delete.sqlite"));
        MainWindow window(&m_environment);
        window.show();
        window.setHistoryPath(path);
        for (int i = 0; i < 3; ++i)
            QVERIFY(runToTheEnd(window, QStringLiteral("sequential"), quickSequential));
        auto *model = window.historyDock()->model();
        auto *panel = window.historyDock()->panel();
        QCOMPARE(model->rowCount(), 3);
        const auto keep = model->run(1)->id;
        const QList<qint64> doomed{model->run(0)->id, model->run(2)->id};
        panel->selectRuns(doomed);
        QCOMPARE(panel->selectedRunIds(), doomed);
        QVERIFY(!panel->historyActions().open->isEnabled()); // one run at a time
        QVERIFY(panel->historyActions().remove->isEnabled());
        QVERIFY(panel->historyActions().remove->shortcut() == QKeySequence(QKeySequence::Delete));

        // Cancel keeps everything.
        panel->historyActions().remove->trigger();
        auto *box = testing::visibleMessageBox(panel, QStringLiteral("confirmDelete"));
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("2 runs")), qPrintable(box->text()));
        box->button(QMessageBox::Cancel)->click();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(storedRuns(path).size(), std::size_t(3));

        panel->historyActions().remove->trigger();
        box = testing::visibleMessageBox(panel, QStringLiteral("confirmDelete"));
        QVERIFY(box);
        QAbstractButton *remove = nullptr;
        for (auto *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                remove = button;
        }
        QVERIFY(remove);
        remove->click();
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->run(0)->id, keep);
        const auto stored = storedRuns(path);
        QCOMPARE(stored.size(), std::size_t(1));
        QCOMPARE(stored.front().id, keep);
    }

    void compareOpensTheTwoSelectedRuns()
    {
        const auto path = m_dir.filePath(QStringLiteral("compare.sqlite"));
        MainWindow window(&m_environment);
        window.setHistoryPath(path);
        for (int i = 0; i < 3; ++i)
            QVERIFY(runToTheEnd(window, QStringLiteral("sequential"), quickSequential));
        auto *panel = window.historyDock()->panel();
        auto *compare = panel->historyActions().compare;
        auto *model = window.historyDock()->model();
        const QList<qint64> two{model->run(0)->id, model->run(2)->id};
        panel->selectRuns({model->run(0)->id});
        QVERIFY(!compare->isEnabled()); // one run is nothing to compare
        panel->selectRuns(two);
        QVERIFY(compare->isEnabled());
        QSignalSpy requested(panel, &HistoryPanel::compareRequested);
        compare->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toLongLong(), two.at(0));
        QCOMPARE(requested.first().at(1).toLongLong(), two.at(1));
        // The window answers with the comparison of exactly those two runs.
        auto *comparison = window.findChild<CompareWindow *>();
        QVERIFY(comparison);
        QVERIFY(comparison->isVisible());
        QCOMPARE(comparison->run(0).run.id, two.at(0));
        QCOMPARE(comparison->run(1).run.id, two.at(1));
        panel->selectRuns({model->run(0)->id});
        QVERIFY(!compare->isEnabled());
    }

    void aBrokenHistoryTurnsItselfOffAndRunsStillGo_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("not a database") << QStringLiteral("corrupt.sqlite");
        QTest::newRow("folder is a file") << QStringLiteral("plain-file/history.sqlite");
    }

    void aBrokenHistoryTurnsItselfOffAndRunsStillGo()
    {
        QFETCH(QString, name);
        QFile corrupt(m_dir.filePath(QStringLiteral("corrupt.sqlite")));
        QVERIFY(corrupt.open(QIODevice::WriteOnly));
        corrupt.write(QByteArray(8192, 'x'));
        corrupt.close();
        QFile plain(m_dir.filePath(QStringLiteral("plain-file")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();

        MainWindow window(&m_environment);
        window.setHistoryPath(m_dir.filePath(name));
        QVERIFY(!window.historyDock()->model()->isOpen());
        QVERIFY(!window.historyDock()->problem().isEmpty());
        QVERIFY2(window.historyDock()->panel()->message().startsWith(QStringLiteral("History is off")),
                 qPrintable(window.historyDock()->panel()->message()));
        QVERIFY2(window.historyDock()->panel()->message().contains(name),
                 qPrintable(window.historyDock()->panel()->message()));

        window.selectPattern(QStringLiteral("sequential"));
        window.setParameterValues(quickSequential);
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QVERIFY(window.startRun());
        QVERIFY(!window.isRecordingHistory());
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("history is off")),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(finished.wait(20'000));
        QCOMPARE(window.currentRun()->outcome().status, patterns::RunStatus::Ok);
        QVERIFY(window.timelineModel()->taskLane(window.currentRun()->trace().tasks().front().id));
        QCOMPARE(window.historyDock()->model()->rowCount(), 0);
        // The broken file is left as it was.
        QFileInfo info(m_dir.filePath(QStringLiteral("corrupt.sqlite")));
        QCOMPARE(info.size(), qint64(8192));
    }

private:
    QTemporaryDir m_dir;
    Environment m_environment;
};

QTEST_MAIN(TestHistoryPanel)
#include "tst_historypanel.moc"
