// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <deque>
#include <functional>
#include <memory>

namespace coroscope::io::lab {

class Exchange;
class ServerState;

// Stands in front of every endpoint on the server thread and applies the LabFaults in force
// when a request arrives: an outage closes the connection, the rate limit answers 429, the
// capacity limit queues the request until a place is free, then the added latency, the
// injected error status, a reset or a slow body. What it did is noted on the exchange.
class FaultInjector : public QObject
{
public:
    // `parent` takes it along to the server thread.
    FaultInjector(std::shared_ptr<ServerState> state, QObject *parent);
    ~FaultInjector() override;

    // Serves `exchange` with `handler` once the faults allow (or answers it in their place).
    void serve(Exchange *exchange, std::function<void()> handler);

private:
    struct Waiting {
        QPointer<Exchange> exchange;
        std::function<void()> start;
        QElapsedTimer since;
        int capacity = 0; // when it was queued
    };
    bool overRateLimit();
    void admit(Exchange *exchange, const std::function<void()> &start);
    void admitWaiting(); // as many queued requests as the capacity in force allows

    std::shared_ptr<ServerState> m_state;
    std::shared_ptr<void> m_watch;
    std::deque<Waiting> m_waiting;
    int m_serving = 0; // requests admitted under the capacity limit and not yet answered
    QElapsedTimer m_window; // the rate limit's current one-second window
    int m_inWindow = 0;
};

} // namespace coroscope::io::lab
