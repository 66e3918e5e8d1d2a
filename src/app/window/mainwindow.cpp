// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/mainwindow.h"

#include "app/compare/comparewindow.h"
#include "app/eventlog/eventlogpanel.h"
#include "app/export/exportdialog.h"
#include "app/export/exportfeedback.h"
#include "app/history/historydock.h"
#include "app/history/historypanel.h"
#include "app/models/environment.h"
#include "app/models/eventlogmodel.h"
#include "app/models/patternabout.h"
#include "app/models/replaycontroller.h"
#include "app/models/showcase.h"
#include "app/models/timelinestate.h"
#include "app/models/tracecontroller.h"
#include "app/models/waitinglines.h"
#include "app/models/windowheading.h"
#include "app/present/presentationmode.h"
#include "app/run/parameterpanel.h"
#include "app/run/patternbrowser.h"
#include "app/run/statspanel.h"
#include "app/source/sourcepanel.h"
#include "app/timeline/captionbar.h"
#include "app/timeline/replaycontrols.h"
#include "app/timeline/timelinepanel.h"
#include "app/timeline/timelineview.h"
#include "app/window/aboutdialog.h"
#include "app/window/glyphicons.h"
#include "app/window/mainactions.h"
#include "app/window/shortcutsdialog.h"
#include "app/window/statusindicators.h"
#include "patterns/catalog.h"
#include "patterns/runreport.h"
#include "timeline/timeformat.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinepalette.h"
#include "trace/summary.h"
#include "ui_mainwindow.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

#include <cmath>

