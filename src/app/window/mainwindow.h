// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/models/openedtrace.h"
#include "app/models/windowsettings.h"
#include "app/open/traceopening.h"
#include "app/window/mainactions.h"
#include "app/window/theme.h"
#include "patterns/patternrun.h"
#include "report/exporter.h"
#include "trace/summary.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>
#include <optional>

namespace Ui {
class MainWindow;
}
class QLabel;

namespace coroscope::timeline {
class TimelineModel;
}

namespace coroscope::app {

using timeline::TimelineModel;

class Environment;
class CaptionBar;
class EventLogModel;
class EventLogPanel;
class HistoryDock;
class ExportFeedback;
class ParameterPanel;
class PatternBrowser;
class PlayheadLabel;
class PresentationMode;
class ReplayController;
class SourcePanel;
class SpeedBox;
class StatusIndicators;
class StatsPanel;
class TimelineState;
class TimelineView;
class TraceController;

// The Coroscope window: pick a pattern, set its parameters, run it, and watch its tasks on the
// timeline with the code, the event log and the numbers kept in step.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Environment *environment, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Layout, theme, last pattern and its parameters come from QSettings and go back on close.
    // Off by default, so tests and screenshots start from the same window every time.
    // Returns whether a saved window geometry was applied.
    bool restoreSettings();
    void saveSettings();

    bool selectPattern(const QString &id);
    QString currentPatternId() const;
    // Applies what is valid, returns what was rejected.
    QStringList setParameterValues(const QVariantMap &values);

    // false (with the reason in the status bar) if there is nothing valid to run.
    bool startRun();
    void stopRun();
    bool runAgain();
    bool isRunning() const;
    // After a run: selects a telling task and puts the playhead where most tasks wait, so a
    // still picture shows what the pattern is about.
    void showcase();

    void setTheme(Theme theme);

    // The history file every run is recorded into and the History panel lists. Until it is
    // set (the app sets patterns::defaultHistoryPath(), tests a temporary file) the history is
    // off. A file that cannot be opened turns it off too, with the reason shown, and runs
    // still go.
    void setHistoryPath(const QString &path);
    QString historyPath() const;
    // Whether the current (or last) run is being stored; historyDock()->problem() says why not.
    bool isRecordingHistory() const;
    HistoryDock *historyDock() const { return m_history; }

    // Show a stored run, or a Chrome trace file (ours or another tool's), as a finished run.
    // Both load off the GUI thread and end with openFinished(); the shown run stays until then,
    // and stays for good if the opening fails or is cancelled. false (with the reason in the
    // status bar) if a run is going or another opening is under way.
    bool openHistoryRun(qint64 id);
    bool openTraceFile(const QString &path);
    void cancelOpening();
    bool isOpening() const;
    // The stored run or file shown instead of a live run; nullptr while a run is shown.
    const OpenedTrace *openedTrace() const;
    // What the timeline, event log and stats show: the live run's trace or the opened one.
    const trace::Trace *shownTrace() const;
    // The one-line banner over the timeline saying an opened trace is not a live run.
    QString bannerText() const;

    patterns::PatternRun *currentRun() const;
    TimelineModel *timelineModel() const { return m_timelineModel; }
    TimelineState *timelineState() const { return m_state; }
    EventLogModel *eventLogModel() const { return m_logModel; }
    ReplayController *replay() const { return m_replay; }
    ParameterPanel *parameterPanel() const;
    PatternBrowser *patternBrowser() const;
    TimelineView *timelineView() const;
    SourcePanel *sourcePanel() const;
    StatsPanel *statsPanel() const;
    EventLogPanel *eventLogPanel() const;
    const MainActions &mainActions() const { return m_actions; }
    PresentationMode *presentation() const { return m_presentation; }
    CaptionBar *captionBar() const { return m_caption; }

public Q_SLOTS:
    // Writes the current run to `path` in the format its suffix names (report::exportTrace), off
    // the GUI thread where it can; reports through exportFinished() and the window.
    void exportTo(const QString &path, const report::ExportOptions &options = {});

Q_SIGNALS:
    void runFinished();
    // An opening ended: `shown` if the opened trace is on the timeline now.
    void openFinished(bool shown);
    void exportFinished(bool ok, const QString &path, const QString &error);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void connectActions();
    void createPresentationMode();
    void createMenusAndToolBar();
    void setDefaultLayout();
    void onPatternSelected(const QString &id);
    void onEventsAppended();
    void onRunFinished();
    trace::Summary showFinishedTrace(const trace::Trace &trace);
    bool startOpening(const QString &description, TraceOpening::Job job, TraceOpening::Progress progress);
    void onOpeningFinished(OpenResult &result);
    void showOpenedTrace(std::unique_ptr<OpenedTrace> opened);
    void putAwayShownTrace();
    void showProblem(const QString &text);
    void updateHeading();
    void updateActions();
    void updateCode();
    void updateLiveStats();
    void refreshIcons();
    void changeFontSize(int steps);
    void chooseExportTarget();
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    Environment *m_environment;
    TimelineModel *m_timelineModel;
    EventLogModel *m_logModel;
    TimelineState *m_state;
    ReplayController *m_replay;
    TraceController *m_shown;
    HistoryDock *m_history;
    PresentationMode *m_presentation = nullptr;
    TraceOpening *m_opening;
    StatusIndicators *m_indicators = nullptr;
    QLabel *m_banner = nullptr;
    const patterns::Pattern *m_pattern = nullptr;
    QString m_exportFolder;
    ExportFeedback *m_exportFeedback = nullptr;
    MainActions m_actions;
    SpeedBox *m_speedBox = nullptr;
    PlayheadLabel *m_playheadLabel = nullptr;
    CaptionBar *m_caption = nullptr;
    QTimer m_statsTimer;
    QTimer m_codeTimer;
    Theme m_theme = Theme::System;
    double m_baseFontPoints = 0;
    int m_fontSteps = 0;
    // Set by restoreSettings(): the window remembers from then on.
    std::optional<WindowSettings> m_settings;
};

} // namespace coroscope::app
