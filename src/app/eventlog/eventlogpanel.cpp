// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/eventlog/eventlogpanel.h"

#include "app/eventlog/eventlogdelegate.h"
#include "app/models/eventlogfilter.h"
#include "app/models/eventlogmodel.h"
#include "app/models/timelinestate.h"
#include "ui_eventlogpanel.h"

#include <QHeaderView>
#include <QScrollBar>

namespace coroscope::app {
namespace {

// Selecting thousands of scattered rows is slow and says nothing more than the first few
// thousand do.
constexpr int maxSelectedRanges = 5000;

} // namespace

EventLogPanel::EventLogPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::EventLogPanel>())
    , m_filter(new EventLogFilter(this))
{
    m_ui->setupUi(this);
    auto *table = m_ui->table;
    table->setModel(m_filter);
    table->setItemDelegate(new EventLogDelegate(table));
    table->setObjectName(QStringLiteral("eventLog"));
    // Uniform rows: a million of them scroll as fast as ten.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    table->horizontalHeader()->setHighlightSections(false);

    connect(m_ui->filterEdit, &QLineEdit::textChanged, m_filter, &EventLogFilter::setText);
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_filter->setKinds(EventLogFilter::Kinds(index)); });
    connect(m_ui->selectedOnly, &QCheckBox::toggled, this,
            [this](bool only) { m_filter->setTask(only && m_state ? m_state->selectedTask() : 0); });
    connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EventLogPanel::onCurrentRowChanged);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &EventLogPanel::updateCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &EventLogPanel::updateCount);
    applySelectionColors();
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &EventLogPanel::updateCount);
    // Live: keep showing the newest events while the user has not scrolled away from them. A
    // few times a second is all anyone can read, and each scroll re-lays out every visible row.
    m_followTimer.setSingleShot(true);
    m_followTimer.setInterval(250);
    connect(&m_followTimer, &QTimer::timeout, this, [this] {
        auto *bar = m_ui->table->verticalScrollBar();
        if (m_following)
            bar->setValue(bar->maximum());
    });
    connect(m_ui->table->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this](int value) { m_following = value >= m_ui->table->verticalScrollBar()->maximum() - 2; });
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_state && m_state->isLive() && m_following && !m_followTimer.isActive())
            m_followTimer.start();
    });
    updateCount();
}

EventLogPanel::~EventLogPanel() = default;

QTableView *EventLogPanel::table() const
{
    return m_ui->table;
}

void EventLogPanel::focusFilter()
{
    m_ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->filterEdit->selectAll();
}

void EventLogPanel::setModel(EventLogModel *model)
{
    m_model = model;
    m_filter->setLogModel(model);
    // Columns exist once there is a model.
    auto *table = m_ui->table;
    const int ch = fontMetrics().averageCharWidth();
    const int time = fontMetrics().horizontalAdvance(QStringLiteral("00000.000")) + 3 * ch;
    const int widths[] = {time, 18 * ch, 17 * ch, 30 * ch, 16 * ch, 13 * ch};
    for (int column = 0; column < m_filter->columnCount(); ++column)
        table->setColumnWidth(column, widths[column]);
    if (m_filter->columnCount() > EventLogModel::DetailColumn)
        table->horizontalHeader()->setSectionResizeMode(EventLogModel::DetailColumn, QHeaderView::Stretch);
    updateCount();
}

void EventLogPanel::setState(TimelineState *state)
{
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    if (!state)
        return;
    connect(state, &TimelineState::selectedTaskChanged, this, [this](trace::TaskId task) {
        if (m_ui->selectedOnly->isChecked())
            m_filter->setTask(task);
        if (!m_syncing)
            selectRowsOfTask(task);
    });
    connect(state, &TimelineState::playheadChanged, this, [this](qint64 timeNs) {
        if (!m_syncing && timeNs >= 0)
            scrollToTime(timeNs);
    });
}

void EventLogPanel::onCurrentRowChanged(const QModelIndex &current)
{
    if (m_syncing || !m_state || !current.isValid())
        return;
    const auto task = trace::TaskId(current.data(EventLogModel::TaskIdRole).toUInt());
    const auto time = current.data(EventLogModel::TimeNsRole).toLongLong();
    m_syncing = true;
    if (task != 0)
        m_state->setSelectedTask(task);
    if (!m_state->isLive()) {
        m_state->setPlayhead(time);
        m_state->ensureVisible(time);
    }
    m_syncing = false;
}

