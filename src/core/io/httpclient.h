// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/deadlinescheduler.h"
#include "async/suspension.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <chrono>
#include <memory>
#include <optional>
#include <source_location>

class QNetworkAccessManager;
class QObject;
class QNetworkReply;

namespace coroscope::io {

// Where a request's QNetworkAccessManager comes from.
enum class ClientMode {
    // One manager per thread, created on first use and reused: connections are kept alive and
    // shared (at most 6 per host for HTTP/1.1, a limit you will see on the timeline).
    SharedPerThread,
    // A new manager for every request, thrown away after it: a new TCP connection each time,
    // like calling requests.get() without a Session. For comparing, not for copying.
    FreshPerRequest,
};

struct HttpResponse {
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString label; // "GET /users/1"
    qint64 elapsedNs = 0; // from sending the request to the last byte of the answer
    bool newConnection = false; // the request had to open a TCP connection (none could be reused)
    QString faultNote; // what the lab server's faults did to it ("server injected 503 (error rate 30%)")

    // The value of the first header called `name` (case-insensitive), or an empty array.
    QByteArray header(QByteArrayView name) const;
    // The body parsed as JSON; throws async::Error if it is not JSON.
    QJsonDocument json() const;
};

// "GET /delay/200" for the lab server (any loopback host), "GET example.org/path" otherwise:
// how a request is named in suspensions, marks and error messages.
QString requestLabel(QByteArrayView method, const QUrl &url);

struct HttpRequestSpec {
    QByteArray method;
    QUrl url;
    QByteArray body;
    QByteArray contentType;
    ClientMode mode = ClientMode::SharedPerThread;
    std::chrono::milliseconds timeout{0}; // 0: no limit of our own
    // Set by HttpClient(QNetworkAccessManager *): send through the caller's manager, not `mode`.
    bool callerManager = false;
    QPointer<QNetworkAccessManager> manager;
};

// co_await-ing it sends the request and suspends the task (reason Network, resource "GET /path")
// until the answer is in. Cancelling the task aborts the request for real: the connection is
// closed and the await throws CancelledError. Failures are typed: an answer with status >= 400
// is an async::HttpError, an unreachable or broken connection an async::Error of kind
// Connection, running past the client's timeout an async::TimeoutError.
class HttpRequestAwaiter : public async::Suspension
{
public:
    HttpRequestAwaiter(HttpRequestSpec spec, std::source_location where);
    HttpRequestAwaiter(HttpRequestAwaiter &&other) noexcept;
    ~HttpRequestAwaiter();

    HttpResponse await_resume();

private:
    void start() override;
    void abort() override;
    void onFinished();
    void onTimeout();
    // Detaches from the reply (and its manager, if it was ours alone) and lets them go.
    void release(bool abortReply, bool record = true);
    void recordCounters() const;

    HttpRequestSpec m_spec;
    QNetworkReply *m_reply = nullptr;
    std::unique_ptr<QObject> m_handlers;
    QNetworkAccessManager *m_ownManager = nullptr;
    std::optional<async::DeadlineScheduler::Handle> m_deadline;
    HttpResponse m_response;
    qint64 m_startedNs = 0;
};

// The same, answering with the body parsed as JSON.
class HttpJsonAwaiter final : public HttpRequestAwaiter
{
public:
    using HttpRequestAwaiter::HttpRequestAwaiter;
    HttpJsonAwaiter(HttpJsonAwaiter &&) noexcept = default;
    QJsonDocument await_resume() { return HttpRequestAwaiter::await_resume().json(); }
};

// An async HTTP client in the style of an aiohttp session, for patterns:
//     HttpClient http;
//     auto user = co_await http.getJson(ctx.url(QStringLiteral("/users/1")));
//     auto reply = co_await http.get(url);  // HttpResponse
// Any http:// or https:// URL works. The client is a small value; copies share nothing but the
// thread's manager.
class HttpClient
{
public:
    explicit HttpClient(ClientMode mode = ClientMode::SharedPerThread);
    // Sends through `manager`, which the caller owns: its connections stay open for as long as
    // it lives (the pattern about clients that are never closed). It must outlive the requests.
    explicit HttpClient(QNetworkAccessManager *manager);

    ClientMode mode() const { return m_mode; }
    // A limit for each request; past it the request is aborted and TimeoutError thrown. 0 = none.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    [[nodiscard]] HttpRequestAwaiter get(QUrl url, std::source_location where = std::source_location::current()) const;
    [[nodiscard]] HttpJsonAwaiter getJson(QUrl url, std::source_location where = std::source_location::current()) const;
    // POSTs `body` as application/json.
    [[nodiscard]] HttpRequestAwaiter post(QUrl url, QByteArray body,
                                          std::source_location where = std::source_location::current()) const;
    [[nodiscard]] HttpRequestAwaiter send(QByteArray method, QUrl url, QByteArray body = {}, QByteArray contentType = {},
                                          std::source_location where = std::source_location::current()) const;

    // New TCP connections opened by the requests of the calling thread so far (not reuses).
    static qint64 connectionsOpened();
    // Requests of the calling thread that are sent and not yet answered.
    static int requestsInFlight();
    // The calling thread's shared manager, created on first use and deleted with the thread.
    static QNetworkAccessManager &sharedManager();

private:
    HttpRequestSpec spec(QByteArray method, QUrl url, QByteArray body = {}, QByteArray contentType = {}) const;

    ClientMode m_mode;
    std::chrono::milliseconds m_timeout{0};
    bool m_callerManager = false;
    QPointer<QNetworkAccessManager> m_manager;
};

} // namespace coroscope::io
