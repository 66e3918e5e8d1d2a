// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/spawnstate.h"
#include "async/suspension.h"

#include <memory>
#include <optional>
#include <source_location>
#include <vector>

namespace coroscope::async {

// Waits for spawned tasks: the join under gather, TaskGroup and TaskHandle::join. Recorded as a
// child-join suspension. If the waiting task is cancelled, the children are cancelled and still
// waited for, so nothing outlives the wait unseen; the wait then ends in CancelledError.
class WhenAll final : public Suspension
{
public:
    enum class Mode {
        WaitForAll,
        StopAtFirstError, // asyncio.gather's default: the first failure ends the wait; the rest run on
    };

    WhenAll(std::vector<std::shared_ptr<SpawnStateBase>> children, Mode mode, QString resource,
            std::source_location where);
    WhenAll(WhenAll &&) noexcept = default;
    ~WhenAll();

    // The error that ended a StopAtFirstError wait, or nullptr when every child succeeded.
    std::exception_ptr await_resume();

private:
    struct Progress;

    void start() override;
    void cancelRequested(const QString &reason) override;
    bool throwsIfAlreadyCancelled() const override { return false; }
    void childDone(const SpawnStateBase &child);

    std::vector<std::shared_ptr<SpawnStateBase>> m_children;
    Mode m_mode;
    std::shared_ptr<Progress> m_progress;
    std::optional<QString> m_cancelReason;
    std::exception_ptr m_firstError;
};

} // namespace coroscope::async
