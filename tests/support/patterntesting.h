// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs catalog patterns for real (embedded lab server, demo database in a temporary directory)
// and gives tests the finished run to assert on.

#include "patterns/catalog.h"
#include "patterns/labenvironment.h"
#include "patterns/patternrun.h"
#include "trace/summary.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace coroscope::testing {

class PatternFixture
{
public:
    // Starts the lab server and creates the demo database once per test binary.
    bool start()
    {
        if (m_started)
            return true;
        patterns::LabEnvironment::Options options;
        options.databasePath = m_dir.filePath(QStringLiteral("demo.sqlite"));
        m_started = m_environment.start(options);
        if (!m_started)
            qWarning().noquote() << m_environment.errorString();
        return m_started;
    }

    const patterns::LabEnvironment &environment() const { return m_environment; }

    // Runs pattern `id` with `overrides` to the end (or `limitMs`) and returns the run.
    std::unique_ptr<patterns::PatternRun> run(const QString &id, const QVariantMap &overrides = {}, int limitMs = 60'000)
    {
        const auto *pattern = patterns::Catalog::instance().find(id);
        if (!pattern) {
            qWarning() << "no pattern" << id;
            return {};
        }
        auto values = patterns::resolveParameters(pattern->info().parameters, overrides);
        if (!values.errors.isEmpty()) {
            qWarning() << values.errors;
            return {};
        }
        auto run = std::make_unique<patterns::PatternRun>(*pattern, values.values, m_environment.runEnvironment());
        run->start();
        run->waitForFinished(limitMs);
        return run;
    }

private:
    QTemporaryDir m_dir;
    patterns::LabEnvironment m_environment;
    bool m_started = false;
};

// The first task called `name` in a trace, or nullptr.
inline const trace::TaskInfo *taskNamed(const trace::Trace &trace, const QString &name)
{
    for (const auto &task : trace.tasks()) {
        if (trace.string(task.name) == name)
            return &task;
    }
    return nullptr;
}

// The run's root task: a pattern runs as one task named after its id, with no parent.
inline const trace::TaskInfo *rootOf(const trace::Trace &trace, const QString &patternId)
{
    const auto *root = taskNamed(trace, patternId);
    return root && root->parent == 0 ? root : nullptr;
}

// Every task whose name starts with `prefix`.
inline std::vector<const trace::TaskInfo *> tasksStartingWith(const trace::Trace &trace, const QString &prefix)
{
    std::vector<const trace::TaskInfo *> found;
    for (const auto &task : trace.tasks()) {
        if (trace.string(task.name).startsWith(prefix))
            found.push_back(&task);
    }
    return found;
}

inline double msBetween(qint64 fromNs, qint64 toNs)
{
    return double(toNs - fromNs) / 1e6;
}

// The highest value a counter reached, or -1 if it never appeared.
inline double counterPeak(const trace::Trace &trace, const QString &name)
{
    double peak = -1;
    for (const auto &event : trace.events()) {
        if (event.kind == trace::EventKind::Counter && trace.string(event.label) == name)
            peak = std::max(peak, event.value);
    }
    return peak;
}

} // namespace coroscope::testing
