// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDockWidget>

namespace coroscope::app {

class CompareWindow;
class HistoryModel;
class HistoryPanel;

// The run history as a dock: the History panel over the history file, which file that is and
// why the history is off when it cannot be opened, and comparing two of its runs.
class HistoryDock : public QDockWidget
{
    Q_OBJECT
public:
    explicit HistoryDock(QWidget *parent);

    // Opens `path`, making its folder on a machine's first start. false, with problem() saying
    // why, when it cannot be opened (runs still go, unrecorded); an empty path turns it off.
    bool setPath(const QString &path);
    QString path() const { return m_path; }
    // Why the history is off; empty while it is on.
    QString problem() const { return m_problem; }
    bool isOn() const;

    HistoryModel *model() const { return m_model; }
    HistoryPanel *panel() const { return m_panel; }

    // Re-reads the file: a run was stored, or another process stored one.
    void refresh();
    // Marks the run now on the timeline (0: none is from the history).
    void showShownRun(qint64 id);

    // Asks which two runs to compare (warning when the history cannot be read), then opens them.
    void chooseRunsToCompare();
    // Runs `first` (A) and `second` (B) side by side in a window of their own; nullptr, with
    // the reason in a message box, when they cannot be loaded.
    CompareWindow *openComparison(qint64 first, qint64 second);

Q_SIGNALS:
    void openRequested(qint64 runId);

private:
    HistoryModel *m_model;
    HistoryPanel *m_panel;
    QString m_path;
    QString m_problem = QStringLiteral("no history file is set");
};

} // namespace coroscope::app
