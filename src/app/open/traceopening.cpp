// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/open/traceopening.h"

#include "app/models/jobtracker.h"

#include <QFileDialog>
#include <QMimeData>
#include <QProgressDialog>
#include <QUrl>

namespace coroscope::app {

TraceOpening::TraceOpening(QWidget *window)
    : QObject(window)
    , m_window(window)
    , m_jobs(new JobTracker(JobTracker::Policy::LatestOnly, this))
{
}

TraceOpening::~TraceOpening()
{
    // Stops a load still under way before anything it reports to goes.
    delete m_jobs;
}

void TraceOpening::start(const QString &description, Job job, Progress progress, std::function<void(OpenResult &)> done)
{
    auto finish = [this, done](OpenResult &result) {
        closeDialog();
        done(result);
    };
    m_jobs->start<OpenResult>(
        description,
        [job = std::move(job)](const JobControl &control) {
            return job([&control](int percent) { return control.reportProgress(percent); });
        },
        finish,
        [finish]() mutable {
            OpenResult cancelled;
            cancelled.cancelled = true;
            finish(cancelled);
        });
    if (progress != Progress::Dialog)
        return;
    // Not modal: a modal one runs the event loop inside setValue(), and the import may end in
    // there. A run started meanwhile cancels the import.
    m_dialog = new QProgressDialog(tr("Reading %1…").arg(description), tr("Cancel"), 0, 100, m_window);
    m_dialog->setObjectName(QStringLiteral("importProgress"));
    m_dialog->setWindowTitle(tr("Open trace"));
    m_dialog->setWindowModality(Qt::NonModal);
    m_dialog->setMinimumDuration(300);
    m_dialog->setAutoReset(false);
    m_dialog->setAutoClose(false);
    connect(m_dialog, &QProgressDialog::canceled, this, &TraceOpening::cancel);
    connect(m_jobs, &JobTracker::progressChanged, m_dialog, &QProgressDialog::setValue);
}

void TraceOpening::closeDialog()
{
    if (!m_dialog)
        return;
    m_dialog->disconnect(this);
    disconnect(m_jobs, nullptr, m_dialog, nullptr);
    m_dialog->deleteLater();
    m_dialog = nullptr;
}

void TraceOpening::cancel()
{
    m_jobs->cancel();
}

bool TraceOpening::isBusy() const
{
    return m_jobs->isBusy();
}

QString TraceOpening::description() const
{
    return m_jobs->description();
}

QString droppedTraceFile(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().first().isLocalFile())
        return {};
    const auto path = mime->urls().first().toLocalFile();
    return path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ? path : QString();
}

QString chooseTraceFile(QWidget *parent)
{
    return QFileDialog::getOpenFileName(parent, QObject::tr("Open a trace"), QString(),
                                        QObject::tr("Chrome trace (*.json);;All files (*)"));
}

} // namespace coroscope::app
