// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/labfaultinjector.h"

#include "io/labexchange.h"
#include "io/labserverstate.h"

#include <QTcpSocket>

#include <algorithm>

namespace coroscope::io::lab {

namespace {

QString percent(double fraction)
{
    return QString::number(fraction * 100.0, 'g', 3) + QLatin1Char('%');
}

} // namespace

FaultInjector::FaultInjector(std::shared_ptr<ServerState> state, QObject *parent)
    : QObject(parent)
    , m_state(std::move(state))
{
    // A raised capacity lets queued requests in at once, not at the next answer.
    m_watch = m_state->watchFaults([this](const LabFaults &) {
        QMetaObject::invokeMethod(
            this, [this] { admitWaiting(); }, Qt::QueuedConnection);
    });
}

FaultInjector::~FaultInjector()
{
    m_watch.reset();
    for (auto &waiting : m_waiting) {
        if (waiting.exchange)
            waiting.exchange->whenDone(nullptr);
    }
    m_state->queued.fetch_sub(int(m_waiting.size()));
}

void FaultInjector::serve(Exchange *exchange, std::function<void()> handler)
{
    const auto now = m_state->nextRequest(exchange->path());
    const auto &faults = now.faults;
    if (now.inOutage) {
        // Connection refused, as near as an open connection allows: closed without an answer.
        m_state->refused.fetch_add(1);
        if (auto *socket = qobject_cast<QTcpSocket *>(exchange->parent()))
            socket->abort();
        return;
    }
    if (faults.rateLimitPerSecond > 0 && overRateLimit()) {
        const auto retryAfterS = std::max<qint64>(1, (1000 - m_window.elapsed() + 999) / 1000);
        m_state->refused.fetch_add(1);
        exchange->addHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterS));
        exchange->addFaultNote(QStringLiteral("server refused with 429, Retry-After %1 s (rate limit %2/s)")
                                   .arg(retryAfterS)
                                   .arg(faults.rateLimitPerSecond));
        exchange->replyError(429, QStringLiteral("rate limited: the lab server's faults allow %1 requests per second")
                                      .arg(faults.rateLimitPerSecond));
        return;
    }

    // Decided when the request gets its place, so a request that queued meets the faults of then.
    auto start = [exchange, state = m_state, request = now.request, handler = std::move(handler)] {
        auto faults = state->faults();
        if (!faults.appliesTo(exchange->path()))
            faults = {};
        const auto decision = decideLabFault(faults, request);
        auto answer = [exchange, faults, decision, handler] {
            if (decision.error) {
                exchange->addFaultNote(QStringLiteral("server injected %1 (error rate %2)")
                                           .arg(faults.errorStatus)
                                           .arg(percent(faults.errorRate)));
                exchange->replyError(faults.errorStatus,
                                     QStringLiteral("injected failure: the lab server's faults fail %1 of requests")
                                         .arg(percent(faults.errorRate)));
                return;
            }
            if (decision.reset) {
                exchange->addFaultNote(QStringLiteral("server reset the connection mid-answer (reset rate %1)")
                                           .arg(percent(faults.resetRate)));
                exchange->setResetMidBody(true);
            }
            if (faults.slowBodyBytesPerSecond > 0) {
                exchange->addFaultNote(
                    QStringLiteral("server sent the body at %1 bytes/s").arg(faults.slowBodyBytesPerSecond));
                exchange->setSlowBody(faults.slowBodyBytesPerSecond);
            }
            handler();
        };
        if (decision.delayMs <= 0) {
            answer();
            return;
        }
        exchange->addFaultNote(
            QStringLiteral("server added %1 ms of latency (%2)")
                .arg(decision.delayMs)
                .arg(faults.jitterMs > 0
                         ? QStringLiteral("latency %1 ms + up to %2 ms").arg(faults.latencyMs).arg(faults.jitterMs)
                         : QStringLiteral("latency %1 ms").arg(faults.latencyMs)));
        exchange->after(std::chrono::milliseconds(decision.delayMs), answer);
    };

    if (faults.capacity > 0 && m_serving >= faults.capacity) {
        m_state->queued.fetch_add(1);
        QElapsedTimer since;
        since.start();
        m_waiting.push_back({exchange, std::move(start), since, faults.capacity});
        // A client that leaves (a timeout) takes its request out of the queue.
        exchange->whenDone([this, exchange] {
            const auto it = std::find_if(m_waiting.begin(), m_waiting.end(),
                                         [exchange](const Waiting &w) { return w.exchange == exchange; });
            if (it != m_waiting.end()) {
                m_waiting.erase(it);
                m_state->queued.fetch_sub(1);
            }
        });
        return;
    }
    admit(exchange, start);
}

bool FaultInjector::overRateLimit()
{
    if (!m_window.isValid() || m_window.elapsed() >= 1000) {
        m_window.start();
        m_inWindow = 0;
    }
    return ++m_inWindow > m_state->faults().rateLimitPerSecond;
}

void FaultInjector::admit(Exchange *exchange, const std::function<void()> &start)
{
    ++m_serving;
    exchange->whenDone([this] {
        --m_serving;
        // Queued work starts after the answer that freed its place, not inside it.
        QMetaObject::invokeMethod(
            this, [this] { admitWaiting(); }, Qt::QueuedConnection);
    });
    start();
}

void FaultInjector::admitWaiting()
{
    while (!m_waiting.empty()) {
        const auto capacity = m_state->faults().capacity;
        if (capacity > 0 && m_serving >= capacity)
            return;
        auto waiting = std::move(m_waiting.front());
        m_waiting.pop_front();
        m_state->queued.fetch_sub(1);
        if (!waiting.exchange)
            continue;
        waiting.exchange->addFaultNote(
            QStringLiteral("queued %1 ms at the server: capacity %2").arg(waiting.since.elapsed()).arg(waiting.capacity));
        admit(waiting.exchange, waiting.start);
    }
}

} // namespace coroscope::io::lab