namespace coroscope::app {

using timeline::TimelinePalette;

namespace {

// Summaries are recomputed from the whole trace; past this size only the final one is.
constexpr std::size_t liveSummaryLimit = 200'000;

QList<QSplitter *> splittersOf(Ui::MainWindow &ui)
{
    return {ui.mainSplitter, ui.sideSplitter, ui.rightSplitter, ui.bottomSplitter};
}

} // namespace

MainWindow::MainWindow(Environment *environment, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_environment(environment)
    , m_timelineModel(new TimelineModel(this))
    , m_logModel(new EventLogModel(this))
    , m_state(new TimelineState(this))
    , m_replay(new ReplayController(m_state, this))
    , m_shown(new TraceController(m_timelineModel, m_logModel, m_state, m_replay, this))
    , m_history(new HistoryDock(this))
    , m_opening(new TraceOpening(this))
{
    m_ui->setupUi(this);
    addDockWidget(Qt::BottomDockWidgetArea, m_history);
    resizeDocks({m_history}, {fontMetrics().height() * 10}, Qt::Vertical);
    connect(m_history, &HistoryDock::openRequested, this, &MainWindow::openHistoryRun);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("openedBanner"));
    m_banner->setForegroundRole(QPalette::ToolTipText);
    m_banner->setBackgroundRole(QPalette::ToolTipBase);
    m_banner->setAutoFillBackground(true);
    m_banner->setContentsMargins(8, 4, 8, 4);
    m_banner->setWordWrap(true);
    m_banner->hide();
    // Under the pattern's title, over the numbers: the first thing read about the timeline.
    m_ui->timelineLayout->insertWidget(1, m_banner);
    m_caption = new CaptionBar(m_timelineModel, m_state, this);
    m_ui->timelineLayout->addWidget(m_caption);
    m_baseFontPoints = QApplication::font().pointSizeF();
    m_ui->timelinePanel->setModel(m_timelineModel);
    m_ui->timelinePanel->setState(m_state);
    m_ui->eventLogPanel->setModel(m_logModel);
    m_ui->eventLogPanel->setState(m_state);
    timelineView()->setSourceLookup([this](const trace::Location &where) { return sourcePanel()->lineText(where); });

    auto titleFont = m_ui->titleLabel->font();
    titleFont.setPointSizeF(QApplication::font().pointSizeF() * 1.45);
    titleFont.setBold(true);
    m_ui->titleLabel->setFont(titleFont);
    m_ui->summaryLabel->setForegroundRole(QPalette::PlaceholderText);
    m_ui->summaryLabel->setWordWrap(true);

    m_actions = createMainActions(this, m_history->toggleViewAction());
    createMenusAndToolBar();
    createPresentationMode();
    connectActions();
    m_ui->fileMenu->insertAction(m_actions.quit, m_actions.openTrace);
    m_ui->fileMenu->insertSeparator(m_actions.quit);
    m_ui->viewMenu->addSeparator();
    m_ui->viewMenu->addAction(m_actions.history);
    setAcceptDrops(true);

    m_indicators = new StatusIndicators(statusBar(), m_environment);
    m_exportFeedback = new ExportFeedback(this);
    connect(m_exportFeedback, &ExportFeedback::exported, this, &MainWindow::exportFinished);

    connect(m_shown, &TraceController::eventsAppended, this, &MainWindow::onEventsAppended);
    connect(m_shown, &TraceController::runFinished, this, &MainWindow::onRunFinished);
    connect(patternBrowser(), &PatternBrowser::patternSelected, this, &MainWindow::onPatternSelected);
    connect(patternBrowser(), &PatternBrowser::runRequested, this, &MainWindow::startRun);
    connect(parameterPanel(), &ParameterPanel::validityChanged, this, &MainWindow::updateActions);
    connect(parameterPanel(), &ParameterPanel::runRequested, this, &MainWindow::startRun);
    connect(m_ui->resetButton, &QToolButton::clicked, parameterPanel(), &ParameterPanel::resetToDefaults);

    m_statsTimer.setSingleShot(true);
    m_statsTimer.setInterval(300);
    connect(&m_statsTimer, &QTimer::timeout, this, &MainWindow::updateLiveStats);
    m_codeTimer.setSingleShot(true);
    m_codeTimer.setInterval(30);
    connect(&m_codeTimer, &QTimer::timeout, this, &MainWindow::updateCode);
    auto codeSoon = [this] {
        if (!m_codeTimer.isActive())
            m_codeTimer.start();
    };
    connect(m_state, &TimelineState::playheadChanged, this, codeSoon);
    connect(m_state, &TimelineState::selectedTaskChanged, this, codeSoon);
    connect(m_state, &TimelineState::followingChanged, m_actions.follow, &QAction::setChecked);
    connect(m_replay, &ReplayController::playingChanged, this, [this](bool playing) {
        auto *play = m_actions.play;
        play->setText(playing ? tr("Pause") : tr("Play"));
        refreshIcons();
    });

    m_logModel->setPalette(TimelinePalette::forPalette(palette()));
    setDefaultLayout();
    refreshIcons();
    const auto &all = patterns::Catalog::instance().patterns();
    if (!all.empty())
        selectPattern(all.front()->info().id);
    updateActions();
    m_playheadLabel->refresh();
}

MainWindow::~MainWindow()
{
    // The font and the look are the application's: give them back.
    m_presentation->setOn(false);
    // Stops a load still under way before anything it reports to goes.
    delete m_opening;
    // The models point into the shown trace: they let go of it before it goes.
    delete m_shown;
}

ParameterPanel *MainWindow::parameterPanel() const
{
    return m_ui->parameterPanel;
}
PatternBrowser *MainWindow::patternBrowser() const
{
    return m_ui->patternBrowser;
}
TimelineView *MainWindow::timelineView() const
{
    return m_ui->timelinePanel->view();
}
SourcePanel *MainWindow::sourcePanel() const
{
    return m_ui->sourcePanel;
}
StatsPanel *MainWindow::statsPanel() const
{
    return m_ui->statsPanel;
}
EventLogPanel *MainWindow::eventLogPanel() const
{
    return m_ui->eventLogPanel;
}

void MainWindow::connectActions()
{
    const auto &a = m_actions;
    connect(a.run, &QAction::triggered, this, &MainWindow::startRun);
    connect(a.stop, &QAction::triggered, this, &MainWindow::stopRun);
    connect(a.runAgain, &QAction::triggered, this, &MainWindow::runAgain);
    connect(a.compare, &QAction::triggered, m_history, &HistoryDock::chooseRunsToCompare);
    connect(a.exportRun, &QAction::triggered, this, &MainWindow::chooseExportTarget);
    connect(a.openTrace, &QAction::triggered, this, [this] {
        if (const auto path = chooseTraceFile(this); !path.isEmpty())
            openTraceFile(path);
    });
    connect(a.quit, &QAction::triggered, this, &QWidget::close);

    connect(a.zoomIn, &QAction::triggered, m_state, &TimelineState::zoomIn);
    connect(a.zoomOut, &QAction::triggered, m_state, &TimelineState::zoomOut);
    connect(a.fit, &QAction::triggered, m_state, &TimelineState::fit);
    a.follow->setChecked(m_state->isFollowing());
    connect(a.follow, &QAction::triggered, m_state, &TimelineState::setFollowing);

    connect(a.play, &QAction::triggered, m_replay, &ReplayController::toggle);
    connect(a.next, &QAction::triggered, m_replay, &ReplayController::stepNext);
    connect(a.previous, &QAction::triggered, m_replay, &ReplayController::stepPrevious);
    connect(a.faster, &QAction::triggered, m_replay, &ReplayController::faster);
    connect(a.slower, &QAction::triggered, m_replay, &ReplayController::slower);

    connect(a.findPattern, &QAction::triggered, this, [this] { patternBrowser()->focusSearch(); });
    connect(a.filterLog, &QAction::triggered, this, [this] { eventLogPanel()->focusFilter(); });
    for (const auto theme : {Theme::System, Theme::Light, Theme::Dark}) {
        a.theme(theme)->setChecked(theme == m_theme);
        connect(a.theme(theme), &QAction::triggered, this, [this, theme] { setTheme(theme); });
    }
    connect(a.toggleTheme, &QAction::triggered, this,
            [this] { setTheme(TimelinePalette::forPalette(palette()).isDark() ? Theme::Light : Theme::Dark); });
    connect(a.largerText, &QAction::triggered, this, [this] { changeFontSize(+1); });
    connect(a.smallerText, &QAction::triggered, this, [this] { changeFontSize(-1); });
    connect(a.resetText, &QAction::triggered, this, [this] { changeFontSize(-m_fontSteps); });
    connect(a.fullScreen, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });
    connect(a.shortcuts, &QAction::triggered, this, [this] { showShortcutsDialog(this); });

