// SPDX-License-Identifier: GPL-3.0-or-later
// Presentation mode: one factor for every pane's text, the projector look, only what a class
// needs, the clicker's keys, and everything as it was after leaving.
#include "app/eventlog/eventlogpanel.h"
#include "app/history/historydock.h"
#include "app/models/environment.h"
#include "app/models/replaycontroller.h"
#include "app/models/timelinestate.h"
#include "app/present/presentationmode.h"
#include "app/run/patternbrowser.h"
#include "app/run/statspanel.h"
#include "app/source/sourcepanel.h"
#include "app/timeline/captionbar.h"
#include "app/timeline/timelinelegend.h"
#include "app/timeline/timelineview.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinepalette.h"
#include "windowtesting.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTest>

using namespace coroscope;
using namespace coroscope::app;

namespace {

// The text size of each pane the class reads, by name.
QHash<QString, double> paneFonts(MainWindow &window)
{
    QHash<QString, double> points;
    points.insert(QStringLiteral("timeline"), window.timelineView()->font().pointSizeF());
    points.insert(QStringLiteral("title"), window.findChild<QLabel *>(QStringLiteral("titleLabel"))->font().pointSizeF());
    points.insert(QStringLiteral("summary"),
                  window.findChild<QLabel *>(QStringLiteral("summaryLabel"))->font().pointSizeF());
    points.insert(QStringLiteral("legend"), window.findChild<TimelineLegend *>()->font().pointSizeF());
    const auto codeViews = window.sourcePanel()->findChildren<QPlainTextEdit *>();
    for (int i = 0; i < codeViews.size(); ++i)
        points.insert(QStringLiteral("code %1").arg(i), codeViews.at(i)->font().pointSizeF());
    return points;
}

} // namespace

