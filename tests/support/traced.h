// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Runs coroutine test bodies as the root task of a fresh recording, inside the event loop,
// with a time limit, and hands back the trace so tests can assert its shape.

#include "async/spawn.h"
#include "trace/recorder.h"
#include "trace/trace.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTest>
#include <QTimer>

#include <chrono>
#include <memory>

namespace coroscope::testing {

template<typename T>
struct TracedRun {
    async::TaskHandle<T> root;
    std::shared_ptr<trace::Recorder> recorder;
    trace::Trace trace;
    qint64 elapsedMs = 0;
    bool timedOut = false;

    // Events of `kind` for the task named `name` (first task with that name).
    const trace::TaskInfo *taskNamed(const QString &name) const
    {
        for (const auto &task : trace.tasks()) {
            if (trace.string(task.name) == name)
                return &task;
        }
        return nullptr;
    }
};

template<async::TaskFactory F>
TracedRun<async::FactoryResult<F>> runTraced(F body, std::chrono::milliseconds limit = std::chrono::seconds(20))
{
    TracedRun<async::FactoryResult<F>> run;
    run.recorder = std::make_shared<trace::Recorder>();
    QElapsedTimer clock;
    clock.start();
    run.root = async::spawnRoot(run.recorder, QStringLiteral("main"), std::move(body));
    if (!run.root.isDone()) {
        QEventLoop loop;
        QTimer guard;
        guard.setSingleShot(true);
        QObject::connect(&guard, &QTimer::timeout, &loop, [&] {
            run.timedOut = true;
            loop.quit();
        });
        guard.start(limit);
        run.root.state()->whenDone([&] { loop.quit(); });
        if (!run.root.isDone())
            loop.exec();
        if (run.timedOut) {
            // Do not leave the body running past the test: cancel it and let it wind down.
            run.root.cancel(QStringLiteral("test time limit"));
            async::waitUntilDone(*run.root.state());
        }
    }
    run.elapsedMs = clock.elapsed();
    run.recorder->drainInto(run.trace);
    return run;
}

// Lets queued work (posted resumptions, detached children) run to completion.
inline void drainEventLoop(std::chrono::milliseconds forAtLeast = std::chrono::milliseconds(0))
{
    QTest::qWait(int(forAtLeast.count()));
    QCoreApplication::processEvents(QEventLoop::AllEvents);
}

} // namespace coroscope::testing