    connect(a.present, &QAction::triggered, m_presentation, &PresentationMode::setOn);
    connect(m_presentation, &PresentationMode::toggled, a.present, &QAction::setChecked);
    // In front of a class the replay stops by itself where there is something to talk about.
    connect(m_presentation, &PresentationMode::toggled, m_replay, &ReplayController::setStopsAtMoments);
    connect(m_presentation, &PresentationMode::toggled, timelineView(), &TimelineView::setTasksOnly);
    connect(a.leavePresentation, &QAction::triggered, m_presentation, [this] { m_presentation->setOn(false); });
    connect(a.presentNext, &QAction::triggered, m_replay, &ReplayController::stepNext);
    connect(a.presentPrevious, &QAction::triggered, m_replay, &ReplayController::stepPrevious);
    connect(a.blank, &QAction::triggered, m_presentation, &PresentationMode::setBlank);
    connect(m_presentation, &PresentationMode::blankChanged, a.blank, &QAction::setChecked);
    for (auto *scale : a.presentationScales) {
        scale->setChecked(scale->data().toInt() == m_presentation->scale());
        connect(scale, &QAction::triggered, m_presentation,
                [this, scale] { m_presentation->setScale(scale->data().toInt()); });
    }
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::createPresentationMode()
{
    PresentationMode::Setup setup;
    setup.window = this;
    // What a class needs is the title, the timeline and the code.
    setup.hiddenWhilePresenting = {m_history,       m_ui->sideSplitter, statsPanel(),
                                   eventLogPanel(), m_ui->toolBar,      statusBar()};
    setup.ownActions = m_actions.presenting();
    setup.applyLook = [this](bool on) {
        applyProjectorLook(on, m_theme);
        m_actions.theme(m_theme)->setChecked(true);
    };
    m_presentation = new PresentationMode(setup);
}

void MainWindow::createMenusAndToolBar()
{
    const auto &a = m_actions;
    m_ui->fileMenu->addAction(a.exportRun);
    m_ui->fileMenu->addSeparator();
    m_ui->fileMenu->addAction(a.quit);
    m_ui->runMenu->addActions({a.run, a.stop, a.runAgain});
    m_ui->runMenu->addSeparator();
    m_ui->runMenu->addAction(a.compare);
    m_ui->viewMenu->addActions({a.zoomIn, a.zoomOut, a.fit, a.follow});
    m_ui->viewMenu->addSeparator();
    auto *themeMenu = m_ui->viewMenu->addMenu(tr("&Theme"));
    themeMenu->addActions({a.themeSystem, a.themeLight, a.themeDark});
    themeMenu->addSeparator();
    themeMenu->addAction(a.toggleTheme);
    m_ui->viewMenu->addActions({a.largerText, a.smallerText, a.resetText});
    m_ui->viewMenu->addSeparator();
    m_ui->viewMenu->addActions({a.findPattern, a.filterLog, a.fullScreen});
    m_ui->viewMenu->addSeparator();
    m_ui->viewMenu->addActions({a.present, a.blank});
    auto *scaleMenu = m_ui->viewMenu->addMenu(tr("Presentation &text size"));
    for (auto *scale : a.presentationScales)
        scaleMenu->addAction(scale);
    m_ui->replayMenu->addActions({a.play, a.previous, a.next});
    m_ui->replayMenu->addSeparator();
    m_ui->replayMenu->addActions({a.faster, a.slower});
    m_ui->helpMenu->addActions({a.shortcuts, a.about});

    auto *bar = m_ui->toolBar;
    bar->addActions({a.run, a.stop, a.runAgain});
    bar->addSeparator();
    bar->addActions({a.zoomIn, a.zoomOut, a.fit, a.follow});
    bar->addSeparator();
    bar->addActions({a.previous, a.play, a.next});
    // Icons only for the view and replay buttons: their tooltips name them.
    for (auto *action : {a.zoomIn, a.zoomOut, a.fit, a.follow, a.previous, a.next}) {
        if (auto *button = bar->widgetForAction(action))
            static_cast<QToolButton *>(button)->setToolButtonStyle(Qt::ToolButtonIconOnly);
    }
    m_speedBox = new SpeedBox(m_replay, bar);
    bar->addWidget(m_speedBox);
    m_playheadLabel = new PlayheadLabel(m_timelineModel, m_state, bar);
    bar->addWidget(m_playheadLabel);

    m_ui->runButton->setDefaultAction(a.run);
    m_ui->stopButton->setDefaultAction(a.stop);
}

void MainWindow::setDefaultLayout()
{
    const int ch = fontMetrics().averageCharWidth();
    const int sidebar = ch * 44;
    m_ui->mainSplitter->setSizes({sidebar, std::max(width() - sidebar, sidebar * 3)});
    m_ui->mainSplitter->setStretchFactor(1, 1);
    m_ui->sideSplitter->setSizes({300, 220, 380});
    m_ui->rightSplitter->setSizes({620, 340});
    m_ui->rightSplitter->setStretchFactor(0, 1);
    m_ui->bottomSplitter->setSizes({560, 480});
}

void MainWindow::refreshIcons()
{
    const auto timeline = TimelinePalette::forPalette(palette());
    const auto text = palette().color(QPalette::ButtonText);
    m_actions.run->setIcon(glyphIcon(Glyph::Run, timeline.running()));
    m_actions.stop->setIcon(glyphIcon(Glyph::Stop, timeline.failed()));
    m_actions.runAgain->setIcon(glyphIcon(Glyph::RunAgain, text));
    m_actions.zoomIn->setIcon(glyphIcon(Glyph::ZoomIn, text));
    m_actions.zoomOut->setIcon(glyphIcon(Glyph::ZoomOut, text));
    m_actions.fit->setIcon(glyphIcon(Glyph::ZoomFit, text));
    m_actions.follow->setIcon(glyphIcon(Glyph::Follow, text));
    m_actions.play->setIcon(glyphIcon(m_replay->isPlaying() ? Glyph::Pause : Glyph::Play, text));
    m_actions.next->setIcon(glyphIcon(Glyph::StepForward, text));
    m_actions.previous->setIcon(glyphIcon(Glyph::StepBack, text));
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        refreshIcons();
        m_logModel->setPalette(TimelinePalette::forPalette(palette()));
    } else if (event->type() == QEvent::ApplicationFontChange || event->type() == QEvent::FontChange) {
        auto titleFont = m_ui->titleLabel->font();
        titleFont.setPointSizeF(QApplication::font().pointSizeF() * 1.45);
        m_ui->titleLabel->setFont(titleFont);
    }
}

