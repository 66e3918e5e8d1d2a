// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/labfaults.h"
#include "io/labrequestguard.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <QUrl>

#include <functional>
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
//   /stats                        requests served, in flight, queued, refused, open connections
//   /_lab/faults                  the control API: GET the faults as JSON, PUT new ones (see LabFaults)
// Nonsense input is a 400 with {"error": "..."}; unknown paths and records a 404.
inline constexpr const char *labFaultsPath = "/_lab/faults";

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

    // Misbehaviour on purpose, applied to every endpoint (or LabFaults::pathPrefix) but /stats
    // and the control API. Thread-safe; takes effect for the next request. Out-of-range values
    // are clamped.
    void setFaults(const LabFaults &faults);
    LabFaults faults() const;
    // `listener` runs on the changing thread after each setFaults() (or PUT of the control API)
    // until the returned token is dropped.
    std::shared_ptr<void> watchFaults(std::function<void(const LabFaults &)> listener);

    // Requests answered, requests being answered, TCP connections open. /stats itself is not counted.
    struct Stats {
        qint64 served = 0;
        int inFlight = 0;
        int connections = 0;
        qint64 refused = 0; // requests or connections refused by the limits, the rate limit or an outage
        int queued = 0; // requests waiting under the capacity fault
        qint64 outageRemainingMs = 0;
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
