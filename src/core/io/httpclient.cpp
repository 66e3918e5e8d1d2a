// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/httpclient.h"

#include "async/duration.h"
#include "async/errors.h"
#include "io/labfaults.h"
#include "io/labserverstate.h"
#include "trace/counters.h"
#include "trace/recorder.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonParseError>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QThread>

namespace coroscope::io {
namespace {

using Clock = std::chrono::steady_clock;

// The calling thread's networking: its shared manager and what its requests are doing.
struct ThreadNetwork {
    QPointer<QNetworkAccessManager> shared;
    int inFlight = 0;
    qint64 connectionsOpened = 0;

    ~ThreadNetwork() { delete shared.data(); }
};

ThreadNetwork &threadNetwork()
{
    thread_local ThreadNetwork network;
    return network;
}

bool isLoopback(const QUrl &url)
{
    return url.host() == QLatin1String("localhost") || QHostAddress(url.host()).isLoopback();
}

// What QNetworkReply's error means for a pattern: could it not reach the server (Connection),
// did it take too long (Timeout), or was the request itself unusable (InvalidArgument)?
async::ErrorKind kindOf(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::TimeoutError: return async::ErrorKind::Timeout;
    case QNetworkReply::ProtocolUnknownError:
    case QNetworkReply::ProtocolInvalidOperationError: return async::ErrorKind::InvalidArgument;
    default: return async::ErrorKind::Connection;
    }
}

// Retry-After in seconds (the HTTP-date form is not used by servers we talk to; it reads as 0).
std::chrono::milliseconds retryAfterOf(const QByteArray &value)
{
    bool ok = false;
    const auto seconds = value.trimmed().toLongLong(&ok);
    return ok && seconds > 0 ? std::chrono::milliseconds(std::min<qint64>(seconds, 3600) * 1000)
                             : std::chrono::milliseconds(0);
}

} // namespace

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonDocument HttpResponse::json() const
{
    QJsonParseError error{};
    auto document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        throw async::Error(async::ErrorKind::Other, QStringLiteral("%1: the answer is not JSON (%2 at byte %3 of %4)")
                                                        .arg(label, error.errorString())
                                                        .arg(error.offset)
                                                        .arg(body.size()));
    return document;
}

QString requestLabel(QByteArrayView method, const QUrl &url)
{
    const auto name = QString::fromLatin1(method);
    if (!url.isValid() || url.host().isEmpty())
        return name + QLatin1Char(' ') + (url.isEmpty() ? QStringLiteral("<no URL>") : url.toString());
    auto target = url.path(QUrl::FullyEncoded);
    if (target.isEmpty())
        target = QStringLiteral("/");
    if (url.hasQuery())
        target += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
    if (isLoopback(url)) // the lab server: the path is what tells requests apart
        return name + QLatin1Char(' ') + target;
    const auto port = url.port();
    return name + QLatin1Char(' ') + url.host() + (port > 0 ? QLatin1Char(':') + QString::number(port) : QString())
           + target;
}

HttpRequestAwaiter::HttpRequestAwaiter(HttpRequestSpec spec, std::source_location where)
    : Suspension(trace::SuspendReason::Network, requestLabel(spec.method, spec.url), where)
    , m_spec(std::move(spec))
{
}

HttpRequestAwaiter::HttpRequestAwaiter(HttpRequestAwaiter &&other) noexcept
    : Suspension(std::move(other))
    , m_spec(std::move(other.m_spec))
{
}

HttpRequestAwaiter::~HttpRequestAwaiter()
{
    // Only if the coroutine frame goes away mid-request (at teardown); its task may be gone
    // too, so nothing is recorded.
    if (m_reply)
        release(true, false);
}