void MainWindow::setTheme(Theme theme)
{
    m_theme = theme;
    applyTheme(theme);
    m_actions.theme(theme)->setChecked(true);
}

void MainWindow::changeFontSize(int steps)
{
    m_fontSteps = std::clamp(m_fontSteps + steps, WindowSettings::smallestFontStep, WindowSettings::largestFontStep);
    auto font = QApplication::font();
    font.setPointSizeF(m_baseFontPoints * std::pow(1.1, m_fontSteps));
    QApplication::setFont(font);
}

bool MainWindow::selectPattern(const QString &id)
{
    if (!patterns::Catalog::instance().find(id))
        return false;
    if (patternBrowser()->currentPattern() == id && m_pattern && m_pattern->info().id == id)
        return true;
    return patternBrowser()->setCurrentPattern(id);
}

QString MainWindow::currentPatternId() const
{
    return m_pattern ? m_pattern->info().id : QString();
}

QStringList MainWindow::setParameterValues(const QVariantMap &values)
{
    return parameterPanel()->setValues(values);
}

void MainWindow::onPatternSelected(const QString &id)
{
    const auto *pattern = patterns::Catalog::instance().find(id);
    if (!pattern || pattern == m_pattern)
        return;
    m_pattern = pattern;
    const auto &info = pattern->info();
    parameterPanel()->setSpecs(info.parameters);
    if (m_settings)
        parameterPanel()->setValues(m_settings->parameters.value(id));
    sourcePanel()->setPattern(&info);
    m_ui->aboutText->setHtml(patternAboutHtml(info));
    const auto *run = m_shown->run();
    const auto *opened = m_shown->opened();
    const bool runOfAnother = run && &run->pattern() != pattern;
    const bool openedOfAnother = opened && opened->patternId != id;
    if (!isRunning() && (runOfAnother || openedOfAnother)) {
        // A finished run of another pattern would not match the code shown: put it away.
        putAwayShownTrace();
    }
    updateHeading();
    updateCode();
    updateActions();
}

