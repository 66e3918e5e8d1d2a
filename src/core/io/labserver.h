// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/labrequestguard.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <QUrl>

#include <memory>

namespace coroscope::io {

namespace lab {
class ServerState;
class Worker;
} // namespace lab

// The lab server: an httpbin-like HTTP server on 127.0.0.1 that the patterns do their real I/O
// against. It owns a thread of its own and serves everything there, so that a pattern blocking
// its event loop (or the app's) never stalls the server. Delays are timers on that thread:
// a thousand concurrent /delay/200 all finish after about 200 ms.
//
// Endpoints (every body is JSON unless the endpoint is about raw bytes):
//   /delay/{ms}                   answers after ms (0..30000)
//   /status/{code}                answers with that status (200..599)
//   /flaky?fail=0.3&seed=7        503 with probability `fail`; a seed makes the sequence reproducible
//   /bytes/{n}                    n bytes (up to 10 MiB), application/octet-stream
//   /stream/{n}?interval_ms=100   n JSON lines (up to 1000), one per interval, chunked
//   /drip?bytes=10&duration_ms=2000  a body trickling in over the duration
//   /users/{id}  /orders?user=  /notifications?user=  /products/{id}   the demo shop (io/demodata.h)
//   /echo                         the request (any method) as JSON
//   /stats                        requests served, in flight, open connections
// Nonsense input is a 400 with {"error": "..."}; unknown paths and records a 404.
class LabServer : public QObject
{
    Q_OBJECT
public:
    explicit LabServer(QObject *parent = nullptr);
    ~LabServer() override;

    // What a client may send before it is refused (414, 431, 413, 408, 503); takes effect at the
    // next start().
    void setLimits(const lab::RequestLimits &limits);
    lab::RequestLimits limits() const;

    // Listens on 127.0.0.1 only; port 0 picks a free port. On failure returns false and
    // errorString() says why (for example, the port is taken).
    bool start(quint16 port = 0);
    void stop();
    bool isRunning() const;
    QUrl url() const; // e.g. http://127.0.0.1:34567
    QString errorString() const;

    // Misbehaviour applied to every endpoint but /stats: a random extra latency of up to
    // latencyJitterMs, and a 503 for that fraction of requests.
    struct Faults {
        int latencyJitterMs = 0;
        double failureRate = 0;
    };
    void setFaults(Faults faults); // thread-safe, takes effect for the next request
    Faults faults() const;

    // Requests answered, requests being answered, TCP connections open. /stats itself is not counted.
    struct Stats {
        qint64 served = 0;
        int inFlight = 0;
        int connections = 0;
        qint64 refused = 0; // requests or connections refused by the limits
    };
    Stats stats() const; // thread-safe

private:
    std::shared_ptr<lab::ServerState> m_state;
    QThread m_thread;
    lab::Worker *m_worker = nullptr;
    lab::RequestLimits m_limits;
    QUrl m_url;
    QString m_error;
};

} // namespace coroscope::io
