// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/labserver.h"

#include <QUrl>

#include <atomic>
#include <memory>
#include <mutex>
#include <optional>

namespace coroscope::io::lab {

// What a running lab server shares with other threads: its counters and its fault settings.
// The serving thread writes the counters; anyone may read them.
class ServerState
{
public:
    std::atomic<qint64> served{0};
    std::atomic<int> inFlight{0};
    std::atomic<int> connections{0};
    std::atomic<qint64> refused{0}; // requests and connections answered by the limits

    void setFaults(LabServer::Faults faults);
    LabServer::Faults faults() const;

private:
    mutable std::mutex m_mutex;
    LabServer::Faults m_faults;
};

// The lab servers running in this process, by port. QNetworkAccessManager has no API for the
// connections it keeps open, so the HTTP client shows the ones the lab server sees instead.
void registerServer(quint16 port, const std::shared_ptr<ServerState> &state);
void unregisterServer(quint16 port);
// The connections open on the in-process lab server `url` points at, if it points at one.
std::optional<int> openConnectionsAt(const QUrl &url);

} // namespace coroscope::io::lab
