// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/export/exportfeedback.h"

#include "app/models/jobtracker.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>
#include <QUrl>

namespace coroscope::app {
namespace {

constexpr int successMessageMs = 20'000;

} // namespace

ExportFeedback::ExportFeedback(QMainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_jobs(new JobTracker(JobTracker::Policy::Every, this))
    , m_openFolder(new QLabel(window))
{
    m_openFolder->setTextFormat(Qt::RichText);
    m_openFolder->hide();
    connect(m_openFolder, &QLabel::linkActivated, this,
            [](const QString &link) { QDesktopServices::openUrl(QUrl(link)); });
    window->statusBar()->addWidget(m_openFolder);
    // The link belongs to the success message and goes when it does.
    connect(window->statusBar(), &QStatusBar::messageChanged, this, [this](const QString &message) {
        if (message.isEmpty())
            m_openFolder->hide();
    });
}

void ExportFeedback::write(const QString &path, Work work)
{
    struct Written {
        bool ok = false;
        QString error;
    };
    started(path);
    m_jobs->start<Written>(
        path,
        [work = std::move(work)](const JobControl &) {
            Written written;
            written.ok = work(&written.error);
            return written;
        },
        [this, path](Written &written) {
            finished(written.ok, path, written.error);
            Q_EMIT exported(written.ok, path, written.error);
        });
}

void ExportFeedback::started(const QString &path)
{
    m_openFolder->hide();
    m_window->statusBar()->showMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
}

void ExportFeedback::finished(bool ok, const QString &path, const QString &error)
{
    const auto shown = QDir::toNativeSeparators(path);
    if (ok) {
        m_window->statusBar()->showMessage(tr("Exported to %1").arg(shown), successMessageMs);
        const auto folder = QUrl::fromLocalFile(QFileInfo(path).absolutePath()).toString();
        m_openFolder->setText(QStringLiteral("<a href=\"%1\">Open folder</a>").arg(folder.toHtmlEscaped()));
        m_openFolder->show();
        return;
    }
    m_window->statusBar()->showMessage(tr("Export failed: %1").arg(shown), successMessageMs);
    if (m_errorBox)
        m_errorBox->close();
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Export failed"), tr("Could not export to %1").arg(shown),
                                QMessageBox::Ok, m_window);
    box->setInformativeText(error.isEmpty() ? tr("The reason is unknown.") : error);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_errorBox = box;
    box->open();
}

} // namespace coroscope::app
