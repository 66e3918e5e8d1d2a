// SPDX-License-Identifier: GPL-3.0-or-later
// Run > Compare runs…: two real runs from a history database, on one time axis, with the table
// of what differs.
#include "app/compare/comparewindow.h"
#include "app/export/exportfeedback.h"
#include "app/history/historydock.h"
#include "app/history/runpickerdialog.h"
#include "app/models/comparisonmodel.h"
#include "app/models/environment.h"
#include "app/models/timelinestate.h"
#include "app/timeline/timelinepanel.h"
#include "app/timeline/timelineview.h"
#include "app/window/mainwindow.h"
#include "patterns/catalog.h"
#include "patterns/patternrun.h"
#include "patterns/runreport.h"
#include "report/history.h"
#include "timeline/timelinemodel.h"
#include "trace/summary.h"
#include "windowtesting.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFont>
#include <QImageReader>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace coroscope;
using namespace coroscope::app;
using namespace coroscope::timeline;

namespace {

int taskLanes(const TimelineModel &model)
{
    int count = 0;
    for (const auto *lane : model.lanes())
        count += lane->kind == LaneKind::Task ? 1 : 0;
    return count;
}

int timeAreaLeftInWindow(const TimelineView &view, const QWidget &window)
{
    return view.viewport()->mapTo(&window, view.timeArea().topLeft()).x();
}

} // namespace

class TestCompareWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(testing::startLabTest(QStringLiteral("tst_comparewindow"), m_environment, m_dir));
        m_historyPath = m_dir.filePath(QStringLiteral("history.sqlite"));
        // Three requests one after the other, then the same three at once.
        m_sequential = record(QStringLiteral("sequential"),
                              {{QStringLiteral("calls"), 3}, {QStringLiteral("latency_ms"), 40}});
        m_gather = record(QStringLiteral("gather"), {{QStringLiteral("latency_ms"), 40}});
        QVERIFY(m_sequential > 0);
        QVERIFY(m_gather > 0);
        QVERIFY(m_sequential != m_gather);
    }

    void bothRunsShareOneTimeAxis()
    {
        MainWindow window(&m_environment);
        window.setHistoryPath(m_historyPath);
        auto *compare = window.historyDock()->openComparison(m_sequential, m_gather);
        QVERIFY(compare);
        std::unique_ptr<CompareWindow> owner(compare);
        compare->resize(1400, 900);
        QVERIFY(QTest::qWaitForWindowExposed(compare));

        const auto sequential = stored(m_sequential);
        const auto gather = stored(m_gather);
        QCOMPARE(compare->heading(0), QStringLiteral("A: sequential — Sequential awaits"));
        QCOMPARE(compare->heading(1), QStringLiteral("B: gather: independent calls in parallel"));
        QVERIFY(
            compare->findChild<QLabel *>(QStringLiteral("headingA"))->text().contains(QStringLiteral("A: sequential")));
        QVERIFY(compare->findChild<QLabel *>(QStringLiteral("headingB"))->text().contains(QStringLiteral("B: gather")));

        // Each group of lanes is its own run: one task for sequential, main and three for gather.
        for (int which = 0; which < CompareWindow::RunCount; ++which) {
            QAbstractItemModelTester tester(compare->timelineModel(which),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            QCOMPARE(compare->timelineModel(which)->trace(), &compare->run(which).trace);
        }
        QCOMPARE(taskLanes(*compare->timelineModel(0)), int(sequential.trace.tasks().size()));
        QCOMPARE(taskLanes(*compare->timelineModel(1)), int(gather.trace.tasks().size()));
        QCOMPARE(taskLanes(*compare->timelineModel(0)), sequential.run.taskCount);
        QCOMPARE(taskLanes(*compare->timelineModel(1)), gather.run.taskCount);
        QCOMPARE(taskLanes(*compare->timelineModel(0)), 1);
        QCOMPARE(taskLanes(*compare->timelineModel(1)), 4);

        // Both start at zero and the axis spans the longer run (sequential: three waits in a row).
        const auto longest = std::max(sequential.trace.durationNs(), gather.trace.durationNs());
        QVERIFY(sequential.trace.durationNs() > gather.trace.durationNs());
        for (int which = 0; which < CompareWindow::RunCount; ++which) {
            const auto *state = compare->timelineState(which);
            QCOMPARE(compare->timelineModel(which)->startNs(), qint64(0));
            QCOMPARE(compare->run(which).trace.durationNs(), (which == 0 ? sequential : gather).trace.durationNs());
            QCOMPARE(state->traceStartNs(), qint64(0));
            QCOMPARE(state->traceEndNs(), longest);
            QVERIFY(state->visibleStartNs() <= 0);
            QVERIFY(state->visibleEndNs() >= longest);
        }
        auto *viewA = compare->timeline(0)->view();
        auto *viewB = compare->timeline(1)->view();
        QCOMPARE(viewA->axis(), viewB->axis());
        // And the time areas line up on screen, so a moment is at the same x in both.
        QCOMPARE(timeAreaLeftInWindow(*viewA, *compare), timeAreaLeftInWindow(*viewB, *compare));
        // The shorter run ends well before the right edge.
        QVERIFY(viewB->axis().mapTimeToX(gather.trace.durationNs()) < viewB->axis().widthPx() * 0.75);
    }

    void zoomPanAndPlayheadAreShared()
    {
        std::unique_ptr<CompareWindow> compare(CompareWindow::load(m_historyPath, m_sequential, m_gather, nullptr));
        QVERIFY(compare);
        auto *a = compare->timelineState(0);
        auto *b = compare->timelineState(1);
        const auto fitted = a->visibleDurationNs();
        compare->compareActions().zoomIn->trigger();
        QVERIFY(a->visibleDurationNs() < fitted);
        QCOMPARE(b->visibleStartNs(), a->visibleStartNs());
        QCOMPARE(b->visibleEndNs(), a->visibleEndNs());
        // Panning the lower timeline moves the upper one.
        b->panBy(a->visibleDurationNs() / 4);
        QCOMPARE(a->visibleStartNs(), b->visibleStartNs());
        QCOMPARE(a->visibleEndNs(), b->visibleEndNs());
        a->zoomBy(2.0, a->visibleStartNs());
        QCOMPARE(b->visibleDurationNs(), a->visibleDurationNs());
        b->setPlayhead(b->traceEndNs() / 3);
        QCOMPARE(a->playheadNs(), b->playheadNs());
        // Selections stay apart: task ids of two runs are unrelated.
        const auto gatherRoot = compare->run(1).trace.tasks().front().id;
        b->setSelectedTask(gatherRoot);
        QCOMPARE(a->selectedTask(), trace::TaskId(0));
        compare->compareActions().fit->trigger();
        QCOMPARE(a->visibleDurationNs(), fitted);
        QCOMPARE(b->visibleStartNs(), a->visibleStartNs());
        QCOMPARE(b->visibleEndNs(), a->visibleEndNs());
    }

    void differenceTableMatchesTheSummaries()
    {
        std::unique_ptr<CompareWindow> compare(CompareWindow::load(m_historyPath, m_sequential, m_gather, nullptr));
        QVERIFY(compare);
        auto *model = compare->comparisonModel();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->columnCount(), int(ComparisonModel::ColumnCount));
        const auto first = trace::summarize(stored(m_sequential).trace);
        const auto second = trace::summarize(stored(m_gather).trace);

        const int wall = model->rowOf(QStringLiteral("wall time"));
        QVERIFY(wall >= 0);
        const auto change = model->index(wall, ComparisonModel::ChangeColumn).data().toString();
        const QString ratio = QStringLiteral("×") + QString::number(double(second.wallNs) / double(first.wallNs), 'f', 2);
        QVERIFY2(change.startsWith(ratio), qPrintable(change + QStringLiteral(" vs ") + ratio));
        // gather takes about a third of sequential's time.
        QVERIFY(double(second.wallNs) / double(first.wallNs) < 0.7);
        QVERIFY(model->index(wall, 0).data(ComparisonModel::DiffersRole).toBool());
        QVERIFY(model->index(wall, 0).data(Qt::FontRole).value<QFont>().bold());

        const int tasks = model->rowOf(QStringLiteral("tasks"));
        QCOMPARE(model->index(tasks, ComparisonModel::FirstColumn).data().toString(), QString::number(first.tasks));
        QCOMPARE(model->index(tasks, ComparisonModel::SecondColumn).data().toString(), QString::number(second.tasks));
        const int peak = model->rowOf(QStringLiteral("peak concurrency"));
        QVERIFY(peak >= 0);
        QVERIFY(model->index(peak, 0).data(ComparisonModel::DiffersRole).toBool());
        // Rows that are equal are not emphasised.
        const int errors = model->rowOf(QStringLiteral("errors"));
        QCOMPARE(model->index(errors, ComparisonModel::ChangeColumn).data().toString(), QStringLiteral("same"));
        QVERIFY(!model->index(errors, 0).data(ComparisonModel::DiffersRole).toBool());
        QVERIFY(!model->index(errors, 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(model->rowOf(QStringLiteral("time suspended: network")) >= 0);
        QCOMPARE(compare->differencesView()->model(), model);
    }

    void exportComparisonWritesHtmlSvgAndPng()
    {
        std::unique_ptr<CompareWindow> compare(CompareWindow::load(m_historyPath, m_sequential, m_gather, nullptr));
        QVERIFY(compare);
        auto exportTo = [&](const QString &name, const report::ExportOptions &options = {}) {
            QSignalSpy finished(compare.get(), &CompareWindow::exportFinished);
            compare->exportTo(m_dir.filePath(name), options);
            return finished.wait(60'000) ? finished.takeFirst() : QList<QVariant>();
        };
        auto html = exportTo(QStringLiteral("both.html"));
        QVERIFY(!html.isEmpty());
        QVERIFY2(html.at(0).toBool(), qPrintable(html.at(2).toString()));
        QFile file(m_dir.filePath(QStringLiteral("both.html")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral("A: ") + compare->run(0).run.name));
        QVERIFY(text.contains(QStringLiteral("B: ") + compare->run(1).run.name));

        auto svg = exportTo(QStringLiteral("both.svg"));
        QVERIFY(svg.value(0).toBool());
        report::ExportOptions options;
        options.pngWidth = 1100;
        auto png = exportTo(QStringLiteral("both.png"), options);
        QVERIFY2(png.value(0).toBool(), qPrintable(png.value(2).toString()));
        QCOMPARE(QImageReader(m_dir.filePath(QStringLiteral("both.png"))).size().width(), 1100);

        auto pdf = exportTo(QStringLiteral("both.pdf"));
        QVERIFY(!pdf.value(0).toBool());
        QVERIFY2(pdf.value(2).toString().contains(QStringLiteral(".html")), qPrintable(pdf.value(2).toString()));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("both.pdf"))));
        auto *box = compare->exportFeedback()->errorBox();
        QVERIFY(box);
        QVERIFY(box->text().contains(m_dir.filePath(QStringLiteral("both.pdf"))));
        box->close();
    }

    void aMissingRunIsExplained()
    {
        MainWindow window(&m_environment);
        window.setHistoryPath(m_historyPath);
        QVERIFY(!window.historyDock()->openComparison(m_sequential, 987654));
        auto *box = window.findChild<QMessageBox *>();
        QVERIFY(box);
        QVERIFY2(box->informativeText().contains(QStringLiteral("no run 987654 in the history")),
                 qPrintable(box->informativeText()));
        box->close();
    }

    void pickerOffersTwoDifferentRuns()
    {
        report::History history;
        QVERIFY(history.open(m_historyPath));
        const auto runs = history.runs();
        RunPickerDialog picker(runs);
        // The newest run is B, the one before it A.
        QCOMPARE(picker.selectedRuns(), std::make_pair(m_sequential, m_gather));
        auto *ok = picker.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(ok->isEnabled());
        QVERIFY(picker.selectRuns(m_gather, m_gather));
        QVERIFY(!ok->isEnabled());
        QVERIFY(picker.selectRuns(m_gather, m_sequential));
        QVERIFY(ok->isEnabled());
        QCOMPARE(picker.selectedRuns(), std::make_pair(m_gather, m_sequential));
        QVERIFY(!picker.selectRuns(m_gather, 987654));
        QVERIFY(picker.firstBox()->currentText().contains(QStringLiteral("gather")));
    }

    void compareActionOpensThePickedRuns()
    {
        MainWindow window(&m_environment);
        window.setHistoryPath(m_historyPath);
        bool answered = false;
        QTimer answer;
        answer.setInterval(50);
        connect(&answer, &QTimer::timeout, this, [&] {
            if (auto *picker = qobject_cast<RunPickerDialog *>(QApplication::activeModalWidget()); picker && !answered) {
                answered = true;
                QVERIFY(picker->selectRuns(m_gather, m_sequential));
                picker->accept();
            }
        });
        answer.start();
        window.mainActions().compare->trigger();
        answer.stop();
        QVERIFY(answered);
        auto *compare = window.findChild<CompareWindow *>();
        QVERIFY(compare);
        QVERIFY(compare->isVisible());
        QCOMPARE(compare->run(0).run.id, m_gather);
        QCOMPARE(compare->run(1).run.id, m_sequential);
        compare->close(); // deletes itself
        QTRY_VERIFY(!window.findChild<CompareWindow *>());
    }

