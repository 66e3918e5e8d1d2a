// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QWidget>

#include <memory>

namespace Ui {
class HistoryPanel;
}
class QAction;
class QTableView;

namespace coroscope::app {

class HistoryModel;

// The list of stored runs with what can be done to them: open one (double-click, Enter),
// rename it (F2, or edit the name in place), delete some (Del, after asking), and, once a
// comparison view listens, compare two.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget *parent = nullptr);
    ~HistoryPanel() override;

    void setModel(HistoryModel *model);
    HistoryModel *model() const { return m_model; }
    QTableView *table() const;
    struct Actions {
        QAction *open = nullptr;
        QAction *rename = nullptr;
        QAction *remove = nullptr; // "Delete"
        QAction *compare = nullptr;
    };
    const Actions &historyActions() const { return m_actions; }

    // Selected runs, in list order (newest first).
    QList<qint64> selectedRunIds() const;
    void selectRuns(const QList<qint64> &ids);

    // Comparison is offered only once something handles compareRequested().
    void setCompareEnabled(bool enabled);
    // A line next to the buttons: why the history is off, what failed. Empty hides it.
    void showMessage(const QString &text);
    QString message() const;
    // An indeterminate progress bar with `what` as its tooltip while a run loads.
    void setBusy(bool busy, const QString &what = {});
    bool isBusy() const;

    // Asks before deleting the selected runs (without blocking: the answer comes later).
    void deleteSelected();
    void renameCurrent();
    void openCurrent();

Q_SIGNALS:
    void openRequested(qint64 runId);
    void compareRequested(qint64 first, qint64 second);

private:
    QAction *addAction(const char *name, const QString &text, const QKeySequence &key, const QString &tip);
    void updateActions();
    void updateCount();

    std::unique_ptr<Ui::HistoryPanel> m_ui;
    HistoryModel *m_model = nullptr;
    Actions m_actions;
    QList<qint64> m_selectionBeforeReset;
    bool m_compareEnabled = false;
};

} // namespace coroscope::app
