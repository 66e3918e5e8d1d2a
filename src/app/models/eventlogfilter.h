// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"

#include <QSortFilterProxyModel>

namespace coroscope::app {

class EventLogModel;

// Which events of the log are shown: by kind, by task, by text.
class EventLogFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    enum class Kinds {
        TaskEvents, // everything but counters: what the tasks did (the default)
        All,
        Waits, // suspended and resumed
        Problems, // errors, cancellations and marks
        Counters,
    };
    Q_ENUM(Kinds)

    explicit EventLogFilter(QObject *parent = nullptr);

    void setLogModel(EventLogModel *model);
    void setKinds(Kinds kinds);
    Kinds kinds() const { return m_kinds; }
    // 0: every task.
    void setTask(trace::TaskId task);
    trace::TaskId task() const { return m_task; }
    // Case-insensitive words that must all appear somewhere in the row.
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool acceptsKind(const trace::Event &event) const;

    EventLogModel *m_model = nullptr;
    Kinds m_kinds = Kinds::TaskEvents;
    trace::TaskId m_task = 0;
    QStringList m_words;
};

} // namespace coroscope::app