bool MainWindow::startRun()
{
    if (isRunning())
        return false;
    if (!m_pattern) {
        statusBar()->showMessage(tr("Pick a pattern first"), 5000);
        return false;
    }
    const auto errors = parameterPanel()->errors();
    if (!errors.isEmpty()) {
        statusBar()->showMessage(tr("Cannot run: ") + errors.join(QStringLiteral("; ")), 8000);
        return false;
    }
    if (isOpening())
        cancelOpening(); // the run is what the user wants to see now
    QString recordingProblem;
    m_shown->startRun(*m_pattern, parameterPanel()->values(),
                      m_environment ? m_environment->runEnvironment() : patterns::RunEnvironment{},
                      m_history->isOn() ? m_history->path() : QString(), &recordingProblem);
    statsPanel()->clear();
    statsPanel()->showRunning();
    m_indicators->showRunning(m_pattern->info().id);
    if (!recordingProblem.isEmpty())
        m_history->panel()->showMessage(tr("History is off for this run: ") + recordingProblem);
    const auto historyOff = recordingProblem.isEmpty() ? m_history->problem() : recordingProblem;
    const auto &title = m_pattern->info().title;
    statusBar()->showMessage(historyOff.isEmpty() ? tr("Running %1…").arg(title)
                                                  : tr("Running %1… (history is off: %2)").arg(title, historyOff));
    updateHeading();
    m_history->refresh();
    if (m_settings)
        saveSettings();
    updateActions();
    m_playheadLabel->refresh();
    return true;
}

void MainWindow::stopRun()
{
    if (!isRunning())
        return;
    statusBar()->showMessage(tr("Stopping: cancelling every task…"));
    m_shown->stopRun();
}

