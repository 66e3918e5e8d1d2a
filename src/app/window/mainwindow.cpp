// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/mainwindow.h"

#include "app/compare/comparewindow.h"
#include "app/eventlog/eventlogpanel.h"
#include "app/export/exportdialog.h"
#include "app/export/exportfeedback.h"
#include "app/history/historypanel.h"
#include "app/history/runpickerdialog.h"
#include "app/models/environment.h"
#include "app/models/eventlogmodel.h"
#include "app/models/historymodel.h"
#include "app/models/patternabout.h"
#include "app/models/replaycontroller.h"
#include "app/models/showcase.h"
#include "app/models/timelinestate.h"
#include "app/models/tracecontroller.h"
#include "app/models/waitinglines.h"
#include "app/run/parameterpanel.h"
#include "app/run/patternbrowser.h"
#include "app/run/statspanel.h"
#include "app/source/sourcepanel.h"
#include "app/timeline/timelinepanel.h"
#include "app/timeline/timelineview.h"
#include "app/window/aboutdialog.h"
#include "app/window/glyphicons.h"
#include "app/window/mainactions.h"
#include "app/window/shortcutsdialog.h"
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
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <cmath>
#include <optional>

namespace coroscope::app {

using timeline::formatDuration;
using timeline::formatMilliseconds;
using timeline::TimelinePalette;

namespace {

// Summaries are recomputed from the whole trace; past this size only the final one is.
constexpr std::size_t liveSummaryLimit = 200'000;

constexpr double speeds[] = {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0};

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
    , m_openings(new JobTracker(JobTracker::Policy::LatestOnly, this))
{
    m_ui->setupUi(this);
    createHistoryPanel();
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

    createActions();
    createMenusAndToolBar();
    m_ui->fileMenu->insertAction(m_actions.quit, m_actions.openTrace);
    m_ui->fileMenu->insertSeparator(m_actions.quit);
    m_ui->viewMenu->addSeparator();
    m_ui->viewMenu->addAction(m_actions.history);
    setAcceptDrops(true);

    m_runLabel = new QLabel(this);
    m_serverLabel = new QLabel(this);
    m_exportFeedback = new ExportFeedback(this);
    connect(m_exportFeedback, &ExportFeedback::exported, this, &MainWindow::exportFinished);
    statusBar()->addPermanentWidget(m_runLabel);
    statusBar()->addPermanentWidget(m_serverLabel);
    auto showServer = [this] {
        m_serverLabel->setText(m_environment ? m_environment->serverText() : QStringLiteral("Lab server: not running"));
    };
    showServer();
    if (m_environment) {
        m_serverLabel->setToolTip(
            QStringLiteral("The HTTP server the patterns talk to, on this machine.\nDemo database: %1")
                .arg(m_environment->databasePath()));
        // The server's counters move while a run talks to it.
        auto *serverTimer = new QTimer(this);
        serverTimer->setInterval(500);
        connect(serverTimer, &QTimer::timeout, this, showServer);
        serverTimer->start();
    }

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
    connect(m_state, &TimelineState::playheadChanged, this, &MainWindow::updateTimeLabel);
    connect(m_state, &TimelineState::followingChanged, m_actions.follow, &QAction::setChecked);
    connect(m_replay, &ReplayController::playingChanged, this, [this](bool playing) {
        auto *play = m_actions.play;
        play->setText(playing ? QStringLiteral("Pause") : QStringLiteral("Play"));
        refreshIcons();
    });
    connect(m_replay, &ReplayController::speedChanged, this, [this](double speed) {
        for (int i = 0; i < m_speedCombo->count(); ++i) {
            if (qFuzzyCompare(m_speedCombo->itemData(i).toDouble(), speed))
                m_speedCombo->setCurrentIndex(i);
        }
    });

    m_logModel->setPalette(TimelinePalette::forPalette(palette()));
    setDefaultLayout();
    refreshIcons();
    const auto &all = patterns::Catalog::instance().patterns();
    if (!all.empty())
        selectPattern(all.front()->info().id);
    updateActions();
    updateTimeLabel();
}

MainWindow::~MainWindow()
{
    // Stops a load still under way before anything it reports to goes.
    delete m_openings;
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

void MainWindow::createActions()
{
    m_actions = createMainActions(this, m_historyDock->toggleViewAction());
    const auto &a = m_actions;
    connect(a.run, &QAction::triggered, this, &MainWindow::startRun);
    connect(a.stop, &QAction::triggered, this, &MainWindow::stopRun);
    connect(a.runAgain, &QAction::triggered, this, &MainWindow::runAgain);
    connect(a.compare, &QAction::triggered, this, &MainWindow::chooseRunsToCompare);
    connect(a.exportRun, &QAction::triggered, this, &MainWindow::chooseExportTarget);
    connect(a.openTrace, &QAction::triggered, this, &MainWindow::chooseTraceFile);
    connect(a.quit, &QAction::triggered, this, &QWidget::close);

    connect(a.zoomIn, &QAction::triggered, m_state, &TimelineState::zoomIn);
    connect(a.zoomOut, &QAction::triggered, m_state, &TimelineState::zoomOut);
    connect(a.fit, &QAction::triggered, m_state, &TimelineState::fit);
    a.follow->setChecked(m_state->isFollowing());
    connect(a.follow, &QAction::triggered, m_state, &TimelineState::setFollowing);

    connect(a.play, &QAction::triggered, m_replay, &ReplayController::toggle);
    connect(a.next, &QAction::triggered, m_replay, &ReplayController::stepNext);
    connect(a.previous, &QAction::triggered, m_replay, &ReplayController::stepPrevious);
    auto stepSpeed = [this](int direction) {
        const auto current = m_replay->speed();
        const auto *it = std::find_if(std::begin(speeds), std::end(speeds),
                                      [&](double s) { return s >= current - 1e-9; });
        auto index = int(it - std::begin(speeds)) + direction;
        m_replay->setSpeed(speeds[std::clamp(index, 0, int(std::size(speeds)) - 1)]);
    };
    connect(a.faster, &QAction::triggered, this, [stepSpeed] { stepSpeed(+1); });
    connect(a.slower, &QAction::triggered, this, [stepSpeed] { stepSpeed(-1); });

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
    connect(a.about, &QAction::triggered, this, &MainWindow::showAbout);
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
    auto *themeMenu = m_ui->viewMenu->addMenu(QStringLiteral("&Theme"));
    themeMenu->addActions({a.themeSystem, a.themeLight, a.themeDark});
    themeMenu->addSeparator();
    themeMenu->addAction(a.toggleTheme);
    m_ui->viewMenu->addActions({a.largerText, a.smallerText, a.resetText});
    m_ui->viewMenu->addSeparator();
    m_ui->viewMenu->addActions({a.findPattern, a.filterLog, a.fullScreen});
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
    m_speedCombo = new QComboBox(bar);
    m_speedCombo->setToolTip(QStringLiteral("Replay speed ([ and ] change it)"));
    for (const double speed : speeds)
        m_speedCombo->addItem(QStringLiteral("%1×").arg(speed), speed);
    m_speedCombo->setCurrentIndex(3);
    m_speedCombo->setFocusPolicy(Qt::NoFocus);
    connect(m_speedCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_replay->setSpeed(m_speedCombo->itemData(index).toDouble()); });
    bar->addWidget(m_speedCombo);
    m_timeLabel = new QLabel(bar);
    m_timeLabel->setContentsMargins(12, 0, 6, 0);
    m_timeLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    bar->addWidget(m_timeLabel);

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
    } else if (event->type() == QEvent::ApplicationFontChange) {
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
    m_fontSteps = std::clamp(m_fontSteps + steps, -4, 14);
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
    if (m_persistent) {
        QSettings settings;
        parameterPanel()->setValues(settings.value(QStringLiteral("parameters/") + id).toMap());
    }
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
    updateTitles();
    updateCode();
    updateActions();
}

bool MainWindow::startRun()
{
    if (isRunning())
        return false;
    if (!m_pattern) {
        statusBar()->showMessage(QStringLiteral("Pick a pattern first"), 5000);
        return false;
    }
    const auto errors = parameterPanel()->errors();
    if (!errors.isEmpty()) {
        statusBar()->showMessage(QStringLiteral("Cannot run: ") + errors.join(QStringLiteral("; ")), 8000);
        return false;
    }
    if (isOpening())
        cancelOpening(); // the run is what the user wants to see now
    QString recordingProblem;
    m_shown->startRun(*m_pattern, parameterPanel()->values(),
                      m_environment ? m_environment->runEnvironment() : patterns::RunEnvironment{},
                      m_historyProblem.isEmpty() ? m_historyPath : QString(), &recordingProblem);
    statsPanel()->clear();
    statsPanel()->showRunning();
    m_runLabel->setText(QStringLiteral("● running %1").arg(m_pattern->info().id));
    if (!recordingProblem.isEmpty())
        m_historyPanel->showMessage(QStringLiteral("History is off for this run: ") + recordingProblem);
    const auto historyOff = recordingProblem.isEmpty() ? m_historyProblem : recordingProblem;
    const auto &title = m_pattern->info().title;
    statusBar()->showMessage(historyOff.isEmpty()
                                 ? QStringLiteral("Running %1…").arg(title)
                                 : QStringLiteral("Running %1… (history is off: %2)").arg(title, historyOff));
    updateTitles();
    refreshHistory();
    if (m_persistent)
        saveSettings();
    updateActions();
    updateTimeLabel();
    return true;
}

void MainWindow::stopRun()
{
    if (!isRunning())
        return;
    statusBar()->showMessage(QStringLiteral("Stopping: cancelling every task…"));
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
    updateTimeLabel();
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
    m_runLabel->setText(QStringLiteral("%1: %2 in %3")
                            .arg(run.pattern().info().id, QString::fromLatin1(patterns::toString(outcome.status)),
                                 formatDuration(summary.wallNs)));
    statusBar()->showMessage(
        QStringLiteral("%1 %2: %3")
            .arg(run.pattern().info().title, QString::fromLatin1(patterns::toString(outcome.status)), outcome.summary));
    updateActions();
    updateCode();
    updateTimeLabel();
    refreshHistory();
    if (const auto id = m_shown->recordedRunId(); id > 0)
        m_historyPanel->selectRuns({id}); // the list shows which run is on screen
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
    m_speedCombo->setEnabled(finished);
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

void MainWindow::updateTimeLabel()
{
    if (!m_timeLabel)
        return;
    if (!shownTrace()) {
        m_timeLabel->clear();
        return;
    }
    const auto length = formatDuration(m_timelineModel->endNs() - m_timelineModel->startNs());
    if (m_state->playheadNs() >= 0)
        m_timeLabel->setText(QStringLiteral("%1 ms / %2").arg(formatMilliseconds(m_state->playheadNs()), length));
    else
        m_timeLabel->setText(length);
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
    const auto target = askExportTarget(this, QStringLiteral("Export run"), QDir(m_exportFolder).filePath(name),
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
        m_exportFeedback->finished(false, path, QStringLiteral("there is no run to export: run a pattern first"));
        Q_EMIT exportFinished(false, path, QStringLiteral("there is no run to export"));
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

void MainWindow::chooseRunsToCompare()
{
    // The History panel's model has the file open already; re-read it for runs stored elsewhere.
    if (!m_historyModel->refresh()) {
        auto why = m_historyModel->errorString();
        if (why.isEmpty())
            why = m_historyProblem.isEmpty() ? QStringLiteral("no history file is set") : m_historyProblem;
        QMessageBox::warning(
            this, QStringLiteral("Compare runs"),
            QStringLiteral("Cannot read the run history %1:\n%2").arg(QDir::toNativeSeparators(m_historyPath), why));
        return;
    }
    const auto &runs = m_historyModel->runs();
    RunPickerDialog picker(runs, this);
    if (picker.exec() != QDialog::Accepted)
        return;
    const auto [first, second] = picker.selectedRuns();
    openComparison(first, second);
}

CompareWindow *MainWindow::openComparison(qint64 first, qint64 second)
{
    QString error;
    auto *window = CompareWindow::load(m_historyPath, first, second, &error, this);
    if (!window) {
        auto *box = new QMessageBox(QMessageBox::Warning, QStringLiteral("Compare runs"),
                                    QStringLiteral("Cannot compare runs %1 and %2").arg(first).arg(second),
                                    QMessageBox::Ok, this);
        box->setInformativeText(error);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return nullptr;
    }
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return window;
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
    if (m_persistent)
        saveSettings();
    if (isRunning()) {
        statusBar()->showMessage(QStringLiteral("Cancelling the run before closing…"));
        m_shown->stopAndWait(10'000);
    }
    event->accept();
}

bool MainWindow::restoreSettings()
{
    m_persistent = true;
    QSettings settings;
    bool placed = false;
    if (const auto geometry = settings.value(QStringLiteral("window/geometry")).toByteArray(); !geometry.isEmpty())
        placed = restoreGeometry(geometry);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    for (auto *splitter : {m_ui->mainSplitter, m_ui->sideSplitter, m_ui->rightSplitter, m_ui->bottomSplitter})
        splitter->restoreState(settings.value(QStringLiteral("window/") + splitter->objectName()).toByteArray());
    if (const auto width = settings.value(QStringLiteral("timeline/nameColumnWidth")).toInt(); width > 0)
        timelineView()->header()->resizeSection(TimelineModel::NameColumn, width);
    m_fontSteps = 0;
    changeFontSize(settings.value(QStringLiteral("view/fontSteps"), 0).toInt());
    setTheme(themeFromString(settings.value(QStringLiteral("view/theme")).toString()));
    m_replay->setSpeed(settings.value(QStringLiteral("replay/speed"), 1.0).toDouble());
    const auto last = settings.value(QStringLiteral("run/lastPattern")).toString();
    if (!last.isEmpty() && patterns::Catalog::instance().find(last)) {
        // Selecting again re-reads the saved parameters.
        m_pattern = nullptr;
        selectPattern(last);
        onPatternSelected(last);
    } else if (m_pattern) {
        parameterPanel()->setValues(settings.value(QStringLiteral("parameters/") + m_pattern->info().id).toMap());
    }
    return placed;
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    for (const auto *splitter : {m_ui->mainSplitter, m_ui->sideSplitter, m_ui->rightSplitter, m_ui->bottomSplitter})
        settings.setValue(QStringLiteral("window/") + splitter->objectName(), splitter->saveState());
    settings.setValue(QStringLiteral("timeline/nameColumnWidth"), timelineView()->columnWidth(TimelineModel::NameColumn));
    settings.setValue(QStringLiteral("view/fontSteps"), m_fontSteps);
    settings.setValue(QStringLiteral("view/theme"), toString(m_theme));
    settings.setValue(QStringLiteral("replay/speed"), m_replay->speed());
    if (m_pattern) {
        settings.setValue(QStringLiteral("run/lastPattern"), m_pattern->info().id);
        settings.setValue(QStringLiteral("parameters/") + m_pattern->info().id, parameterPanel()->values());
    }
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
    m_runLabel->clear();
}

void MainWindow::updateTitles()
{
    const auto *info = m_pattern ? &m_pattern->info() : nullptr;
    const auto title = info ? info->title : QString();
    const auto *shownOpened = m_shown->opened();
    const bool opened = shownOpened && !isRunning();
    if (!opened)
        m_banner->hide();
    // Another tool's trace is no pattern of ours: the header must not name the selected one.
    if (opened && shownOpened->patternId.isEmpty()) {
        const auto name = shownOpened->name.isEmpty() ? shownOpened->caption() : shownOpened->name;
        m_ui->titleLabel->setText(name);
        m_ui->summaryLabel->setText(QStringLiteral(
            "A trace from another tool: the code beside it is the selected pattern's, not this trace's."));
        setWindowTitle(QStringLiteral("%1 — Coroscope").arg(shownOpened->caption()));
        return;
    }
    m_ui->titleLabel->setText(title);
    m_ui->summaryLabel->setText(info ? info->summary : QString());
    if (opened)
        setWindowTitle(QStringLiteral("%1 — %2 — Coroscope").arg(shownOpened->caption(), title));
    else
        setWindowTitle(title.isEmpty() ? QStringLiteral("Coroscope") : QStringLiteral("%1 — Coroscope").arg(title));
}

} // namespace coroscope::app
