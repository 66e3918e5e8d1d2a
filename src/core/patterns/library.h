// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/pattern.h"

#include <memory>

namespace coroscope::patterns {

// A pattern made of its description and one coroutine: what every file in library/ defines.
using PatternBody = QCoro::Task<RunOutcome> (*)(const PatternContext &);
std::unique_ptr<Pattern> definePattern(PatternInfo info, PatternBody body);

// One factory per file in library/, in teaching order.
std::unique_ptr<Pattern> makeSequential();
std::unique_ptr<Pattern> makeGather();
std::unique_ptr<Pattern> makeGatherErrors();
std::unique_ptr<Pattern> makeTaskGroup();
std::unique_ptr<Pattern> makeSemaphore();
std::unique_ptr<Pattern> makeDbQuery();
std::unique_ptr<Pattern> makeDbStream();
std::unique_ptr<Pattern> makeDbBulk();
std::unique_ptr<Pattern> makeHttpReuse();
std::unique_ptr<Pattern> makeRetry();
std::unique_ptr<Pattern> makeTimedOperation();
std::unique_ptr<Pattern> makeResourceCleanup();
std::unique_ptr<Pattern> makeBackgroundTask();
std::unique_ptr<Pattern> makeExecutor();
std::unique_ptr<Pattern> makeTimeout();
std::unique_ptr<Pattern> makeWaitFor();
std::unique_ptr<Pattern> makePitfallNoAwait();
std::unique_ptr<Pattern> makePitfallBlocking();
std::unique_ptr<Pattern> makePitfallUnbounded();
std::unique_ptr<Pattern> makePitfallLeak();

} // namespace coroscope::patterns
