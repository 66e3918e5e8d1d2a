// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/patterninfo.h"

#include <QCoroTask>
#include <QString>
#include <QUrl>
#include <QVariantMap>

namespace coroscope::patterns {

// Where a run does its real I/O.
struct RunEnvironment {
    QUrl serverUrl; // the lab server (or any server the user names)
    QString databasePath; // a SQLite file; created and seeded with the demo data if missing
    QString scratchDir; // for files a pattern writes (bulk inserts into a throwaway database)
};

enum class RunStatus { Ok, Error, Cancelled, TimedOut };
const char *toString(RunStatus status);

struct RunOutcome {
    RunStatus status = RunStatus::Ok;
    QString summary; // one line: what the run produced, or why it failed
};

// What a running pattern sees: its parameters, typed, and where to do I/O.
class PatternContext
{
public:
    PatternContext(QVariantMap values, RunEnvironment environment)
        : m_values(std::move(values))
        , m_environment(std::move(environment))
    {
    }

    int integer(const QString &name) const { return m_values.value(name).toInt(); }
    double real(const QString &name) const { return m_values.value(name).toDouble(); }
    std::chrono::milliseconds duration(const QString &name) const
    {
        return std::chrono::milliseconds(m_values.value(name).toLongLong());
    }
    QString text(const QString &name) const { return m_values.value(name).toString(); }
    const QVariantMap &values() const { return m_values; }

    const RunEnvironment &environment() const { return m_environment; }
    // `path` (with query) resolved against the server URL: url("/delay/100").
    QUrl url(const QString &path) const;

private:
    QVariantMap m_values;
    RunEnvironment m_environment;
};

// One runnable pattern. Implementations are teaching examples: one file each, short, complete.
class Pattern
{
public:
    virtual ~Pattern() = default;
    virtual const PatternInfo &info() const = 0;
    // Runs as the root task of a traced run. Throwing ends the run with an error status;
    // CancelledError and TimeoutError map to cancelled and timed out.
    virtual QCoro::Task<RunOutcome> run(const PatternContext &context) const = 0;
};

} // namespace coroscope::patterns
