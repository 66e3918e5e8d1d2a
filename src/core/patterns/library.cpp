// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/library.h"

namespace coroscope::patterns {

// The one list of patterns, in teaching order: the id and the coroutine that runs it. Everything
// else a pattern has is found by its id: resources/patterns/<id>.json (its text and parameters),
// library/<id>.cpp (the body) and python/<id>.py (the Python reference), with '-' written '_' in
// the file names of the code.
#define COROSCOPE_LIBRARY(PATTERN)                                                                                     \
    PATTERN("sequential", runSequential)                                                                               \
    PATTERN("gather", runGather)                                                                                       \
    PATTERN("gather-errors", runGatherErrors)                                                                          \
    PATTERN("taskgroup", runTaskGroup)                                                                                 \
    PATTERN("semaphore", runSemaphore)                                                                                 \
    PATTERN("db-query", runDbQuery)                                                                                    \
    PATTERN("db-stream", runDbStream)                                                                                  \
    PATTERN("db-bulk", runDbBulk)                                                                                      \
    PATTERN("http-reuse", runHttpReuse)                                                                                \
    PATTERN("retry", runRetry)                                                                                         \
    PATTERN("timed-operation", runTimedOperation)                                                                      \
    PATTERN("resource-cleanup", runResourceCleanup)                                                                    \
    PATTERN("background-task", runBackgroundTask)                                                                      \
    PATTERN("executor", runExecutor)                                                                                   \
    PATTERN("timeout", runTimeout)                                                                                     \
    PATTERN("wait-for", runWaitFor)                                                                                    \
    PATTERN("pitfall-no-await", runPitfallNoAwait)                                                                     \
    PATTERN("pitfall-blocking", runPitfallBlocking)                                                                    \
    PATTERN("pitfall-unbounded", runPitfallUnbounded)                                                                  \
    PATTERN("pitfall-leak", runPitfallLeak)

// The bodies are defined in library/, so that a student's file holds nothing but the pattern.
#define COROSCOPE_DECLARE_BODY(id, body) QCoro::Task<RunOutcome> body(const PatternContext &context);
COROSCOPE_LIBRARY(COROSCOPE_DECLARE_BODY)
#undef COROSCOPE_DECLARE_BODY

std::span<const PatternBinding> libraryBindings()
{
#define COROSCOPE_BIND(id, body) PatternBinding{id, &body},
    static constexpr PatternBinding bindings[] = {COROSCOPE_LIBRARY(COROSCOPE_BIND)};
#undef COROSCOPE_BIND
    return bindings;
}

} // namespace coroscope::patterns
