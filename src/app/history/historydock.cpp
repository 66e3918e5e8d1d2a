// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/history/historydock.h"

#include "app/compare/comparewindow.h"
#include "app/history/historypanel.h"
#include "app/history/runpickerdialog.h"
#include "app/models/historymodel.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>

namespace coroscope::app {

HistoryDock::HistoryDock(QWidget *parent)
    : QDockWidget(tr("History"), parent)
    , m_model(new HistoryModel(this))
    , m_panel(new HistoryPanel(this))
{
    setObjectName(QStringLiteral("historyDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    m_panel->setModel(m_model);
    m_panel->setCompareEnabled(true);
    m_panel->showMessage(tr("History is off: ") + m_problem);
    setWidget(m_panel);
    connect(m_panel, &HistoryPanel::openRequested, this, &HistoryDock::openRequested);
    connect(m_panel, &HistoryPanel::compareRequested, this, &HistoryDock::openComparison);
}

bool HistoryDock::setPath(const QString &path)
{
    m_path = path;
    // A path that cannot be a folder (a file in the way) is left to open() to explain.
    if (!path.isEmpty())
        QDir().mkpath(QFileInfo(path).absolutePath());
    if (m_model->open(path)) {
        m_problem.clear();
        m_panel->showMessage({});
        return true;
    }
    m_problem = m_model->errorString();
    m_panel->showMessage(tr("History is off: ") + m_problem);
    return false;
}

bool HistoryDock::isOn() const
{
    return m_model->isOpen();
}

void HistoryDock::refresh()
{
    if (m_model->isOpen() && !m_model->refresh())
        m_panel->showMessage(m_model->errorString());
}

void HistoryDock::showShownRun(qint64 id)
{
    if (id > 0)
        m_panel->selectRuns({id});
}

void HistoryDock::chooseRunsToCompare()
{
    // The model has the file open already; re-read it for runs stored elsewhere.
    if (!m_model->refresh()) {
        auto why = m_model->errorString();
        if (why.isEmpty())
            why = m_problem;
        QMessageBox::warning(this, tr("Compare runs"),
                             tr("Cannot read the run history %1:\n%2").arg(QDir::toNativeSeparators(m_path), why));
        return;
    }
    RunPickerDialog picker(m_model->runs(), this);
    if (picker.exec() != QDialog::Accepted)
        return;
    const auto [first, second] = picker.selectedRuns();
    openComparison(first, second);
}

CompareWindow *HistoryDock::openComparison(qint64 first, qint64 second)
{
    QString error;
    // The window's child, not the dock's: it outlives the dock being hidden or floated.
    auto *window = CompareWindow::load(m_path, first, second, &error, parentWidget());
    if (!window) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Compare runs"),
                                    tr("Cannot compare runs %1 and %2").arg(first).arg(second), QMessageBox::Ok,
                                    parentWidget());
        box->setInformativeText(error);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return nullptr;
    }
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
    return window;
}

} // namespace coroscope::app
