// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/eventlog/eventlogpanel.h"
#include "app/models/environment.h"
#include "app/models/eventlogmodel.h"
#include "app/models/replaycontroller.h"
#include "app/models/timelinestate.h"
#include "app/run/parameterpanel.h"
#include "app/run/patternbrowser.h"
#include "app/run/statspanel.h"
#include "app/source/codeview.h"
#include "app/source/sourcepanel.h"
#include "app/timeline/timelineview.h"
#include "app/window/mainwindow.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinepalette.h"
#include "windowtesting.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace coroscope;
using namespace coroscope::app;
using namespace coroscope::timeline;

namespace {

// The line of sequential.cpp the root task waits at: the co_await of each request.
int waitLine(const CodeView &code)
{
    for (int line = 1; line < 200; ++line) {
        if (code.lineText(line).contains(QStringLiteral("co_await http.get(")))
            return line;
    }
    return 0;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(testing::startLabTest(QStringLiteral("tst_mainwindow"), m_environment, m_dir)); }

    void selectingAPatternFillsTheParameterPanel()
    {
        MainWindow window(&m_environment);
        QVERIFY(window.selectPattern(QStringLiteral("sequential")));
        QCOMPARE(window.currentPatternId(), QStringLiteral("sequential"));
        auto *calls = qobject_cast<QSpinBox *>(window.parameterPanel()->editor(QStringLiteral("calls")));
        auto *latency = qobject_cast<QSpinBox *>(window.parameterPanel()->editor(QStringLiteral("latency_ms")));
        QVERIFY(calls);
        QVERIFY(latency);
        QCOMPARE(calls->value(), 10);
        QCOMPARE(calls->minimum(), 1);
        QCOMPARE(calls->maximum(), 200);
        QCOMPARE(calls->suffix(), QStringLiteral(" calls"));
        QCOMPARE(latency->value(), 100);
        QCOMPARE(latency->suffix(), QStringLiteral(" ms"));
        QCOMPARE(window.parameterPanel()->values().value(QStringLiteral("latency_ms")).toInt(), 100);
        // The code that runs is the code shown.
        QVERIFY(waitLine(*window.sourcePanel()->cppView()) > 0);
        QCOMPARE(window.sourcePanel()->cppFileName(), QStringLiteral("sequential.cpp"));
        QVERIFY(!window.selectPattern(QStringLiteral("no-such-pattern")));
        QCOMPARE(window.currentPatternId(), QStringLiteral("sequential"));
        // Out-of-range values are refused with the reason, and the field keeps its value.
        const auto rejected = window.setParameterValues({{QStringLiteral("calls"), 5000}});
        QCOMPARE(rejected.size(), 1);
        QVERIFY2(rejected.first().contains(QStringLiteral("between 1 and 200")), qPrintable(rejected.first()));
        QCOMPARE(calls->value(), 10);
    }

