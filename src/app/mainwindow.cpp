// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/mainwindow.h"

#include "app/comparewindow.h"
#include "app/environment.h"
#include "app/eventlogmodel.h"
#include "app/eventlogpanel.h"
#include "app/exportdialog.h"
#include "app/exportfeedback.h"
#include "app/exportjob.h"
#include "app/glyphicons.h"
#include "app/historymodel.h"
#include "app/historypanel.h"
#include "app/parameterpanel.h"
#include "app/patternbrowser.h"
#include "app/replaycontroller.h"
#include "app/runpickerdialog.h"
#include "app/sourcepanel.h"
#include "app/statspanel.h"
#include "app/timelinepanel.h"
#include "app/timelinestate.h"
#include "app/timelineview.h"
#include "app/waitinglines.h"
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
#include <QDockWidget>
#include <QDir>
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

using timeline::TimelinePalette;
using timeline::LaneKind;
using timeline::SpanState;
using timeline::formatDuration;
using timeline::formatMilliseconds;
using timeline::spanAt;
namespace {

// Summaries are recomputed from the whole trace; past this size only the final one is.
constexpr std::size_t liveSummaryLimit = 200'000;

constexpr double speeds[] = {0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0};

QString paragraphs(const QString &text)
{
    QString html;
    for (const auto &paragraph : text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        html += QStringLiteral("<p>") + paragraph.trimmed().toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1Char(' ')) + QStringLiteral("</p>");
    return html;
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
    , m_opener(new TraceOpener(this))
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
    m_ui->fileMenu->insertAction(action(QStringLiteral("quit")), action(QStringLiteral("openTrace")));
    m_ui->fileMenu->insertSeparator(action(QStringLiteral("quit")));
    m_ui->viewMenu->addSeparator();
    m_ui->viewMenu->addAction(action(QStringLiteral("history")));
    setAcceptDrops(true);

    m_runLabel = new QLabel(this);
    m_serverLabel = new QLabel(this);
    m_exportFeedback = new ExportFeedback(this);
    statusBar()->addPermanentWidget(m_runLabel);
    statusBar()->addPermanentWidget(m_serverLabel);
    auto showServer = [this] {
        m_serverLabel->setText(m_environment ? m_environment->serverText() : QStringLiteral("Lab server: not running"));
    };
    showServer();
    if (m_environment) {
        m_serverLabel->setToolTip(QStringLiteral("The HTTP server the patterns talk to, on this machine.\nDemo database: %1")
                                      .arg(m_environment->databasePath()));
        // The server's counters move while a run talks to it.
        auto *serverTimer = new QTimer(this);
        serverTimer->setInterval(500);
        connect(serverTimer, &QTimer::timeout, this, showServer);
        serverTimer->start();
    }

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
    connect(m_state, &TimelineState::followingChanged, action(QStringLiteral("follow")), &QAction::setChecked);
    connect(m_replay, &ReplayController::playingChanged, this, [this](bool playing) {
        auto *play = action(QStringLiteral("play"));
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
    delete m_opener;
    // The models point into the run's trace: let go of it before the run goes.
    m_timelineModel->setTrace(nullptr);
    m_logModel->setTrace(nullptr);
    m_replay->setTrace(nullptr);
}

ParameterPanel *MainWindow::parameterPanel() const { return m_ui->parameterPanel; }
PatternBrowser *MainWindow::patternBrowser() const { return m_ui->patternBrowser; }
TimelineView *MainWindow::timelineView() const { return m_ui->timelinePanel->view(); }
SourcePanel *MainWindow::sourcePanel() const { return m_ui->sourcePanel; }
StatsPanel *MainWindow::statsPanel() const { return m_ui->statsPanel; }
EventLogPanel *MainWindow::eventLogPanel() const { return m_ui->eventLogPanel; }

QAction *MainWindow::addAction(const QString &name, const QString &text, const QList<QKeySequence> &shortcuts,
                               const QString &tip)
{
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    // Platform key bindings may coincide with the explicit ones (FullScreen is F11 on Linux).
    QList<QKeySequence> keys;
    for (const auto &key : shortcuts) {
        if (!key.isEmpty() && !keys.contains(key))
            keys.append(key);
    }
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WindowShortcut);
    QString toolTip = tip.isEmpty() ? QString(text).remove(QLatin1Char('&')) : tip;
    if (!keys.isEmpty())
        toolTip += QStringLiteral(" (%1)").arg(keys.first().toString(QKeySequence::NativeText));
    action->setToolTip(toolTip);
    action->setStatusTip(tip);
    QMainWindow::addAction(action);
    m_actions.insert(name, action);
    return action;
}

void MainWindow::createActions()
{
    using K = QKeySequence;
    connect(addAction(QStringLiteral("run"), QStringLiteral("&Run"), {K(Qt::CTRL | Qt::Key_R), K(Qt::Key_F5)},
                      QStringLiteral("Run the pattern with these parameters")),
            &QAction::triggered, this, &MainWindow::startRun);
    connect(addAction(QStringLiteral("stop"), QStringLiteral("&Stop"), {K(Qt::Key_Escape), K(Qt::SHIFT | Qt::Key_F5)},
                      QStringLiteral("Cancel the run: every task gets CancelledError at its co_await")),
            &QAction::triggered, this, &MainWindow::stopRun);
    connect(addAction(QStringLiteral("runAgain"), QStringLiteral("Run &again"), {K(Qt::CTRL | Qt::SHIFT | Qt::Key_R)},
                      QStringLiteral("Repeat the last run with the same parameters")),
            &QAction::triggered, this, &MainWindow::runAgain);
    connect(addAction(QStringLiteral("export"), QStringLiteral("&Export…"), {K(Qt::CTRL | Qt::Key_E)},
                      QStringLiteral("Save the run as an HTML report, SVG or PNG timeline, PDF handout, Chrome trace or CSV")),
            &QAction::triggered, this, &MainWindow::chooseExportTarget);
    connect(addAction(QStringLiteral("compare"), QStringLiteral("&Compare runs…"), {},
                      QStringLiteral("Two runs from the history on one time axis, with what differs")),
            &QAction::triggered, this, &MainWindow::chooseRunsToCompare);
    connect(addAction(QStringLiteral("quit"), QStringLiteral("&Quit"), {K(K::Quit)}), &QAction::triggered, this,
            &QWidget::close);
    connect(addAction(QStringLiteral("openTrace"), QStringLiteral("&Open trace…"), {K(K::Open)},
                      QStringLiteral("Show a Chrome trace JSON file (from Coroscope, Perfetto or another tool) on the timeline")),
            &QAction::triggered, this, &MainWindow::chooseTraceFile);
    auto *history = m_historyDock->toggleViewAction();
    history->setText(QStringLiteral("&History"));
    history->setShortcut(K(Qt::CTRL | Qt::Key_H));
    history->setToolTip(QStringLiteral("Show or hide the stored runs (Ctrl+H)"));
    QMainWindow::addAction(history);
    m_actions.insert(QStringLiteral("history"), history);

    connect(addAction(QStringLiteral("zoomIn"), QStringLiteral("Zoom &in"), {K(K::ZoomIn), K(Qt::CTRL | Qt::Key_Equal)}),
            &QAction::triggered, m_state, &TimelineState::zoomIn);
    connect(addAction(QStringLiteral("zoomOut"), QStringLiteral("Zoom &out"), {K(K::ZoomOut)}), &QAction::triggered,
            m_state, &TimelineState::zoomOut);
    connect(addAction(QStringLiteral("fit"), QStringLiteral("&Fit run"), {K(Qt::CTRL | Qt::Key_0)},
                      QStringLiteral("Show the whole run")),
            &QAction::triggered, m_state, &TimelineState::fit);
    auto *follow = addAction(QStringLiteral("follow"), QStringLiteral("Follow &newest"), {K(Qt::CTRL | Qt::Key_End)},
                             QStringLiteral("Keep the newest events in view while the run goes on"));
    follow->setCheckable(true);
    follow->setChecked(m_state->isFollowing());
    connect(follow, &QAction::triggered, m_state, &TimelineState::setFollowing);

    connect(addAction(QStringLiteral("play"), QStringLiteral("Play"), {K(Qt::Key_Space)},
                      QStringLiteral("Replay the run from the playhead")),
            &QAction::triggered, m_replay, &ReplayController::toggle);
    connect(addAction(QStringLiteral("next"), QStringLiteral("&Next event"), {K(Qt::CTRL | Qt::Key_Right), K(Qt::Key_Period)},
                      QStringLiteral("Move the playhead to the next event of the selected task")),
            &QAction::triggered, m_replay, &ReplayController::stepNext);
    connect(addAction(QStringLiteral("previous"), QStringLiteral("&Previous event"),
                      {K(Qt::CTRL | Qt::Key_Left), K(Qt::Key_Comma)},
                      QStringLiteral("Move the playhead to the previous event of the selected task")),
            &QAction::triggered, m_replay, &ReplayController::stepPrevious);
    auto stepSpeed = [this](int direction) {
        const auto current = m_replay->speed();
        const auto *it = std::find_if(std::begin(speeds), std::end(speeds), [&](double s) { return s >= current - 1e-9; });
        auto index = int(it - std::begin(speeds)) + direction;
        m_replay->setSpeed(speeds[std::clamp(index, 0, int(std::size(speeds)) - 1)]);
    };
    connect(addAction(QStringLiteral("faster"), QStringLiteral("&Faster"), {K(Qt::Key_BracketRight)}), &QAction::triggered,
            this, [stepSpeed] { stepSpeed(+1); });
    connect(addAction(QStringLiteral("slower"), QStringLiteral("&Slower"), {K(Qt::Key_BracketLeft)}), &QAction::triggered,
            this, [stepSpeed] { stepSpeed(-1); });

    connect(addAction(QStringLiteral("findPattern"), QStringLiteral("Find &pattern"), {K(K::Find)}), &QAction::triggered,
            this, [this] { patternBrowser()->focusSearch(); });
    connect(addAction(QStringLiteral("filterLog"), QStringLiteral("Filter event &log"), {K(Qt::CTRL | Qt::Key_L)}),
            &QAction::triggered, this, [this] { eventLogPanel()->focusFilter(); });

    auto *themes = new QActionGroup(this);
    for (const auto theme : {Theme::System, Theme::Light, Theme::Dark}) {
        const auto name = toString(theme);
        auto *a = addAction(QStringLiteral("theme-") + name,
                            theme == Theme::System ? QStringLiteral("Follow the &system")
                            : theme == Theme::Light ? QStringLiteral("&Light")
                                                    : QStringLiteral("&Dark"),
                            {});
        a->setCheckable(true);
        a->setChecked(theme == m_theme);
        themes->addAction(a);
        connect(a, &QAction::triggered, this, [this, theme] { setTheme(theme); });
    }
    connect(addAction(QStringLiteral("toggleTheme"), QStringLiteral("&Toggle light/dark"), {K(Qt::CTRL | Qt::SHIFT | Qt::Key_T)}),
            &QAction::triggered, this, [this] {
                setTheme(TimelinePalette::forPalette(palette()).isDark() ? Theme::Light : Theme::Dark);
            });
    connect(addAction(QStringLiteral("largerText"), QStringLiteral("&Larger text"), {K(Qt::CTRL | Qt::ALT | Qt::Key_Equal)},
                      QStringLiteral("Bigger text everywhere, for the back of the room")),
            &QAction::triggered, this, [this] { changeFontSize(+1); });
    connect(addAction(QStringLiteral("smallerText"), QStringLiteral("&Smaller text"), {K(Qt::CTRL | Qt::ALT | Qt::Key_Minus)}),
            &QAction::triggered, this, [this] { changeFontSize(-1); });
    connect(addAction(QStringLiteral("resetText"), QStringLiteral("&Normal text"), {K(Qt::CTRL | Qt::ALT | Qt::Key_0)}),
            &QAction::triggered, this, [this] { changeFontSize(-m_fontSteps); });
    auto *fullScreen = addAction(QStringLiteral("fullScreen"), QStringLiteral("F&ull screen"), {K(K::FullScreen), K(Qt::Key_F11)});
    fullScreen->setCheckable(true);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) { on ? showFullScreen() : showNormal(); });
    connect(addAction(QStringLiteral("shortcuts"), QStringLiteral("&Keyboard shortcuts"), {K(Qt::Key_F1)}),
            &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(addAction(QStringLiteral("about"), QStringLiteral("&About Coroscope"), {}), &QAction::triggered, this,
            &MainWindow::showAbout);
}

void MainWindow::createMenusAndToolBar()
{
    auto a = [this](const char *name) { return action(QString::fromLatin1(name)); };
    m_ui->fileMenu->addAction(a("export"));
    m_ui->fileMenu->addSeparator();
    m_ui->fileMenu->addAction(a("quit"));
    m_ui->runMenu->addActions({a("run"), a("stop"), a("runAgain")});
    m_ui->runMenu->addSeparator();
    m_ui->runMenu->addAction(a("compare"));
    m_ui->viewMenu->addActions({a("zoomIn"), a("zoomOut"), a("fit"), a("follow")});
    m_ui->viewMenu->addSeparator();
    auto *themeMenu = m_ui->viewMenu->addMenu(QStringLiteral("&Theme"));
    themeMenu->addActions({a("theme-system"), a("theme-light"), a("theme-dark")});
    themeMenu->addSeparator();
    themeMenu->addAction(a("toggleTheme"));
    m_ui->viewMenu->addActions({a("largerText"), a("smallerText"), a("resetText")});
    m_ui->viewMenu->addSeparator();
    m_ui->viewMenu->addActions({a("findPattern"), a("filterLog"), a("fullScreen")});
    m_ui->replayMenu->addActions({a("play"), a("previous"), a("next")});
    m_ui->replayMenu->addSeparator();
    m_ui->replayMenu->addActions({a("faster"), a("slower")});
    m_ui->helpMenu->addActions({a("shortcuts"), a("about")});

    auto *bar = m_ui->toolBar;
    bar->addActions({a("run"), a("stop"), a("runAgain")});
    bar->addSeparator();
    bar->addActions({a("zoomIn"), a("zoomOut"), a("fit"), a("follow")});
    bar->addSeparator();
    bar->addActions({a("previous"), a("play"), a("next")});
    // Icons only for the view and replay buttons: their tooltips name them.
    for (const char *name : {"zoomIn", "zoomOut", "fit", "follow", "previous", "next"}) {
        if (auto *button = bar->widgetForAction(a(name)))
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

    m_ui->runButton->setDefaultAction(a("run"));
    m_ui->stopButton->setDefaultAction(a("stop"));
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
    action(QStringLiteral("run"))->setIcon(glyphIcon(Glyph::Run, timeline.running()));
    action(QStringLiteral("stop"))->setIcon(glyphIcon(Glyph::Stop, timeline.failed()));
    action(QStringLiteral("runAgain"))->setIcon(glyphIcon(Glyph::RunAgain, text));
    action(QStringLiteral("zoomIn"))->setIcon(glyphIcon(Glyph::ZoomIn, text));
    action(QStringLiteral("zoomOut"))->setIcon(glyphIcon(Glyph::ZoomOut, text));
    action(QStringLiteral("fit"))->setIcon(glyphIcon(Glyph::ZoomFit, text));
    action(QStringLiteral("follow"))->setIcon(glyphIcon(Glyph::Follow, text));
    action(QStringLiteral("play"))->setIcon(glyphIcon(m_replay->isPlaying() ? Glyph::Pause : Glyph::Play, text));
    action(QStringLiteral("next"))->setIcon(glyphIcon(Glyph::StepForward, text));
    action(QStringLiteral("previous"))->setIcon(glyphIcon(Glyph::StepBack, text));
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
    if (auto *a = action(QStringLiteral("theme-") + toString(theme)))
        a->setChecked(true);
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
    m_ui->aboutText->setHtml(aboutHtml());
    const bool runOfAnother = m_run && &m_run->pattern() != pattern;
    const bool openedOfAnother = m_opened && m_opened->patternId != id;
    if (!isRunning() && (runOfAnother || openedOfAnother)) {
        // A finished run of another pattern would not match the code shown: put it away.
        putAwayShownTrace();
    }
    updateTitles();
    updateCode();
    updateActions();
}

QString MainWindow::aboutHtml() const
{
    if (!m_pattern)
        return {};
    const auto &info = m_pattern->info();
    QString html = QStringLiteral("<h3>%1</h3><p><i>%2</i></p>").arg(info.title.toHtmlEscaped(), info.summary.toHtmlEscaped());
    html += paragraphs(info.explanation);
    if (!info.whatToLookFor.isEmpty())
        html += QStringLiteral("<h4>What to look for</h4>") + paragraphs(info.whatToLookFor);
    if (!info.seedSection.isEmpty())
        html += QStringLiteral("<p style='color:gray'>Python guide: %1</p>").arg(info.seedSection.toHtmlEscaped());
    html += QStringLiteral("<p style='color:gray'>Command line: <code>coroscope run %1</code></p>").arg(info.id.toHtmlEscaped());
    return html;
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
    m_lastPattern = m_pattern;
    m_lastValues = parameterPanel()->values();
    m_runStartedAt = QDateTime::currentDateTime();

    if (isOpening())
        cancelOpening(); // the run is what the user wants to see now
    m_replay->setTrace(nullptr);
    m_state->reset();
    m_state->setLive(true);
    auto run = std::make_unique<patterns::PatternRun>(*m_lastPattern, m_lastValues,
                                                      m_environment ? m_environment->runEnvironment()
                                                                    : patterns::RunEnvironment{});
    // The models switch to the new trace before the old run (and its trace) goes away.
    m_timelineModel->setTrace(&run->trace());
    m_logModel->setTrace(&run->trace());
    m_logModel->setUpdateInterval(200);
    m_recording.reset();
    m_opened.reset();
    m_run = std::move(run);
    // Recording follows the run's signals before the window does, so the stored run is
    // complete by the time the window refreshes the list.
    QString recordingProblem;
    if (!m_historyPath.isEmpty() && m_historyProblem.isEmpty()) {
        m_recording = std::make_unique<patterns::HistoryRecording>(*m_run, m_historyPath);
        if (!m_recording->isRecording())
            recordingProblem = m_recording->errorString();
    }
    connect(m_run.get(), &patterns::PatternRun::eventsAppended, this, &MainWindow::onEventsAppended);
    connect(m_run.get(), &patterns::PatternRun::finished, this, &MainWindow::onRunFinished);
    statsPanel()->clear();
    statsPanel()->showRunning();
    m_runLabel->setText(QStringLiteral("● running %1").arg(m_lastPattern->info().id));
    if (!recordingProblem.isEmpty())
        m_historyPanel->showMessage(QStringLiteral("History is off for this run: ") + recordingProblem);
    const auto historyOff = recordingProblem.isEmpty() ? m_historyProblem : recordingProblem;
    const auto &title = m_lastPattern->info().title;
    statusBar()->showMessage(historyOff.isEmpty() ? QStringLiteral("Running %1…").arg(title)
                                                  : QStringLiteral("Running %1… (history is off: %2)").arg(title, historyOff));
    m_run->start();
    updateTitles();
    refreshHistory();
    if (m_persistent)
        saveSettings();
    updateActions();
    updateTimeLabel();
    Q_EMIT runStarted();
    return true;
}

void MainWindow::stopRun()
{
    if (!isRunning())
        return;
    statusBar()->showMessage(QStringLiteral("Stopping: cancelling every task…"));
    m_run->stop();
}

bool MainWindow::runAgain()
{
    if (isRunning() || !m_lastPattern)
        return false;
    const auto values = m_lastValues;
    selectPattern(m_lastPattern->info().id);
    parameterPanel()->setValues(values);
    return startRun();
}

void MainWindow::onEventsAppended(qsizetype first, qsizetype count)
{
    m_timelineModel->update(first, count);
    m_logModel->update(first, count);
    action(QStringLiteral("export"))->setEnabled(true);
    m_state->setTraceRange(m_timelineModel->startNs(), m_timelineModel->endNs());
    if (!m_statsTimer.isActive())
        m_statsTimer.start();
    if (!m_codeTimer.isActive())
        m_codeTimer.start();
    updateTimeLabel();
}

void MainWindow::updateLiveStats()
{
    if (!m_run || m_run->isFinished() || m_run->trace().events().size() > liveSummaryLimit)
        return;
    statsPanel()->showSummary(trace::summarize(m_run->trace()));
}

trace::Summary MainWindow::showFinishedTrace(const trace::Trace &trace)
{
    m_statsTimer.stop();
    m_logModel->setUpdateInterval(0); // flushes: every row is in the table from here on
    m_state->setLive(false);
    m_state->setTraceRange(m_timelineModel->startNs(), m_timelineModel->endNs());
    m_replay->setTrace(&trace);
    auto summary = trace::summarize(trace);
    statsPanel()->showSummary(summary);
    return summary;
}

void MainWindow::onRunFinished()
{
    const auto summary = showFinishedTrace(m_run->trace());
    const auto &outcome = m_run->outcome();
    statsPanel()->showOutcome(outcome);
    m_runLabel->setText(QStringLiteral("%1: %2 in %3")
                            .arg(m_run->pattern().info().id, QString::fromLatin1(patterns::toString(outcome.status)),
                                 formatDuration(summary.wallNs)));
    statusBar()->showMessage(QStringLiteral("%1 %2: %3")
                                 .arg(m_run->pattern().info().title, QString::fromLatin1(patterns::toString(outcome.status)),
                                      outcome.summary));
    updateActions();
    updateCode();
    updateTimeLabel();
    refreshHistory();
    if (m_recording && m_recording->runId() > 0)
        m_historyPanel->selectRuns({m_recording->runId()}); // the list shows which run is on screen
    Q_EMIT runFinished();
}

void MainWindow::updateActions()
{
    const bool running = isRunning();
    const bool finished = (m_run && m_run->isFinished()) || m_opened;
    action(QStringLiteral("run"))->setEnabled(!running && m_pattern && parameterPanel()->isValid());
    action(QStringLiteral("stop"))->setEnabled(running);
    action(QStringLiteral("runAgain"))->setEnabled(!running && m_lastPattern);
    for (const char *name : {"play", "next", "previous", "faster", "slower"})
        action(QString::fromLatin1(name))->setEnabled(finished);
    m_speedCombo->setEnabled(finished);
    for (const char *name : {"zoomIn", "zoomOut", "fit", "follow"})
        action(QString::fromLatin1(name))->setEnabled(shownTrace() != nullptr);
    action(QStringLiteral("openTrace"))->setEnabled(!running);
    action(QStringLiteral("export"))->setEnabled(shownTrace() && !shownTrace()->events().empty());
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
    const auto input = shownReportInput();
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

report::ReportInput MainWindow::shownReportInput() const
{
    if (m_opened) {
        return patterns::reportInputFor(m_opened->patternId, m_opened->name, m_opened->parameters, m_opened->status,
                                        m_opened->startedAt, &m_opened->trace);
    }
    return patterns::reportInputFor(*m_run, m_runStartedAt);
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
    auto input = shownReportInput();
    input.trace = trace.get();
    auto work = [trace, input, path, options](QString *error) { return report::exportTrace(input, path, error, options); };
    m_exportFeedback->started(path);
    auto *job = ExportJob::start(path, std::move(work), this);
    connect(job, &ExportJob::finished, m_exportFeedback, &ExportFeedback::finished);
    connect(job, &ExportJob::finished, this, &MainWindow::exportFinished);
}

void MainWindow::chooseRunsToCompare()
{
    // The History panel's model has the file open already; re-read it for runs stored elsewhere.
    if (!m_historyModel->refresh()) {
        auto why = m_historyModel->errorString();
        if (why.isEmpty())
            why = m_historyProblem.isEmpty() ? QStringLiteral("no history file is set") : m_historyProblem;
        QMessageBox::warning(this, QStringLiteral("Compare runs"),
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
                                    QStringLiteral("Cannot compare runs %1 and %2").arg(first).arg(second), QMessageBox::Ok, this);
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
    // A moment when (nearly) the most tasks wait at once, sampled across the run; of such moments
    // the one nearest the middle, so the picture shows both what happened and what is to come.
    const auto start = m_timelineModel->startNs();
    const auto end = m_timelineModel->endNs();
    const auto lanes = m_timelineModel->lanes();
    const qint64 middle = start + (end - start) * 45 / 100;
    std::vector<std::pair<qint64, int>> samples;
    int most = 0;
    for (int i = 1; i < 200; ++i) {
        const qint64 t = start + (end - start) * i / 200;
        int waiting = 0;
        for (const auto *lane : lanes) {
            if (lane->kind != LaneKind::Task)
                continue;
            const auto *span = spanAt(lane->spans, t, end);
            waiting += span && span->state == SpanState::Suspended ? 1 : 0;
        }
        samples.emplace_back(t, waiting);
        most = std::max(most, waiting);
    }
    const int enough = std::max(1, (most * 3 + 3) / 4);
    std::optional<qint64> best;
    for (const auto &[t, waiting] : samples) {
        if (waiting >= enough && (!best || std::llabs(t - middle) < std::llabs(*best - middle)))
            best = t;
    }
    // The first child waiting at that moment is the telling one; a pattern without children
    // shows its root.
    const auto at = best.value_or(middle);
    trace::TaskId task = 0;
    for (const auto *lane : lanes) {
        if (lane->kind != LaneKind::Task)
            continue;
        if (task == 0)
            task = lane->task;
        const auto *span = spanAt(lane->spans, at, end);
        if (lane->parentTask != 0 && span && span->state == SpanState::Suspended) {
            task = lane->task;
            break;
        }
    }
    m_state->setSelectedTask(task);
    m_state->setPlayhead(at);
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
        m_run->stop();
        m_run->waitForFinished(10'000);
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

void MainWindow::showShortcuts()
{
    QDialog dialog(this);
    dialog.setWindowTitle(QStringLiteral("Keyboard shortcuts"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *table = new QTableWidget(&dialog);
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({QStringLiteral("Action"), QStringLiteral("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    QList<std::pair<QString, QString>> rows;
    for (auto *a : QMainWindow::actions()) {
        if (a->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const auto &key : a->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        rows.append({a->text().remove(QLatin1Char('&')), keys.join(QStringLiteral("  or  "))});
    }
    rows.append({QStringLiteral("Zoom at the pointer"), QStringLiteral("Ctrl + mouse wheel")});
    rows.append({QStringLiteral("Pan in time"), QStringLiteral("Drag, or Shift + mouse wheel")});
    rows.append({QStringLiteral("Select a task (and move the playhead)"), QStringLiteral("Click its lane")});
    rows.append({QStringLiteral("Scrub the playhead"), QStringLiteral("Drag on the ruler")});
    table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows[i].first));
        table->setItem(i, 1, new QTableWidgetItem(rows[i].second));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(fontMetrics().averageCharWidth() * 80, fontMetrics().height() * 30);
    dialog.exec();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, QStringLiteral("About Coroscope"),
                       QStringLiteral("<h3>Coroscope %1</h3><p>Makes async code visible: every coroutine's start, "
                                      "suspension, resumption and end on a live timeline, while it does real HTTP and "
                                      "SQLite I/O.</p><p>Licensed under the GPL, version 3 or later.</p>")
                           .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::putAwayShownTrace()
{
    m_replay->setTrace(nullptr);
    m_timelineModel->setTrace(nullptr);
    m_logModel->setTrace(nullptr);
    m_recording.reset();
    m_run.reset();
    m_opened.reset();
    m_banner->hide();
    m_state->reset();
    statsPanel()->clear();
    m_runLabel->clear();
}

void MainWindow::updateTitles()
{
    const auto *info = m_pattern ? &m_pattern->info() : nullptr;
    const auto title = info ? info->title : QString();
    const bool opened = m_opened && !isRunning();
    if (!opened)
        m_banner->hide();
    // Another tool's trace is no pattern of ours: the header must not name the selected one.
    if (opened && m_opened->patternId.isEmpty()) {
        const auto name = m_opened->name.isEmpty() ? m_opened->caption() : m_opened->name;
        m_ui->titleLabel->setText(name);
        m_ui->summaryLabel->setText(QStringLiteral("A trace from another tool: the code beside it is the selected pattern's, not this trace's."));
        setWindowTitle(QStringLiteral("%1 — Coroscope").arg(m_opened->caption()));
        return;
    }
    m_ui->titleLabel->setText(title);
    m_ui->summaryLabel->setText(info ? info->summary : QString());
    if (opened)
        setWindowTitle(QStringLiteral("%1 — %2 — Coroscope").arg(m_opened->caption(), title));
    else
        setWindowTitle(title.isEmpty() ? QStringLiteral("Coroscope") : QStringLiteral("%1 — Coroscope").arg(title));
}

} // namespace coroscope::app
