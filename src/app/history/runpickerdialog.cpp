// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/history/runpickerdialog.h"

#include "timeline/timeformat.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace coroscope::app {

using timeline::formatDuration;

RunPickerDialog::RunPickerDialog(const std::vector<report::HistoryRun> &runs, QWidget *parent)
    : QDialog(parent)
    , m_first(new QComboBox(this))
    , m_second(new QComboBox(this))
    , m_note(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Compare runs"));
    for (const auto &run : runs) {
        m_first->addItem(describe(run), run.id);
        m_second->addItem(describe(run), run.id);
    }
    // Newest first: B is the latest run, A the one before it.
    m_second->setCurrentIndex(runs.empty() ? -1 : 0);
    m_first->setCurrentIndex(runs.size() > 1 ? 1 : -1);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Compare"));
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Run &A:"), m_first);
    form->addRow(tr("Run &B:"), m_second);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Both runs are drawn on one time axis, with what differs between them."), this));
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_first, &QComboBox::currentIndexChanged, this, &RunPickerDialog::updateButtons);
    connect(m_second, &QComboBox::currentIndexChanged, this, &RunPickerDialog::updateButtons);
    updateButtons();
    resize(fontMetrics().averageCharWidth() * 90, sizeHint().height());
}

QString RunPickerDialog::describe(const report::HistoryRun &run)
{
    const QString name = run.name.isEmpty() ? run.patternId : run.name;
    return QStringLiteral("#%1  %2 · %3 · %4 · %5")
        .arg(QString::number(run.id), name, run.status, formatDuration(run.wallNs),
             run.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")));
}

std::pair<qint64, qint64> RunPickerDialog::selectedRuns() const
{
    return {m_first->currentData().toLongLong(), m_second->currentData().toLongLong()};
}

bool RunPickerDialog::selectRuns(qint64 first, qint64 second)
{
    const int a = m_first->findData(first);
    const int b = m_second->findData(second);
    if (a < 0 || b < 0)
        return false;
    m_first->setCurrentIndex(a);
    m_second->setCurrentIndex(b);
    return true;
}

void RunPickerDialog::updateButtons()
{
    const auto [first, second] = selectedRuns();
    const bool distinct = first > 0 && second > 0 && first != second;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(distinct);
    if (m_first->count() < 2)
        m_note->setText(tr("The history needs at least two runs: run a pattern twice (or two patterns) first."));
    else
        m_note->setText(distinct ? QString() : tr("Pick two different runs."));
}

} // namespace coroscope::app