void EventLogPanel::selectRowsOfTask(trace::TaskId task)
{
    auto *table = m_ui->table;
    m_syncing = true;
    if (task == 0 || !m_model) {
        table->clearSelection();
        m_syncing = false;
        return;
    }
    QItemSelection selection;
    int first = -1;
    int runStart = -1;
    const int rows = m_filter->rowCount();
    const int lastColumn = EventLogModel::ColumnCount - 1;
    for (int row = 0; row <= rows && selection.size() < maxSelectedRanges; ++row) {
        bool mine = false;
        if (row < rows) {
            const auto *event = m_model->event(m_filter->mapToSource(m_filter->index(row, 0)).row());
            mine = event && event->task == task;
        }
        if (mine && runStart < 0)
            runStart = row;
        if (!mine && runStart >= 0) {
            selection.select(m_filter->index(runStart, 0), m_filter->index(row - 1, lastColumn));
            if (first < 0)
                first = runStart;
            runStart = -1;
        }
    }
    table->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    int target = first;
    if (m_state && m_state->playheadNs() >= 0) {
        // The task's row nearest the playhead, rather than its first.
        for (const auto &range : selection) {
            const auto time = range.topLeft().data(EventLogModel::TimeNsRole).toLongLong();
            if (time > m_state->playheadNs())
                break;
            target = range.top();
        }
    }
    if (target >= 0) {
        table->selectionModel()->setCurrentIndex(m_filter->index(target, 0), QItemSelectionModel::NoUpdate);
        table->scrollTo(m_filter->index(target, 0), QAbstractItemView::PositionAtCenter);
    }
    m_syncing = false;
}

void EventLogPanel::scrollToTime(qint64 timeNs)
{
    if (!m_model)
        return;
    // The first listed row at or after the time; the filter keeps source order.
    const int sourceRow = m_model->rowAtTime(timeNs);
    int low = 0;
    int high = m_filter->rowCount();
    while (low < high) {
        const int middle = (low + high) / 2;
        if (m_filter->mapToSource(m_filter->index(middle, 0)).row() < sourceRow)
            low = middle + 1;
        else
            high = middle;
    }
    if (low >= m_filter->rowCount())
        low = m_filter->rowCount() - 1;
    if (low < 0)
        return;
    m_syncing = true;
    m_ui->table->selectionModel()->setCurrentIndex(m_filter->index(low, 0), QItemSelectionModel::NoUpdate);
    m_ui->table->scrollTo(m_filter->index(low, 0), QAbstractItemView::PositionAtCenter);
    m_syncing = false;
}

void EventLogPanel::applySelectionColors()
{
    // A task's rows are selected together; a full-strength highlight over hundreds of rows would
    // drown them, so selection is a tint and the text keeps its colours.
    auto palette = this->palette();
    const auto base = palette.color(QPalette::Base);
    const auto highlight = palette.color(QPalette::Highlight);
    const double mix = 0.28;
    const QColor tint(int(base.red() * (1 - mix) + highlight.red() * mix),
                      int(base.green() * (1 - mix) + highlight.green() * mix),
                      int(base.blue() * (1 - mix) + highlight.blue() * mix));
    for (const auto group : {QPalette::Active, QPalette::Inactive}) {
        palette.setColor(group, QPalette::Highlight, tint);
        palette.setColor(group, QPalette::HighlightedText, palette.color(group, QPalette::Text));
    }
    m_ui->table->setPalette(palette);
}

void EventLogPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applyingPalette) {
        m_applyingPalette = true;
        applySelectionColors();
        m_applyingPalette = false;
    }
}

void EventLogPanel::updateCount()
{
    // The thread column only says something when the run used more than its loop's thread.
    const bool threads = m_model && m_model->trace() && m_model->trace()->threadCount() > 1;
    m_ui->table->setColumnHidden(EventLogModel::ThreadColumn, !threads);
    const int total = m_model ? m_model->rowCount() : 0;
    const int shown = m_filter->rowCount();
    m_ui->countLabel->setText(shown == total ? tr("%L1 events").arg(total)
                                             : tr("%L1 of %L2 events").arg(shown).arg(total));
}

} // namespace coroscope::app