void HttpRequestAwaiter::start()
{
    m_response.label = resource();
    const auto &url = m_spec.url;
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        fail(std::make_exception_ptr(async::Error(
            async::ErrorKind::InvalidArgument,
            QStringLiteral("%1: not an http:// or https:// URL (\"%2\")").arg(resource(), url.toString()))));
        return;
    }

    QNetworkAccessManager *manager = nullptr;
    if (m_spec.callerManager) {
        manager = m_spec.manager.data();
        if (!manager) {
            fail(std::make_exception_ptr(async::Error(
                async::ErrorKind::InvalidArgument,
                QStringLiteral("%1: the client's network access manager was already deleted").arg(resource()))));
            return;
        }
    } else if (m_spec.mode == ClientMode::FreshPerRequest)
        manager = m_ownManager = new QNetworkAccessManager;
    else
        manager = &HttpClient::sharedManager();

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    if (!m_spec.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, m_spec.contentType);
    m_startedNs = Clock::now().time_since_epoch().count();
    m_reply = m_spec.method == "GET" && m_spec.body.isEmpty()
                  ? manager->get(request)
                  : manager->sendCustomRequest(request, m_spec.method, m_spec.body);
    ++threadNetwork().inFlight;
    recordCounters();

    // Our handlers hang off a context object of our own, so that dropping it disconnects
    // exactly them: abort() emits finished() synchronously, and nothing of ours may answer it.
    m_handlers = std::make_unique<QObject>();
    QObject::connect(m_reply, &QNetworkReply::socketStartedConnecting, m_handlers.get(), [this] {
        // QNetworkAccessManager says nothing about its connections, except this: the request
        // found no idle connection to reuse and opens one.
        m_response.newConnection = true;
        ++threadNetwork().connectionsOpened;
        if (auto *ctx = context())
            ctx->mark(QStringLiteral("%1 opens a new connection").arg(resource()));
    });
    QObject::connect(m_reply, &QNetworkReply::requestSent, m_handlers.get(), [this] { recordCounters(); });
    QObject::connect(m_reply, &QNetworkReply::finished, m_handlers.get(), [this] { onFinished(); });

    if (m_spec.timeout.count() > 0) {
        m_deadline = async::DeadlineScheduler::current().schedule(Clock::now() + m_spec.timeout, [this] {
            m_deadline.reset();
            onTimeout();
        });
    }
}

void HttpRequestAwaiter::release(bool abortReply, bool record)
{
    m_handlers.reset();
    if (m_deadline) {
        async::DeadlineScheduler::current().cancel(*m_deadline);
        m_deadline.reset();
    }
    if (m_reply) {
        if (abortReply)
            m_reply->abort(); // closes the connection: the server sees the client leave
        m_reply->deleteLater();
        m_reply = nullptr;
        --threadNetwork().inFlight;
        if (record)
            recordCounters();
    }
    if (m_ownManager) {
        m_ownManager->deleteLater();
        m_ownManager = nullptr;
    }
}

void HttpRequestAwaiter::onFinished()
{
    auto *reply = m_reply;
    m_response.elapsedNs = Clock::now().time_since_epoch().count() - m_startedNs;
    m_response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_response.body = reply->readAll();
    m_response.headers = reply->rawHeaderPairs();
    const auto reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const auto error = reply->error();
    const auto errorText = reply->errorString();
    release(false);

    // What the lab server's faults did to this request, said on the request's own lane.
    auto faultNote = QString::fromLatin1(m_response.header(labFaultHeader));
    if (faultNote.isEmpty() && error != QNetworkReply::NoError && m_response.status == 0) {
        if (const auto lab = lab::serverAt(m_spec.url); lab && lab->inOutage())
            faultNote = QStringLiteral("the lab server is in an outage: connection refused");
    }
    if (!faultNote.isEmpty()) {
        m_response.faultNote = faultNote;
        if (auto *ctx = context())
            ctx->mark(QStringLiteral("%1: %2").arg(resource(), faultNote));
    }
    const QString noteSuffix = faultNote.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(faultNote);

    if (m_response.status >= 400) {
        fail(std::make_exception_ptr(async::HttpError(
            m_response.status,
            QStringLiteral("%1: %2 %3").arg(resource()).arg(m_response.status).arg(reason).trimmed() + noteSuffix,
            retryAfterOf(m_response.header("Retry-After")))));
    } else if (error != QNetworkReply::NoError) {
        const QString message
            = QStringLiteral("%1 %2: %3").arg(QString::fromLatin1(m_spec.method), m_spec.url.toDisplayString(), errorText)
              + noteSuffix;
        if (kindOf(error) == async::ErrorKind::Timeout)
            fail(std::make_exception_ptr(async::TimeoutError(message)));
        else
            fail(std::make_exception_ptr(async::Error(kindOf(error), message)));
    } else {
        complete();
    }
}

