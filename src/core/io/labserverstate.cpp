// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/labserverstate.h"

#include <QHash>
#include <QHostAddress>

#include <algorithm>
#include <cmath>

namespace coroscope::io::lab {
namespace {

struct Registry {
    std::mutex mutex;
    QHash<quint16, std::weak_ptr<ServerState>> servers;
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

} // namespace

void ServerState::setFaults(LabServer::Faults faults)
{
    // Out-of-range settings are clamped rather than refused: the sliders of the app can't be wrong.
    faults.latencyJitterMs = std::clamp(faults.latencyJitterMs, 0, 30'000);
    faults.failureRate = std::isnan(faults.failureRate) ? 0.0 : std::clamp(faults.failureRate, 0.0, 1.0);
    std::lock_guard lock(m_mutex);
    m_faults = faults;
}

LabServer::Faults ServerState::faults() const
{
    std::lock_guard lock(m_mutex);
    return m_faults;
}

void registerServer(quint16 port, const std::shared_ptr<ServerState> &state)
{
    auto &r = registry();
    std::lock_guard lock(r.mutex);
    r.servers.insert(port, state);
}

void unregisterServer(quint16 port)
{
    auto &r = registry();
    std::lock_guard lock(r.mutex);
    r.servers.remove(port);
}

std::optional<int> openConnectionsAt(const QUrl &url)
{
    if (url.scheme() != QLatin1String("http") || url.port() <= 0)
        return std::nullopt;
    const QHostAddress host(url.host());
    if (!host.isLoopback() && url.host() != QLatin1String("localhost"))
        return std::nullopt;
    auto &r = registry();
    std::lock_guard lock(r.mutex);
    if (const auto state = r.servers.value(quint16(url.port())).lock())
        return state->connections.load(std::memory_order_relaxed);
    return std::nullopt;
}

} // namespace coroscope::io::lab
