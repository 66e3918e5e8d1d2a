// SPDX-License-Identifier: GPL-3.0-or-later
// The window's run history and its opening of stored runs and trace files.
#include "app/history/historydock.h"
#include "app/history/historypanel.h"
#include "app/models/tracecontroller.h"
#include "app/models/windowheading.h"
#include "app/run/parameterpanel.h"
#include "app/run/statspanel.h"
#include "app/timeline/captionbar.h"
#include "app/timeline/replaycontrols.h"
#include "app/window/mainwindow.h"
#include "app/window/statusindicators.h"
#include "patterns/runreport.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMessageBox>
#include <QStatusBar>

namespace coroscope::app {

void MainWindow::setHistoryPath(const QString &path)
{
    m_shown->dropRecording();
    if (!m_history->setPath(path) && !path.isEmpty())
        statusBar()->showMessage(tr("History is off: ") + m_history->problem(), 15'000);
}

QString MainWindow::historyPath() const
{
    return m_history->path();
}

bool MainWindow::isRecordingHistory() const
{
    return m_shown->isRecording();
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
    return m_opening->isBusy();
}

void MainWindow::cancelOpening()
{
    m_opening->cancel();
}

bool MainWindow::startOpening(const QString &description, TraceOpening::Job job, TraceOpening::Progress progress)
{
    if (isRunning()) {
        statusBar()->showMessage(tr("Cannot open %1 while a run goes: stop it first").arg(description), 8000);
        return false;
    }
    if (isOpening()) {
        statusBar()->showMessage(tr("Still opening %1").arg(m_opening->description()), 8000);
        return false;
    }
    m_opening->start(description, std::move(job), progress, [this](OpenResult &result) { onOpeningFinished(result); });
    statusBar()->showMessage(tr("Opening %1…").arg(description));
    updateActions();
    return true;
}

bool MainWindow::openHistoryRun(qint64 id)
{
    if (!m_history->isOn()) {
        showProblem(tr("Cannot open run #%1: the history is off (%2)").arg(id).arg(m_history->problem()));
        return false;
    }
    const auto path = m_history->path();
    const auto description = tr("run #%1").arg(id);
    auto load = [path, id](const OpenProgress &progress) { return loadHistoryRun(path, id, progress); };
    if (!startOpening(description, load, TraceOpening::Progress::Quiet))
        return false;
    m_history->panel()->setBusy(true, tr("Loading %1…").arg(description));
    return true;
}

bool MainWindow::openTraceFile(const QString &path)
{
    auto import = [path](const OpenProgress &progress) { return importTraceFile(path, progress); };
    return startOpening(QFileInfo(path).fileName(), import, TraceOpening::Progress::Dialog);
}

void MainWindow::onOpeningFinished(OpenResult &result)
{
    m_history->panel()->setBusy(false);
    const auto what = m_opening->description();
    const bool shown = result.opened != nullptr;
    if (result.cancelled) {
        statusBar()->showMessage(tr("Opening %1 cancelled: the timeline is as it was").arg(what), 8000);
    } else if (!shown) {
        showProblem(result.error.isEmpty() ? tr("Cannot open %1").arg(what) : result.error);
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
    m_indicators->showEnded(caption, shown.status.isEmpty() ? tr("imported") : shown.status, summary.wallNs);
    QString message = tr("Showing %1 (%L2 events)").arg(caption).arg(shown.trace.events().size());
    if (!shown.warnings.isEmpty())
        message += tr("; note: ") + shown.warnings.join(QStringLiteral("; "));
    statusBar()->showMessage(message, 15'000);
    m_history->showShownRun(shown.historyId);
    updateHeading();
    updateActions();
    updateCode();
    m_playheadLabel->refresh();
    m_caption->refresh();
}

QString MainWindow::bannerText() const
{
    return windowHeading(m_pattern ? &m_pattern->info() : nullptr, m_shown->opened(), isRunning()).banner;
}

void MainWindow::showProblem(const QString &text)
{
    statusBar()->showMessage(text, 15'000);
    // Not modal: a failed opening must not stop anything else.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Coroscope"), text, QMessageBox::Ok, this);
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
