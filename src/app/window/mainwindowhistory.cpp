// SPDX-License-Identifier: GPL-3.0-or-later
// The window's run history and its opening of stored runs and trace files.
#include "app/history/historypanel.h"
#include "app/models/eventlogmodel.h"
#include "app/models/historymodel.h"
#include "app/models/replaycontroller.h"
#include "app/models/timelinestate.h"
#include "app/models/tracecontroller.h"
#include "app/run/parameterpanel.h"
#include "app/run/statspanel.h"
#include "app/window/mainwindow.h"
#include "patterns/runreport.h"
#include "timeline/timeformat.h"
#include "timeline/timelinemodel.h"
#include "ui_mainwindow.h"

#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressDialog>
#include <QStatusBar>

namespace coroscope::app {

using timeline::formatDuration;
namespace {

// The one local .json file a drag carries, or an empty string.
QString droppedTraceFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().first().isLocalFile())
        return {};
    const auto path = mime->urls().first().toLocalFile();
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? path : QString();
}

} // namespace

void MainWindow::createHistoryPanel()
{
    m_historyModel = new HistoryModel(this);
    m_historyPanel = new HistoryPanel(this);
    m_historyPanel->setModel(m_historyModel);
    m_historyDock = new QDockWidget(QStringLiteral("History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                               | QDockWidget::DockWidgetFloatable);
    m_historyDock->setWidget(m_historyPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_historyDock);
    resizeDocks({m_historyDock}, {fontMetrics().height() * 10}, Qt::Vertical);
    connect(m_historyPanel, &HistoryPanel::openRequested, this, &MainWindow::openHistoryRun);
    m_historyPanel->setCompareEnabled(true);
    connect(m_historyPanel, &HistoryPanel::compareRequested, this, &MainWindow::openComparison);
    m_historyPanel->showMessage(QStringLiteral("History is off: no history file is set"));

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
}

void MainWindow::setHistoryPath(const QString &path)
{
    m_historyPath = path;
    m_shown->dropRecording();
    // On a machine's first start the data folder does not exist yet; a path that cannot be a
    // folder (a file in the way) is left to open() to explain.
    if (!path.isEmpty())
        QDir().mkpath(QFileInfo(path).absolutePath());
    if (m_historyModel->open(path)) {
        m_historyProblem.clear();
        m_historyPanel->showMessage({});
        return;
    }
    m_historyProblem = m_historyModel->errorString();
    m_historyPanel->showMessage(QStringLiteral("History is off: ") + m_historyProblem);
    if (!path.isEmpty())
        statusBar()->showMessage(QStringLiteral("History is off: ") + m_historyProblem, 15'000);
}

bool MainWindow::isRecordingHistory() const
{
    return m_shown->isRecording();
}

void MainWindow::refreshHistory()
{
    if (m_historyModel->isOpen() && !m_historyModel->refresh())
        m_historyPanel->showMessage(m_historyModel->errorString());
}

const trace::Trace *MainWindow::shownTrace() const
{
    return m_shown->trace();
}

bool MainWindow::isRunning() const
{
    return m_shown->isRunning();
}

const OpenedTrace *MainWindow::openedTrace() const
{
    return m_shown->opened();
}

patterns::PatternRun *MainWindow::currentRun() const
{
    return m_shown->run();
}

bool MainWindow::isOpening() const
{
    return m_openings->isBusy();
}

void MainWindow::cancelOpening()
{
    m_openings->cancel();
}

bool MainWindow::startOpening(const QString &description, OpenJob job)
{
    if (isRunning()) {
        statusBar()->showMessage(QStringLiteral("Cannot open %1 while a run goes: stop it first").arg(description), 8000);
        return false;
    }
    if (isOpening()) {
        statusBar()->showMessage(QStringLiteral("Still opening %1").arg(m_openings->description()), 8000);
        return false;
    }
    m_openings->start<OpenResult>(
        description,
        [job = std::move(job)](const JobControl &control) {
            return job([&control](int percent) { return control.reportProgress(percent); });
        },
        [this](OpenResult &result) { onOpeningFinished(result); },
        [this] {
            OpenResult cancelled;
            cancelled.cancelled = true;
            onOpeningFinished(cancelled);
        });
    statusBar()->showMessage(QStringLiteral("Opening %1…").arg(description));
    updateActions();
    return true;
}

bool MainWindow::openHistoryRun(qint64 id)
{
    if (!m_historyModel->isOpen()) {
        showProblem(QStringLiteral("Cannot open run #%1: the history is off (%2)").arg(id).arg(m_historyProblem));
        return false;
    }
    const auto path = m_historyPath;
    const auto description = QStringLiteral("run #%1").arg(id);
    if (!startOpening(description,
                      [path, id](const OpenProgress &progress) { return loadHistoryRun(path, id, progress); }))
        return false;
    m_historyPanel->setBusy(true, QStringLiteral("Loading %1…").arg(description));
    return true;
}

bool MainWindow::openTraceFile(const QString &path)
{
    const auto name = QFileInfo(path).fileName();
    if (!startOpening(name, [path](const OpenProgress &progress) { return importTraceFile(path, progress); }))
        return false;
    // Not modal: a modal one runs the event loop inside setValue(), and the import may end in
    // there. A run started meanwhile cancels the import.
    m_progressDialog = new QProgressDialog(QStringLiteral("Reading %1…").arg(name), QStringLiteral("Cancel"), 0, 100,
                                           this);
    m_progressDialog->setObjectName(QStringLiteral("importProgress"));
    m_progressDialog->setWindowTitle(QStringLiteral("Open trace"));
    m_progressDialog->setWindowModality(Qt::NonModal);
    m_progressDialog->setMinimumDuration(300);
    m_progressDialog->setAutoReset(false);
    m_progressDialog->setAutoClose(false);
    connect(m_progressDialog, &QProgressDialog::canceled, this, &MainWindow::cancelOpening);
    connect(m_openings, &JobTracker::progressChanged, m_progressDialog, &QProgressDialog::setValue);
    return true;
}

void MainWindow::chooseTraceFile()
{
    const auto path = QFileDialog::getOpenFileName(this, QStringLiteral("Open a trace"), QString(),
                                                   QStringLiteral("Chrome trace (*.json);;All files (*)"));
    if (!path.isEmpty())
        openTraceFile(path);
}

void MainWindow::onOpeningFinished(OpenResult &result)
{
    if (m_progressDialog) {
        m_progressDialog->disconnect(this);
        disconnect(m_openings, nullptr, m_progressDialog, nullptr);
        m_progressDialog->deleteLater();
        m_progressDialog = nullptr;
    }
    m_historyPanel->setBusy(false);
    const auto what = m_openings->description();
    const bool shown = result.opened != nullptr;
    if (result.cancelled) {
        statusBar()->showMessage(QStringLiteral("Opening %1 cancelled: the timeline is as it was").arg(what), 8000);
    } else if (!shown) {
        showProblem(result.error.isEmpty() ? QStringLiteral("Cannot open %1").arg(what) : result.error);
    } else {
        showOpenedTrace(std::move(result.opened));
    }
    updateActions();
    Q_EMIT openFinished(shown);
}

void MainWindow::showOpenedTrace(std::unique_ptr<OpenedTrace> opened)
{
    // The pattern first: its code is what the waits point into (and selecting it puts away a
    // finished run of another pattern).
    if (!opened->patternId.isEmpty() && selectPattern(opened->patternId)) {
        // What it ran with; values the pattern no longer accepts keep their defaults.
        parameterPanel()->resetToDefaults();
        parameterPanel()->setValues(opened->parameters);
    }
    m_shown->showOpened(std::move(opened));
    const auto &shown = *m_shown->opened();
    const auto summary = showFinishedTrace(shown.trace);
    statsPanel()->showStatus(shown.status, shown.summary);
    const auto caption = shown.caption();
    m_runLabel->setText(QStringLiteral("%1: %2 in %3")
                            .arg(caption, shown.status.isEmpty() ? QStringLiteral("imported") : shown.status,
                                 formatDuration(summary.wallNs)));
    m_banner->setText(bannerText());
    m_banner->show();
    QString message = QStringLiteral("Showing %1 (%L2 events)").arg(caption).arg(shown.trace.events().size());
    if (!shown.warnings.isEmpty())
        message += QStringLiteral("; note: ") + shown.warnings.join(QStringLiteral("; "));
    statusBar()->showMessage(message, 15'000);
    if (shown.historyId > 0)
        m_historyPanel->selectRuns({shown.historyId});
    updateTitles();
    updateActions();
    updateCode();
    updateTimeLabel();
}

QString MainWindow::bannerText() const
{
    const auto *opened = m_shown->opened();
    if (!opened)
        return {};
    const auto name = opened->name.isEmpty() ? QString() : QStringLiteral(" “%1”").arg(opened->name);
    if (opened->historyId > 0)
        return QStringLiteral("Stored run #%1%2 from %3, not a live run. Run (F5) starts a new one.")
            .arg(opened->historyId)
            .arg(name, opened->startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    return QStringLiteral("Imported trace %1%2, not a live run.").arg(QFileInfo(opened->filePath).fileName(), name);
}

void MainWindow::showProblem(const QString &text)
{
    statusBar()->showMessage(text, 15'000);
    // Not modal: a failed opening must not stop anything else.
    auto *box = new QMessageBox(QMessageBox::Warning, QStringLiteral("Coroscope"), text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("problemMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->show();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedTraceFile(event->mimeData()).isEmpty() && !isRunning())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const auto path = droppedTraceFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    openTraceFile(path);
}

} // namespace coroscope::app