bool MainWindow::runAgain()
{
    const auto *last = m_shown->lastPattern();
    if (isRunning() || !last)
        return false;
    const auto values = m_shown->lastValues();
    selectPattern(last->info().id);
    parameterPanel()->setValues(values);
    return startRun();
}

void MainWindow::onEventsAppended()
{
    m_actions.exportRun->setEnabled(true);
    if (!m_statsTimer.isActive())
        m_statsTimer.start();
    if (!m_codeTimer.isActive())
        m_codeTimer.start();
    m_playheadLabel->refresh();
    m_caption->refresh();
}

void MainWindow::updateLiveStats()
{
    const auto *run = m_shown->run();
    if (!run || run->isFinished() || run->trace().events().size() > liveSummaryLimit)
        return;
    statsPanel()->showSummary(trace::summarize(run->trace()));
}

trace::Summary MainWindow::showFinishedTrace(const trace::Trace &trace)
{
    m_statsTimer.stop();
    auto summary = trace::summarize(trace);
    statsPanel()->showSummary(summary);
    return summary;
}

void MainWindow::onRunFinished()
{
    const auto &run = *m_shown->run();
    const auto summary = showFinishedTrace(run.trace());
    const auto &outcome = run.outcome();
    statsPanel()->showOutcome(outcome);
    m_indicators->showEnded(run.pattern().info().id, QString::fromLatin1(patterns::toString(outcome.status)),
                            summary.wallNs);
    statusBar()->showMessage(
        QStringLiteral("%1 %2: %3")
            .arg(run.pattern().info().title, QString::fromLatin1(patterns::toString(outcome.status)), outcome.summary));
    updateActions();
    updateCode();
    m_playheadLabel->refresh();
    m_caption->refresh();
    m_history->refresh();
    m_history->showShownRun(m_shown->recordedRunId()); // the list shows which run is on screen
    Q_EMIT runFinished();
}

void MainWindow::updateActions()
{
    const bool running = isRunning();
    const bool finished = m_shown->isFinished();
    m_actions.run->setEnabled(!running && m_pattern && parameterPanel()->isValid());
    m_actions.stop->setEnabled(running);
    m_actions.runAgain->setEnabled(!running && m_shown->lastPattern());
    for (auto *action : m_actions.replay())
        action->setEnabled(finished);
    m_speedBox->setEnabled(finished);
    for (auto *action : m_actions.view())
        action->setEnabled(shownTrace() != nullptr);
    m_actions.openTrace->setEnabled(!running);
    m_actions.exportRun->setEnabled(shownTrace() && !shownTrace()->events().empty());
}

void MainWindow::updateCode()
{
    if (!shownTrace()) {
        sourcePanel()->showWaiting({}, {});
        return;
    }
    const auto selected = m_state->selectedTask();
    const auto at = m_state->playheadNs() >= 0 ? m_state->playheadNs() : m_timelineModel->endNs();
    const auto lines = waitingLinesAt(*m_timelineModel, at, selected, sourcePanel()->cppFileName());
    const auto *lane = m_timelineModel->taskLane(selected);
    sourcePanel()->showWaiting(lines, lane ? lane->title : QString());
}

void MainWindow::chooseExportTarget()
{
    if (!shownTrace())
        return;
    if (m_exportFolder.isEmpty())
        m_exportFolder = defaultExportFolder();
    const auto input = m_shown->reportInput();
    const auto stem = input.patternId.isEmpty() ? QStringLiteral("trace") : input.patternId;
    const auto name = QStringLiteral("%1-%2.html").arg(stem, input.startedAt.toString(QStringLiteral("yyyyMMdd-hhmmss")));
    const auto target = askExportTarget(this, tr("Export run"), QDir(m_exportFolder).filePath(name),
                                        {QStringLiteral("html"), QStringLiteral("svg"), QStringLiteral("png"),
                                         QStringLiteral("pdf"), QStringLiteral("json"), QStringLiteral("csv")});
    if (!target)
        return;
    m_exportFolder = QFileInfo(target->path).absolutePath();
    exportTo(target->path, target->options);
}

