// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/eventlogfilter.h"

#include "app/models/eventlogmodel.h"

namespace coroscope::app {

using trace::EventKind;

EventLogFilter::EventLogFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void EventLogFilter::setLogModel(EventLogModel *model)
{
    m_model = model;
    setSourceModel(model);
}

void EventLogFilter::setKinds(Kinds kinds)
{
    if (m_kinds == kinds)
        return;
    m_kinds = kinds;
    invalidateRowsFilter();
}

void EventLogFilter::setTask(trace::TaskId task)
{
    if (m_task == task)
        return;
    m_task = task;
    invalidateRowsFilter();
}

void EventLogFilter::setText(const QString &text)
{
    const auto words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

bool EventLogFilter::acceptsKind(const trace::Event &event) const
{
    switch (m_kinds) {
    case Kinds::All: return true;
    case Kinds::TaskEvents: return event.kind != EventKind::Counter;
    case Kinds::Waits: return event.kind == EventKind::Suspended || event.kind == EventKind::Resumed;
    case Kinds::Problems:
        return event.kind == EventKind::Mark
               || (event.kind == EventKind::Finished && event.status() != trace::FinishStatus::Ok);
    case Kinds::Counters: return event.kind == EventKind::Counter;
    }
    return true;
}

bool EventLogFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    Q_UNUSED(sourceParent);
    const auto *event = m_model ? m_model->event(sourceRow) : nullptr;
    if (!event)
        return false;
    if (!acceptsKind(*event))
        return false;
    if (m_task != 0 && event->task != m_task)
        return false;
    if (m_words.isEmpty())
        return true;
    const auto text = m_model->searchText(sourceRow);
    for (const auto &word : m_words) {
        if (!text.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

} // namespace coroscope::app