class TestPresentation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(testing::startLabTest(QStringLiteral("tst_presentation"), m_environment, m_dir)); }

    void everyPaneScalesByTheChosenFactorAndBack_data()
    {
        QTest::addColumn<int>("scale");
        QTest::newRow("150%") << 150;
        QTest::newRow("300%") << 300;
    }

    void everyPaneScalesByTheChosenFactorAndBack()
    {
        QFETCH(int, scale);
        MainWindow window(&m_environment);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto before = paneFonts(window);
        QVERIFY(before.size() >= 5);
        window.presentation()->setScale(scale);
        window.mainActions().present->trigger();
        QVERIFY(window.presentation()->isOn());
        QVERIFY(window.mainActions().present->isChecked());
        QCoreApplication::processEvents(); // the application font reaches the widgets in posted events
        const auto presenting = paneFonts(window);
        for (auto it = before.cbegin(); it != before.cend(); ++it) {
            const double expected = it.value() * scale / 100.0;
            QVERIFY2(
                qAbs(presenting.value(it.key()) - expected) < 0.6,
                qPrintable(
                    QStringLiteral("%1: %2 pt, expected %3").arg(it.key()).arg(presenting.value(it.key())).arg(expected)));
        }
        window.mainActions().present->trigger();
        QVERIFY(!window.presentation()->isOn());
        QCoreApplication::processEvents();
        QCOMPARE(paneFonts(window), before);
    }

    void theProjectorLookHatchesEveryWaitAndGoesAway()
    {
        MainWindow window(&m_environment);
        window.show();
        QVERIFY(!timeline::TimelinePalette::forPalette(window.palette()).isProjector());
        window.presentation()->setOn(true);
        const auto projector = timeline::TimelinePalette::forPalette(window.palette());
        QVERIFY(projector.isProjector());
        QCOMPARE(window.palette().color(QPalette::Window), QColor(Qt::white));
        // Every reason its own pattern: told apart without colour.
        QSet<int> styles;
        for (int reason = 0; reason < trace::SuspendReasonCount; ++reason) {
            const auto style = projector.hatch(trace::SuspendReason(reason)).style();
            QVERIFY(style != Qt::NoBrush && style != Qt::SolidPattern);
            styles.insert(int(style));
        }
        QCOMPARE(styles.size(), trace::SuspendReasonCount);
        window.presentation()->setOn(false);
        QVERIFY(!timeline::TimelinePalette::forPalette(window.palette()).isProjector());
        QCOMPARE(timeline::TimelinePalette::light().hatch(trace::SuspendReason::Network).style(), Qt::NoBrush);
    }

    void onlyWhatTheClassNeedsIsShownAndAllComesBack()
    {
        MainWindow window(&m_environment);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.historyDock()->isVisible());
        QVERIFY(window.eventLogPanel()->isVisible());
        window.presentation()->setOn(true);
        QVERIFY(window.isFullScreen());
        QVERIFY(!window.historyDock()->isVisible());
        QVERIFY(!window.eventLogPanel()->isVisible());
        QVERIFY(!window.statsPanel()->isVisible());
        QVERIFY(!window.patternBrowser()->isVisible());
        QVERIFY(window.timelineView()->isVisible());
        QVERIFY(window.sourcePanel()->isVisible());
        QVERIFY(window.timelineView()->isTasksOnly()); // the tasks get the height
        window.presentation()->setOn(false);
        QVERIFY(!window.timelineView()->isTasksOnly());
        QVERIFY(!window.isFullScreen());
        QVERIFY(window.historyDock()->isVisible());
        QVERIFY(window.eventLogPanel()->isVisible());
        QVERIFY(window.statsPanel()->isVisible());
        QVERIFY(window.patternBrowser()->isVisible());
    }

    void theClickersKeysDriveTheReplay()
    {
        MainWindow window(&m_environment);
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(testing::runToTheEnd(window, QStringLiteral("gather"), {}));
        QTest::keyClick(&window, Qt::Key_F5);
        QVERIFY(window.presentation()->isOn());
        const auto &a = window.mainActions();
        // Nothing else answers a key the presentation uses (Esc stops a run otherwise).
        QSet<QKeySequence> seen;
        for (auto *action : window.actions()) {
            if (!action->isEnabled())
                continue;
            for (const auto &key : action->shortcuts()) {
                QVERIFY2(!seen.contains(key), qPrintable(key.toString()));
                seen.insert(key);
            }
        }
        QVERIFY(!a.stop->shortcuts().contains(QKeySequence(Qt::Key_Escape)));
        window.timelineState()->setPlayhead(0);
        QTest::keyClick(&window, Qt::Key_PageDown);
        const auto first = window.timelineState()->playheadNs();
        QVERIFY(first > 0);
        QTest::keyClick(&window, Qt::Key_PageDown);
        QVERIFY(window.timelineState()->playheadNs() > first);
        QTest::keyClick(&window, Qt::Key_PageUp);
        QCOMPARE(window.timelineState()->playheadNs(), first);
        QTest::keyClick(&window, Qt::Key_B);
        QVERIFY(window.presentation()->isBlank());
        auto *blank = window.findChild<QWidget *>(QStringLiteral("blankScreen"));
        QVERIFY(blank && blank->isVisible());
        QCOMPARE(blank->geometry(), window.rect());
        QTest::keyClick(&window, Qt::Key_B);
        QVERIFY(!window.presentation()->isBlank());
        QTest::keyClick(&window, Qt::Key_Escape);
        QVERIFY(!window.presentation()->isOn());
        QVERIFY(a.stop->shortcuts().contains(QKeySequence(Qt::Key_Escape)));
        QVERIFY(!a.presentNext->isEnabled());
    }

    void theCaptionFollowsThePlayheadAndTheReplayStopsAtMoments()
    {
        MainWindow window(&m_environment);
        window.show();
        QVERIFY(testing::runToTheEnd(window, QStringLiteral("gather"), {}));
        const auto &track = window.captionBar()->track();
        QVERIFY(track.transcript().size() > 3);
        // At the end: the last caption; at each caption's time: that caption.
        QVERIFY(window.captionBar()->text().endsWith(track.transcript().back().text));
        const auto &middle = track.transcript().at(track.transcript().size() / 2);
        window.timelineState()->setPlayhead(middle.timeNs);
        QVERIFY2(window.captionBar()->text().contains(track.at(middle.timeNs)->text),
                 qPrintable(window.captionBar()->text()));
        window.timelineState()->setPlayhead(track.transcript().front().timeNs - 1);
        QVERIFY(window.captionBar()->text().isEmpty());
        QVERIFY(!window.replay()->stopsAtMoments());
        window.presentation()->setOn(true);
        QVERIFY(window.replay()->stopsAtMoments());
        auto *model = window.timelineModel();
        QVERIFY(model->rowCount() > 1);
        for (int row = 0; row < model->rowCount(); ++row) {
            const bool tasks = model->lane(model->index(row, 0)) == model->tasksGroup();
            QCOMPARE(window.timelineView()->isRowHidden(row, {}), !tasks);
        }
        window.presentation()->setOn(false);
        QVERIFY(!window.replay()->stopsAtMoments());
    }

    void theScaleStaysInItsRangeAndIsRemembered()
    {
        QSettings().clear();
        {
            MainWindow window(&m_environment);
            window.restoreSettings();
            window.presentation()->setScale(1000);
            QCOMPARE(window.presentation()->scale(), PresentationMode::largestScale);
            window.presentation()->setScale(50);
            QCOMPARE(window.presentation()->scale(), PresentationMode::smallestScale);
            window.mainActions().presentationScales[2]->trigger(); // 250%
            QCOMPARE(window.presentation()->scale(), 250);
            window.saveSettings();
        }
        MainWindow again(&m_environment);
        again.restoreSettings();
        QCOMPARE(again.presentation()->scale(), 250);
        QVERIFY(again.mainActions().presentationScales[2]->isChecked());
        QSettings().clear();
    }

private:
    QTemporaryDir m_dir;
    Environment m_environment;
};

QTEST_MAIN(TestPresentation)
#include "tst_presentation.moc"
