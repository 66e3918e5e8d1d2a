// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/labfaults.h"

#include <QUrl>

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace coroscope::io::lab {

// What a running lab server shares with other threads: its counters and its fault settings.
// The serving thread writes the counters; anyone may read them.
class ServerState : public std::enable_shared_from_this<ServerState>
{
public:
    std::atomic<qint64> served{0};
    std::atomic<int> inFlight{0};
    std::atomic<int> connections{0};
    std::atomic<qint64> refused{0}; // requests and connections answered by the limits or an outage
    std::atomic<int> queued{0}; // requests waiting for a place under the capacity fault

    // The faults in force and the request number (from 1) they are at: a change restarts the
    // count, so the same settings and the same run meet the same random faults.
    struct FaultsNow {
        LabFaults faults;
        quint64 request = 0;
        bool inOutage = false;
    };
    void setFaults(const LabFaults &faults); // clamped; any thread
    LabFaults faults() const;
    // The faults for a request to `path`; counts it if they apply to it.
    FaultsNow nextRequest(const QString &path);
    bool inOutage() const;
    qint64 outageRemainingMs() const;

    // Called on the changing thread after every setFaults(), until the returned token is dropped.
    using FaultsListener = std::function<void(const LabFaults &)>;
    std::shared_ptr<void> watchFaults(FaultsListener listener);

private:
    using Clock = std::chrono::steady_clock;
    mutable std::mutex m_mutex;
    LabFaults m_faults;
    quint64 m_requests = 0;
    Clock::time_point m_outageEnds;
    std::mutex m_listenersMutex;
    std::map<int, FaultsListener> m_listeners;
    int m_nextListener = 0;
};

// The lab servers running in this process, by port. QNetworkAccessManager has no API for the
// connections it keeps open, so the HTTP client shows the ones the lab server sees instead.
void registerServer(quint16 port, const std::shared_ptr<ServerState> &state);
void unregisterServer(quint16 port);
// The connections open on the in-process lab server `url` points at, if it points at one.
std::optional<int> openConnectionsAt(const QUrl &url);
// The state of the in-process lab server `url` points at, if it points at one.
std::shared_ptr<ServerState> serverAt(const QUrl &url);

} // namespace coroscope::io::lab