void MainWindow::exportTo(const QString &path, const report::ExportOptions &options)
{
    if (!shownTrace()) {
        m_exportFeedback->finished(false, path, tr("there is no run to export: run a pattern first"));
        Q_EMIT exportFinished(false, path, tr("there is no run to export"));
        return;
    }
    // A snapshot: the export reads its own copy while the run goes on or another replaces it.
    auto trace = std::make_shared<const trace::Trace>(*shownTrace());
    auto input = m_shown->reportInput();
    input.trace = trace.get();
    m_exportFeedback->write(path, [trace, input, path, options](QString *error) {
        return report::exportTrace(input, path, error, options);
    });
}

void MainWindow::showcase()
{
    if (!shownTrace() || isRunning())
        return;
    const auto moment = pickShowcaseMoment(*m_timelineModel);
    if (!moment)
        return;
    m_state->setSelectedTask(moment->task);
    m_state->setPlayhead(moment->timeNs);
    updateCode();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_replay->pause();
    cancelOpening();
    m_presentation->setOn(false); // what is saved is the window the teacher set up, not the projector's
    if (m_settings)
        saveSettings();
    if (isRunning()) {
        statusBar()->showMessage(tr("Cancelling the run before closing…"));
        m_shown->stopAndWait(10'000);
    }
    event->accept();
}

bool MainWindow::restoreSettings()
{
    m_settings = WindowSettings::read(QSettings());
    const auto &saved = *m_settings;
    const bool placed = !saved.geometry.isEmpty() && restoreGeometry(saved.geometry);
    restoreState(saved.dockState);
    for (auto *splitter : splittersOf(*m_ui))
        splitter->restoreState(saved.splitterStates.value(splitter->objectName()));
    if (saved.nameColumnWidth > 0)
        timelineView()->header()->resizeSection(TimelineModel::NameColumn, saved.nameColumnWidth);
    m_fontSteps = 0;
    changeFontSize(saved.fontSteps);
    setTheme(themeFromString(saved.theme));
    m_replay->setSpeed(saved.replaySpeed);
    m_presentation->setScale(saved.presentationScale);
    for (auto *scale : m_actions.presentationScales)
        scale->setChecked(scale->data().toInt() == m_presentation->scale());
    if (!saved.lastPattern.isEmpty() && patterns::Catalog::instance().find(saved.lastPattern)) {
        // Selecting again re-reads the saved parameters.
        m_pattern = nullptr;
        selectPattern(saved.lastPattern);
        onPatternSelected(saved.lastPattern);
    } else if (m_pattern) {
        parameterPanel()->setValues(saved.parameters.value(m_pattern->info().id));
    }
    return placed;
}

void MainWindow::saveSettings()
{
    if (!m_settings)
        m_settings.emplace();
    auto &kept = *m_settings;
    kept.geometry = saveGeometry();
    kept.dockState = saveState();
    for (const auto *splitter : splittersOf(*m_ui))
        kept.splitterStates.insert(splitter->objectName(), splitter->saveState());
    kept.nameColumnWidth = timelineView()->columnWidth(TimelineModel::NameColumn);
    kept.fontSteps = m_fontSteps;
    kept.theme = toString(m_theme);
    kept.replaySpeed = m_replay->speed();
    kept.presentationScale = m_presentation->scale();
    if (m_pattern) {
        kept.lastPattern = m_pattern->info().id;
        kept.parameters.insert(m_pattern->info().id, parameterPanel()->values());
    }
    QSettings settings;
    kept.write(settings);
}

void MainWindow::showAbout()
{
    AboutDialog(this).exec();
}

void MainWindow::putAwayShownTrace()
{
    m_shown->putAway();
    m_banner->hide();
    statsPanel()->clear();
    m_indicators->clear();
    m_caption->refresh();
}

void MainWindow::updateHeading()
{
    const auto heading = windowHeading(m_pattern ? &m_pattern->info() : nullptr, m_shown->opened(), isRunning());
    m_ui->titleLabel->setText(heading.title);
    m_ui->summaryLabel->setText(heading.summary);
    setWindowTitle(heading.windowTitle);
    m_banner->setText(heading.banner);
    m_banner->setVisible(!heading.banner.isEmpty());
}

} // namespace coroscope::app
