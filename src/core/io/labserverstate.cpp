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

void ServerState::setFaults(const LabFaults &faults)
{
    // Out-of-range settings are clamped rather than refused: the sliders of the app can't be wrong.
    const auto clamped = faults.clamped();
    {
        std::lock_guard lock(m_mutex);
        m_faults = clamped;
        m_requests = 0;
        m_outageEnds = Clock::now() + std::chrono::milliseconds(clamped.outageMs);
    }
    std::lock_guard lock(m_listenersMutex);
    for (const auto &[id, listener] : m_listeners)
        listener(clamped);
}

LabFaults ServerState::faults() const
{
    std::lock_guard lock(m_mutex);
    return m_faults;
}

ServerState::FaultsNow ServerState::nextRequest(const QString &path)
{
    std::lock_guard lock(m_mutex);
    if (!m_faults.appliesTo(path))
        return {};
    return {m_faults, ++m_requests, Clock::now() < m_outageEnds};
}

bool ServerState::inOutage() const
{
    std::lock_guard lock(m_mutex);
    return Clock::now() < m_outageEnds;
}

qint64 ServerState::outageRemainingMs() const
{
    std::lock_guard lock(m_mutex);
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(m_outageEnds - Clock::now()).count();
    return std::max<qint64>(left, 0);
}

std::shared_ptr<void> ServerState::watchFaults(FaultsListener listener)
{
    int id = 0;
    {
        std::lock_guard lock(m_listenersMutex);
        id = m_nextListener++;
        m_listeners.emplace(id, std::move(listener));
    }
    // Dropping the token after the server is gone is safe: it holds the state weakly.
    return std::shared_ptr<void>(nullptr, [weak = weak_from_this(), id](void *) {
        if (const auto self = weak.lock()) {
            std::lock_guard lock(self->m_listenersMutex);
            self->m_listeners.erase(id);
        }
    });
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

std::shared_ptr<ServerState> serverAt(const QUrl &url)
{
    if (url.scheme() != QLatin1String("http") || url.port() <= 0)
        return nullptr;
    const QHostAddress host(url.host());
    if (!host.isLoopback() && url.host() != QLatin1String("localhost"))
        return nullptr;
    auto &r = registry();
    std::lock_guard lock(r.mutex);
    return r.servers.value(quint16(url.port())).lock();
}

std::optional<int> openConnectionsAt(const QUrl &url)
{
    if (const auto state = serverAt(url))
        return state->connections.load(std::memory_order_relaxed);
    return std::nullopt;
}

} // namespace coroscope::io::lab
