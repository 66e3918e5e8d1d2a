// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/runreport.h"
#include "report/exporter.h"

#include <QHash>
#include <QMainWindow>

#include <array>
#include <memory>

class QLabel;
class QTableView;

namespace coroscope::timeline {
class TimelineModel;
}

namespace coroscope::app {

using timeline::TimelineModel;

class ComparisonModel;
class ExportFeedback;
class TimeWindowLink;
class TimelinePanel;
class TimelineState;

// Two stored runs, A above B, on one shared time axis: both start at zero and the axis spans
// the longer one, so equal lengths are equal durations. Zooming, panning and the playhead are
// shared; below them a table says what differs (ComparisonModel). Each run is drawn by the
// same timeline model, view and painter as the live run.
class CompareWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int RunCount = 2;

    // Opens runs `first` (A) and `second` (B) of the history at `historyPath`; nullptr with
    // the reason in `error` when either cannot be loaded.
    static CompareWindow *load(const QString &historyPath, qint64 first, qint64 second, QString *error,
                               QWidget *parent = nullptr);

    CompareWindow(patterns::StoredRun first, patterns::StoredRun second, QWidget *parent = nullptr);
    ~CompareWindow() override;

    // 0 is A, 1 is B. A run's times start at zero here.
    const patterns::StoredRun &run(int which) const { return *m_sides[std::size_t(which)].run; }
    // "A: gather: independent calls in parallel"
    QString heading(int which) const;
    TimelinePanel *timeline(int which) const { return m_sides[std::size_t(which)].panel; }
    TimelineModel *timelineModel(int which) const { return m_sides[std::size_t(which)].model; }
    TimelineState *timelineState(int which) const { return m_sides[std::size_t(which)].state; }
    ComparisonModel *comparisonModel() const { return m_comparison; }
    QTableView *differencesView() const { return m_table; }
    ExportFeedback *exportFeedback() const { return m_feedback; }
    struct Actions {
        QAction *zoomIn = nullptr;
        QAction *zoomOut = nullptr;
        QAction *fit = nullptr;
        QAction *exportComparison = nullptr;
        QAction *close = nullptr;
    };
    const Actions &compareActions() const { return m_actions; }

public Q_SLOTS:
    // Writes the comparison to `path`: .html (report), .svg or .png (both timelines). Reports
    // through exportFinished() and the window (a message box on failure).
    void exportTo(const QString &path, const report::ExportOptions &options = {});

Q_SIGNALS:
    void exportFinished(bool ok, const QString &path, const QString &error);

private:
    struct Side {
        std::shared_ptr<const patterns::StoredRun> run;
        TimelineModel *model = nullptr;
        TimelineState *state = nullptr;
        TimelinePanel *panel = nullptr;
        QLabel *label = nullptr;
    };

    QWidget *createSide(int which, patterns::StoredRun stored);
    void createActions();
    void alignNameColumns();
    void chooseExportTarget();
    QString details(int which) const;

    std::array<Side, RunCount> m_sides;
    TimeWindowLink *m_link;
    ComparisonModel *m_comparison;
    QTableView *m_table = nullptr;
    ExportFeedback *m_feedback = nullptr;
    Actions m_actions;
    QString m_exportFolder;
};

} // namespace coroscope::app
