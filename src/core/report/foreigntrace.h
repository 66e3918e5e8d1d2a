// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/trace.h"

#include <QHash>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace coroscope::report::detail {

// One event of another tool's Chrome trace, already type-checked, times in nanoseconds.
struct ForeignEvent {
    qint64 timeNs = 0;
    qint64 durationNs = -1; // "X" only
    qint64 pid = 0;
    qint64 tid = 0;
    char phase = 0;
    char scope = 't'; // instants: 't' thread, 'p' process, 'g' global
    QString name;
    QString category;
    QString asyncId; // "b"/"e"/"n"/"S"/"F": id or id2, empty otherwise
    QJsonObject args;
};

// Turns other tools' trace events into our task model (see importChromeTrace() for the
// mapping). Events may arrive in any order; build() sorts them.
class ForeignTraceBuilder
{
public:
    void add(ForeignEvent &&event);
    void addMetadata(const ForeignEvent &event);
    // Names for tracks whose pid or tid was a string in the file.
    void setProcessLabel(qint64 pid, const QString &label) { m_processLabels.insert(pid, label); }
    void setThreadLabel(qint64 tid, const QString &label) { m_threadLabels.insert(tid, label); }
    void ignore(char phase) { ++m_ignoredPhases[phase]; }
    bool isEmpty() const { return m_events.empty(); }

    // `progress` gets 0..100 and may return false to cancel; build() then returns false.
    bool build(trace::Trace &trace, QStringList &warnings, const std::function<bool(int)> &progress);

private:
    struct Slice;
    struct Task;
    struct Output;
    void buildTask(Task &task, Output &out);

    std::vector<ForeignEvent> m_events;
    QHash<qint64, QString> m_processNames;
    QHash<qint64, int> m_processSortIndex;
    QHash<QPair<qint64, qint64>, QString> m_threadNames;
    QHash<QPair<qint64, qint64>, int> m_threadSortIndex;
    QHash<qint64, QString> m_processLabels;
    QHash<qint64, QString> m_threadLabels;
    QMap<char, int> m_ignoredPhases;
    int m_unmatchedEnds = 0;
    int m_unclosedSlices = 0;
    int m_overlappingSlices = 0;
    int m_nonNumericCounters = 0;
};

} // namespace coroscope::report::detail