private:
    qint64 record(const QString &id, const QVariantMap &overrides)
    {
        const auto *pattern = patterns::Catalog::instance().find(id);
        if (!pattern)
            return 0;
        const auto values = patterns::resolveParameters(pattern->info().parameters, overrides);
        if (!values.errors.isEmpty())
            return 0;
        patterns::PatternRun run(*pattern, values.values, m_environment.runEnvironment());
        patterns::HistoryRecording recording(run, m_historyPath);
        if (!recording.isRecording()) {
            qWarning().noquote() << recording.errorString();
            return 0;
        }
        run.start();
        if (!run.waitForFinished(30'000) || run.outcome().status != patterns::RunStatus::Ok)
            return 0;
        report::History history;
        if (!history.open(m_historyPath))
            return 0;
        const auto runs = history.runs();
        return runs.empty() ? 0 : runs.front().id;
    }

    patterns::StoredRun stored(qint64 id) const
    {
        report::History history;
        patterns::StoredRun run;
        QString error;
        if (!history.open(m_historyPath, &error) || !patterns::loadStoredRun(history, id, run, &error))
            qWarning().noquote() << error;
        return run;
    }

    QTemporaryDir m_dir;
    Environment m_environment;
    QString m_historyPath;
    qint64 m_sequential = 0;
    qint64 m_gather = 0;
};

QTEST_MAIN(TestCompareWindow)
#include "tst_comparewindow.moc"
