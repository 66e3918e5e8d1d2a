// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/theme.h"
#include "patterns/patternrun.h"
#include "report/exporter.h"

#include <QDateTime>
#include <QHash>
#include <QMainWindow>
#include <QTimer>

#include <memory>

namespace Ui {
class MainWindow;
}
class QComboBox;
class QLabel;

namespace coroscope::app {

class Environment;
class EventLogModel;
class CompareWindow;
class EventLogPanel;
class ExportFeedback;
class ParameterPanel;
class PatternBrowser;
class ReplayController;
class SourcePanel;
class StatsPanel;
class TimelineModel;
class TimelineState;
class TimelineView;

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
    void saveSettings() const;
    void setPersistent(bool persistent) { m_persistent = persistent; }

    bool selectPattern(const QString &id);
    QString currentPatternId() const;
    // Applies what is valid, returns what was rejected.
    QStringList setParameterValues(const QVariantMap &values);

    // false (with the reason in the status bar) if there is nothing valid to run.
    bool startRun();
    void stopRun();
    bool runAgain();
    bool isRunning() const { return m_run && m_run->isRunning(); }
    // After a run: selects a telling task and puts the playhead where most tasks wait, so a
    // still picture shows what the pattern is about.
    void showcase();

    void setTheme(Theme theme);

    // The run history that comparisons read (patterns::defaultHistoryPath() unless set).
    QString historyPath() const { return m_historyPath; }
    void setHistoryPath(const QString &path) { m_historyPath = path; }

    patterns::PatternRun *currentRun() const { return m_run.get(); }
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
    // "run", "stop", "runAgain", "zoomIn", "zoomOut", "fit", "follow", "play", "next", "previous", ...
    QAction *action(const QString &name) const { return m_actions.value(name); }

public Q_SLOTS:
    // Writes the current run to `path` in the format its suffix names (report::exportTrace), off
    // the GUI thread where it can; reports through exportFinished() and the window.
    void exportTo(const QString &path, const report::ExportOptions &options = {});
    // Opens runs `first` (A) and `second` (B) of the history side by side; nullptr (with the
    // reason in a message box) if they cannot be loaded. Receives the history panel's
    // compareRequested().
    CompareWindow *openComparison(qint64 first, qint64 second);

Q_SIGNALS:
    void runStarted();
    void runFinished();
    void exportFinished(bool ok, const QString &path, const QString &error);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QAction *addAction(const QString &name, const QString &text, const QList<QKeySequence> &shortcuts,
                       const QString &tip = {});
    void createActions();
    void createMenusAndToolBar();
    void setDefaultLayout();
    void onPatternSelected(const QString &id);
    void onEventsAppended(qsizetype first, qsizetype count);
    void onRunFinished();
    void updateActions();
    void updateCode();
    void updateLiveStats();
    void updateTimeLabel();
    void refreshIcons();
    void changeFontSize(int steps);
    void chooseExportTarget();
    void chooseRunsToCompare();
    void showShortcuts();
    void showAbout();
    QString aboutHtml() const;

    std::unique_ptr<Ui::MainWindow> m_ui;
    Environment *m_environment;
    TimelineModel *m_timelineModel;
    EventLogModel *m_logModel;
    TimelineState *m_state;
    ReplayController *m_replay;
    std::unique_ptr<patterns::PatternRun> m_run;
    const patterns::Pattern *m_pattern = nullptr;
    const patterns::Pattern *m_lastPattern = nullptr;
    QVariantMap m_lastValues;
    QDateTime m_runStartedAt;
    QString m_historyPath;
    QString m_exportFolder;
    ExportFeedback *m_exportFeedback = nullptr;
    QHash<QString, QAction *> m_actions;
    QComboBox *m_speedCombo = nullptr;
    QLabel *m_timeLabel = nullptr;
    QLabel *m_runLabel = nullptr;
    QLabel *m_serverLabel = nullptr;
    QTimer m_statsTimer;
    QTimer m_codeTimer;
    Theme m_theme = Theme::System;
    double m_baseFontPoints = 0;
    int m_fontSteps = 0;
    bool m_persistent = false;
};

} // namespace coroscope::app