void HttpRequestAwaiter::onTimeout()
{
    release(true);
    fail(std::make_exception_ptr(async::TimeoutError(
        QStringLiteral("%1: no answer within %2").arg(resource(), async::formatDuration(m_spec.timeout)))));
}

void HttpRequestAwaiter::abort()
{
    release(true);
}

void HttpRequestAwaiter::recordCounters() const
{
    auto *ctx = context();
    if (!ctx || !ctx->recorder())
        return;
    auto *recorder = ctx->recorder();
    recorder->counter(trace::counters::requestsInFlight(), threadNetwork().inFlight);
    // The connections the lab server sees; for other servers there is no honest figure.
    if (const auto open = lab::openConnectionsAt(m_spec.url))
        recorder->counter(trace::counters::openConnections(), *open);
}

HttpResponse HttpRequestAwaiter::await_resume()
{
    Suspension::await_resume();
    return std::move(m_response);
}

HttpClient::HttpClient(ClientMode mode)
    : m_mode(mode)
{
}

HttpClient::HttpClient(QNetworkAccessManager *manager)
    : m_mode(ClientMode::SharedPerThread)
    , m_callerManager(true)
    , m_manager(manager)
{
}

HttpRequestSpec HttpClient::spec(QByteArray method, QUrl url, QByteArray body, QByteArray contentType) const
{
    return HttpRequestSpec{std::move(method), std::move(url),  std::move(body), std::move(contentType), m_mode,
                           m_timeout,         m_callerManager, m_manager};
}

HttpRequestAwaiter HttpClient::get(QUrl url, std::source_location where) const
{
    return HttpRequestAwaiter(spec(QByteArrayLiteral("GET"), std::move(url)), where);
}

HttpJsonAwaiter HttpClient::getJson(QUrl url, std::source_location where) const
{
    return HttpJsonAwaiter(spec(QByteArrayLiteral("GET"), std::move(url)), where);
}

HttpRequestAwaiter HttpClient::post(QUrl url, QByteArray body, std::source_location where) const
{
    return HttpRequestAwaiter(
        spec(QByteArrayLiteral("POST"), std::move(url), std::move(body), QByteArrayLiteral("application/json")), where);
}

HttpRequestAwaiter HttpClient::send(QByteArray method, QUrl url, QByteArray body, QByteArray contentType,
                                    std::source_location where) const
{
    return HttpRequestAwaiter(spec(std::move(method), std::move(url), std::move(body), std::move(contentType)), where);
}

qint64 HttpClient::connectionsOpened()
{
    return threadNetwork().connectionsOpened;
}

int HttpClient::requestsInFlight()
{
    return threadNetwork().inFlight;
}

QNetworkAccessManager &HttpClient::sharedManager()
{
    auto &network = threadNetwork();
    if (!network.shared) {
        auto *manager = new QNetworkAccessManager;
        network.shared = manager;
        // A QThread's objects should go while its dispatcher still exists: at finished(), which
        // processes deferred deletes. The main thread's manager goes with the thread_local.
        auto *thread = QThread::currentThread();
        if (QCoreApplication::instance() && thread != QCoreApplication::instance()->thread())
            QObject::connect(thread, &QThread::finished, manager, &QObject::deleteLater);
    }
    return *network.shared;
}

} // namespace coroscope::io