    void searchFiltersThePatternList()
    {
        MainWindow window(&m_environment);
        auto *browser = window.patternBrowser();
        QAbstractItemModelTester tester(browser->view()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(browser->visiblePatterns().contains(QStringLiteral("sequential")));
        browser->searchField()->setText(QStringLiteral("GATHER")); // ids and titles, any case
        QVERIFY(browser->visiblePatterns().contains(QStringLiteral("gather")));
        QVERIFY(!browser->visiblePatterns().contains(QStringLiteral("sequential")));
        browser->searchField()->setText(QStringLiteral("Basics")); // a category shows all it holds
        QVERIFY(browser->visiblePatterns().contains(QStringLiteral("sequential")));
        browser->searchField()->setText(QStringLiteral("zzz-nothing-matches"));
        QVERIFY(browser->visiblePatterns().isEmpty());
    }

    void runProducesLanesThatMatchTheTrace()
    {
        MainWindow window(&m_environment);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QAbstractItemModelTester timelineTester(window.timelineModel(),
                                                QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester logTester(window.eventLogModel(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.selectPattern(QStringLiteral("sequential"));
        QVERIFY(window.setParameterValues({{QStringLiteral("calls"), 3}, {QStringLiteral("latency_ms"), 30}}).isEmpty());
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QVERIFY(window.startRun());
        QVERIFY(window.isRunning());
        QVERIFY(window.timelineState()->isLive());
        QVERIFY(!window.mainActions().run->isEnabled());
        QVERIFY(window.mainActions().stop->isEnabled());
        QVERIFY(finished.wait(20'000));
        QVERIFY(!window.timelineState()->isLive());

        const auto &trace = window.currentRun()->trace();
        QCOMPARE(window.currentRun()->outcome().status, patterns::RunStatus::Ok);
        QCOMPARE(window.eventLogModel()->rowCount(), int(trace.events().size()));
        QCOMPARE(trace.tasks().size(), std::size_t(1));
        const auto rootId = trace.tasks().front().id;
        const auto *root = window.timelineModel()->taskLane(rootId);
        QVERIFY(root);
        // Each suspension in the trace is one network bar, from its Suspended to its Resumed event.
        std::vector<std::pair<qint64, qint64>> waits;
        qint64 suspendedAt = -1;
        for (const auto &event : trace.events()) {
            if (event.task != rootId)
                continue;
            if (event.kind == trace::EventKind::Suspended)
                suspendedAt = event.timeNs;
            else if (event.kind == trace::EventKind::Resumed && suspendedAt >= 0)
                waits.emplace_back(suspendedAt, event.timeNs);
        }
        QCOMPARE(waits.size(), std::size_t(3));
        std::vector<std::pair<qint64, qint64>> bars;
        for (const auto &span : root->spans) {
            if (span.state == SpanState::Suspended) {
                QCOMPARE(span.reason, trace::SuspendReason::Network);
                bars.emplace_back(span.startNs, span.endNs);
            }
        }
        QCOMPARE(bars, waits);
        // After the run the view fits it, and the numbers are in.
        QCOMPARE(window.timelineState()->visibleStartNs(), trace.startNs());
        QVERIFY(window.timelineState()->visibleEndNs() >= trace.endNs());
        QCOMPARE(window.statsPanel()->cardText(QStringLiteral("outcome")), QStringLiteral("ok"));
        QCOMPARE(window.statsPanel()->cardText(QStringLiteral("tasks")), QStringLiteral("1"));
        QVERIFY(window.mainActions().play->isEnabled());
        QVERIFY(window.mainActions().runAgain->isEnabled());
    }

    void stopCancelsTheRun()
    {
        MainWindow window(&m_environment);
        window.selectPattern(QStringLiteral("sequential"));
        window.setParameterValues({{QStringLiteral("calls"), 100}, {QStringLiteral("latency_ms"), 200}});
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QVERIFY(window.startRun());
        QTest::qWait(250);
        QVERIFY(window.isRunning());
        window.mainActions().stop->trigger();
        // 100 x 200 ms would take 20 s; a real cancellation ends it at once.
        QVERIFY(finished.wait(5000));
        QCOMPARE(window.currentRun()->outcome().status, patterns::RunStatus::Cancelled);
        QCOMPARE(window.statsPanel()->cardText(QStringLiteral("outcome")), QStringLiteral("cancelled"));
        const auto rootId = window.currentRun()->trace().tasks().front().id;
        const auto *root = window.timelineModel()->taskLane(rootId);
        QCOMPARE(root->status, trace::FinishStatus::Cancelled);
        // The interrupted wait is still a request, drawn as one; it ended by the cancellation.
        const auto it = std::find_if(root->spans.rbegin(), root->spans.rend(), [](const Span &span) {
            return span.state == SpanState::Suspended && span.ending == SpanEnding::Cancelled
                   && span.reason == trace::SuspendReason::Network;
        });
        QVERIFY(it != root->spans.rend());
        QCOMPARE(root->markers.back().kind, MarkerKind::Cancelled);
        QCOMPARE(root->markers.back().timeNs, it->endNs);
    }

    void zoomChangesWhatIsVisible()
    {
        MainWindow window(&m_environment);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.selectPattern(QStringLiteral("sequential"));
        window.setParameterValues({{QStringLiteral("calls"), 4}, {QStringLiteral("latency_ms"), 25}});
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QVERIFY(window.startRun());
        QVERIFY(finished.wait(20'000));
        auto *state = window.timelineState();
        auto *view = window.timelineView();
        const auto fitStart = state->visibleStartNs();
        const auto fitWidth = state->visibleDurationNs();
        QCOMPARE(view->axis().durationNs(), fitWidth);

        window.mainActions().zoomIn->trigger();
        QVERIFY(state->visibleDurationNs() < fitWidth);
        QVERIFY(!state->isFollowing());
        QCOMPARE(view->axis().startNs(), state->visibleStartNs());
        QCOMPARE(view->axis().durationNs(), state->visibleDurationNs());
        // Zooming in around the middle keeps the middle where it was.
        const auto middle = fitStart + fitWidth / 2;
        QVERIFY(std::llabs((state->visibleStartNs() + state->visibleDurationNs() / 2) - middle) <= 2);

        window.mainActions().fit->trigger();
        QCOMPARE(state->visibleStartNs(), fitStart);
        QCOMPARE(state->visibleDurationNs(), fitWidth);
        QVERIFY(state->isFollowing());

        // Ctrl+wheel zooms at the pointer: the time under it stays under it.
        const auto area = view->timeArea();
        const QPoint at(area.left() + area.width() / 4, 10);
        const auto before = view->axis().mapXToTime(at.x() - area.left());
        QWheelEvent wheel(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view->viewport(), &wheel);
        QVERIFY(state->visibleDurationNs() < fitWidth);
        QVERIFY(std::llabs(view->axis().mapXToTime(at.x() - area.left()) - before) <= view->axis().durationOf(1));
    }

    void clickingALaneSelectsTheTaskItsCodeAndItsRows()
    {
        MainWindow window(&m_environment);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.selectPattern(QStringLiteral("sequential"));
        window.setParameterValues({{QStringLiteral("calls"), 3}, {QStringLiteral("latency_ms"), 60}});
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QVERIFY(window.startRun());
        QVERIFY(finished.wait(20'000));
        const auto rootId = window.currentRun()->trace().tasks().front().id;

        auto *view = window.timelineView();
        const auto index = window.timelineModel()->indexOfTask(rootId, TimelineModel::TimelineColumn);
        const auto row = view->visualRect(index);
        QVERIFY(row.isValid());
        // The middle of a wait: the root is waiting on the network there.
        const auto *root = window.timelineModel()->taskLane(rootId);
        const auto &wait = *std::find_if(root->spans.begin(), root->spans.end(),
                                         [](const Span &s) { return s.state == SpanState::Suspended; });
        const auto timeArea = view->timeArea();
        const int x = timeArea.left() + int(view->axis().mapTimeToX((wait.startNs + wait.endNs) / 2));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, QPoint(x, row.center().y()));
        QCOMPARE(window.timelineState()->selectedTask(), rootId);
        QVERIFY(window.timelineState()->playheadNs() > wait.startNs);
        QVERIFY(window.timelineState()->playheadNs() < wait.endNs);
        QCOMPARE(view->currentIndex().siblingAtColumn(0), window.timelineModel()->indexOfTask(rootId));
        // The code view marks the co_await the task waits at.
        QTRY_COMPARE(window.sourcePanel()->cppView()->currentLine(), waitLine(*window.sourcePanel()->cppView()));
        QCOMPARE(window.sourcePanel()->cppView()->waitingCounts().value(waitLine(*window.sourcePanel()->cppView())), 1);
        // The hover text names the task, the wait and the source line.
        const auto tip = view->toolTipAt(QPoint(x, row.center().y()));
        QVERIFY2(tip.contains(QStringLiteral("waiting on <b>network</b>")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("sequential.cpp:")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("co_await http.get(")), qPrintable(tip));
        // And the event log selects the task's rows.
        auto *table = window.eventLogPanel()->table();
        const auto selected = table->selectionModel()->selectedRows();
        QVERIFY(!selected.isEmpty());
        for (const auto &selectedRow : selected)
            QCOMPARE(selectedRow.data(EventLogModel::TaskIdRole).toUInt(), rootId);
    }

    void replayMovesThePlayhead()
    {
        MainWindow window(&m_environment);
        window.selectPattern(QStringLiteral("sequential"));
        window.setParameterValues({{QStringLiteral("calls"), 3}, {QStringLiteral("latency_ms"), 40}});
        QSignalSpy finished(&window, &MainWindow::runFinished);
        QVERIFY(window.startRun());
        QVERIFY(finished.wait(20'000));
        auto *state = window.timelineState();
        const auto &trace = window.currentRun()->trace();
        QCOMPARE(state->playheadNs(), qint64(-1));
        // Stepping lands exactly on task events, in order.
        window.mainActions().next->trigger();
        const auto first = state->playheadNs();
        QVERIFY(std::any_of(trace.events().begin(), trace.events().end(),
                            [&](const trace::Event &e) { return e.timeNs == first && e.task != 0; }));
        window.mainActions().next->trigger();
        QVERIFY(state->playheadNs() > first);
        window.mainActions().previous->trigger();
        QCOMPARE(state->playheadNs(), first);
        // Playing moves forward in real time (times the speed) and stops at the end.
        window.replay()->setSpeed(ReplayController::maximumSpeed);
        window.mainActions().play->trigger();
        QVERIFY(window.replay()->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(!window.replay()->isPlaying(), 5000);
        QCOMPARE(state->playheadNs(), state->traceEndNs());
    }

    void shortcutsAreWhereTeachersExpectThem()
    {
        MainWindow window(&m_environment);
        auto keys = [](const QAction *action) { return action->shortcuts(); };
        const auto &a = window.mainActions();
        QVERIFY(keys(a.run).contains(QKeySequence(Qt::CTRL | Qt::Key_R)));
        QVERIFY(keys(a.present).contains(QKeySequence(Qt::Key_F5))); // as in every presentation program
        QVERIFY(keys(a.stop).contains(QKeySequence(Qt::Key_Escape)));
        QVERIFY(keys(a.stop).contains(QKeySequence(Qt::SHIFT | Qt::Key_F5)));
        QVERIFY(keys(a.zoomIn).contains(QKeySequence(QKeySequence::ZoomIn)));
        QVERIFY(keys(a.zoomOut).contains(QKeySequence(QKeySequence::ZoomOut)));
        QVERIFY(keys(a.fit).contains(QKeySequence(Qt::CTRL | Qt::Key_0)));
        QVERIFY(keys(a.play).contains(QKeySequence(Qt::Key_Space)));
        QVERIFY(!keys(a.next).isEmpty());
        QVERIFY(!keys(a.previous).isEmpty());
        // No two actions share a key; the presentation's own keys are taken only while it lasts
        // (tst_presentation).
        QSet<QKeySequence> seen;
        for (auto *action : window.actions()) {
            if (a.presenting().contains(action))
                continue;
            for (const auto &key : action->shortcuts()) {
                QVERIFY2(!seen.contains(key), qPrintable(key.toString()));
                seen.insert(key);
            }
        }
    }

    void settingsKeepTheLastPatternAndItsParameters()
    {
        QSettings().clear();
        {
            MainWindow window(&m_environment);
            window.restoreSettings();
            window.selectPattern(QStringLiteral("sequential"));
            QVERIFY(window.setParameterValues({{QStringLiteral("calls"), 7}}).isEmpty());
            window.setTheme(Theme::Dark);
            window.saveSettings();
        }
        MainWindow again(&m_environment);
        again.restoreSettings();
        QCOMPARE(again.currentPatternId(), QStringLiteral("sequential"));
        QCOMPARE(again.parameterPanel()->values().value(QStringLiteral("calls")).toInt(), 7);
        QVERIFY(TimelinePalette::forPalette(QApplication::palette()).isDark());
        again.setTheme(Theme::Light);
        QVERIFY(!TimelinePalette::forPalette(QApplication::palette()).isDark());
        QSettings().clear();
    }

private:
    QTemporaryDir m_dir;
    Environment m_environment;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
