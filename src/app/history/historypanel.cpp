// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/history/historypanel.h"

#include "app/models/historymodel.h"
#include "ui_historypanel.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>

#include <algorithm>

namespace coroscope::app {

HistoryPanel::HistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::HistoryPanel>())
{
    m_ui->setupUi(this);
    auto *table = m_ui->table;
    table->setObjectName(QStringLiteral("historyTable"));
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table->horizontalHeader()->setHighlightSections(false);
    m_ui->busyBar->hide();
    m_ui->messageLabel->hide();

    using K = QKeySequence;
    // Enter and double-click reach the list as "activated"; a shortcut on Return would also
    // fire while a name is being edited in place.
    m_actions.open = addAction("open", tr("&Open"), {},
                               tr("Show the run on the timeline, as it was recorded (Enter, double-click)"));
    connect(m_actions.open, &QAction::triggered, this, &HistoryPanel::openCurrent);
    m_actions.rename = addAction("rename", tr("Re&name"), K(Qt::Key_F2), tr("Give the run a name of your own"));
    connect(m_actions.rename, &QAction::triggered, this, &HistoryPanel::renameCurrent);
    m_actions.remove = addAction("delete", tr("&Delete"), K(K::Delete), tr("Delete the selected runs from the history"));
    connect(m_actions.remove, &QAction::triggered, this, &HistoryPanel::deleteSelected);
    auto *compare = m_actions.compare = addAction("compare", tr("&Compare"), {}, tr("Compare the two selected runs"));
    connect(compare, &QAction::triggered, this, [this] {
        const auto ids = selectedRunIds();
        if (ids.size() == 2)
            Q_EMIT compareRequested(ids.at(0), ids.at(1));
    });
    m_ui->openButton->setDefaultAction(m_actions.open);
    m_ui->renameButton->setDefaultAction(m_actions.rename);
    m_ui->deleteButton->setDefaultAction(m_actions.remove);
    m_ui->compareButton->setDefaultAction(compare);
    setCompareEnabled(false);

    connect(table, &QAbstractItemView::activated, this, &HistoryPanel::openCurrent);
    updateActions();
}

HistoryPanel::~HistoryPanel() = default;

QTableView *HistoryPanel::table() const
{
    return m_ui->table;
}

QAction *HistoryPanel::addAction(const char *name, const QString &text, const QKeySequence &key, const QString &tip)
{
    auto *action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(name));
    action->setShortcut(key);
    // The keys belong to the list: Del in the event log's filter still deletes a character.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(key.isEmpty() ? tip : QStringLiteral("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
    action->setStatusTip(tip);
    m_ui->table->QWidget::addAction(action);
    return action;
}

void HistoryPanel::setModel(HistoryModel *model)
{
    m_model = model;
    auto *table = m_ui->table;
    table->setModel(model);
    // Widths from the widest text each column holds, so nothing is cut off in any font.
    auto *header = table->horizontalHeader();
    const auto width = [this](const char *sample) { return fontMetrics().horizontalAdvance(QLatin1String(sample)) + 16; };
    header->resizeSection(HistoryModel::IdColumn, width("00000"));
    header->resizeSection(HistoryModel::StartedColumn, width("2026-12-31 23:59:59"));
    header->resizeSection(HistoryModel::PatternColumn, width("context_timeout_mm"));
    header->resizeSection(HistoryModel::NameColumn, width("Semaphore: limiting concurrency, tuned"));
    header->resizeSection(HistoryModel::StatusColumn, width("interrupted"));
    header->resizeSection(HistoryModel::WallColumn, width("Wall time"));
    header->resizeSection(HistoryModel::TasksColumn, width("Tasks 0"));
    header->setStretchLastSection(true);
    connect(table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &HistoryPanel::updateActions);
    // A refresh re-reads every row: keep what was selected selected.
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_selectionBeforeReset = selectedRunIds(); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        selectRuns(m_selectionBeforeReset);
        updateCount();
        updateActions();
    });
    connect(model, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateCount();
        updateActions();
    });
    connect(model, &HistoryModel::problem, this, &HistoryPanel::showMessage);
    updateCount();
    updateActions();
}

QList<qint64> HistoryPanel::selectedRunIds() const
{
    QList<qint64> ids;
    if (!m_model || !m_ui->table->selectionModel())
        return ids;
    auto rows = m_ui->table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const auto &row : rows)
        ids.append(row.data(HistoryModel::RunIdRole).toLongLong());
    return ids;
}

void HistoryPanel::selectRuns(const QList<qint64> &ids)
{
    auto *selection = m_ui->table->selectionModel();
    if (!m_model || !selection)
        return;
    QItemSelection wanted;
    for (const auto id : ids) {
        if (const int row = m_model->rowOfRun(id); row >= 0)
            wanted.select(m_model->index(row, 0), m_model->index(row, HistoryModel::ColumnCount - 1));
    }
    selection->select(wanted, QItemSelectionModel::ClearAndSelect);
    if (!wanted.isEmpty())
        selection->setCurrentIndex(wanted.first().topLeft(), QItemSelectionModel::NoUpdate);
}

void HistoryPanel::setCompareEnabled(bool enabled)
{
    m_compareEnabled = enabled;
    m_actions.compare->setVisible(enabled);
    m_ui->compareButton->setVisible(enabled);
    updateActions();
}

void HistoryPanel::showMessage(const QString &text)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setVisible(!text.isEmpty());
}

QString HistoryPanel::message() const
{
    return m_ui->messageLabel->text();
}

void HistoryPanel::setBusy(bool busy, const QString &what)
{
    m_ui->busyBar->setVisible(busy);
    m_ui->busyBar->setToolTip(what);
    updateActions();
}

bool HistoryPanel::isBusy() const
{
    return m_ui->busyBar->isVisibleTo(this);
}

void HistoryPanel::openCurrent()
{
    const auto ids = selectedRunIds();
    if (ids.size() == 1 && !isBusy())
        Q_EMIT openRequested(ids.first());
}

void HistoryPanel::renameCurrent()
{
    const auto ids = selectedRunIds();
    if (ids.size() != 1 || !m_model)
        return;
    const auto index = m_model->index(m_model->rowOfRun(ids.first()), HistoryModel::NameColumn);
    m_ui->table->setCurrentIndex(index);
    m_ui->table->edit(index);
}

void HistoryPanel::deleteSelected()
{
    const auto ids = selectedRunIds();
    if (ids.isEmpty() || !m_model)
        return;
    const auto what = ids.size() == 1 ? tr("run #%1").arg(ids.first()) : tr("%1 runs").arg(ids.size());
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete from the history"),
                                tr("Delete %1 from the history? Its events are gone for good.").arg(what),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    auto *remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, ids, remove](QAbstractButton *button) {
        if (button != remove || !m_model)
            return;
        if (m_model->remove(ids))
            showMessage({});
    });
    box->open();
}

void HistoryPanel::updateActions()
{
    const auto count = m_model ? selectedRunIds().size() : 0;
    m_actions.open->setEnabled(count == 1 && !isBusy());
    m_actions.rename->setEnabled(count == 1);
    m_actions.remove->setEnabled(count > 0);
    m_actions.compare->setEnabled(m_compareEnabled && count == 2);
}

void HistoryPanel::updateCount()
{
    const int rows = m_model ? m_model->rowCount() : 0;
    m_ui->countLabel->setText(rows == 1 ? tr("1 run") : tr("%L1 runs").arg(rows));
}

} // namespace coroscope::app
