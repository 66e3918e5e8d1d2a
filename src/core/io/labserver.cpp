// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/labserver.h"

#include "io/labendpoints.h"
#include "io/labexchange.h"
#include "io/labfaultinjector.h"
#include "io/labserverstate.h"
#include "io/labtcpserver.h"

#include <QHttpServer>

#include <functional>

namespace coroscope::io {
namespace lab {

// The part of the lab server that lives on its thread: the QHttpServer, its routes, and the
// fault injection in front of every endpoint.
class Worker : public QObject
{
public:
    explicit Worker(std::shared_ptr<ServerState> state)
        : m_state(state)
        , m_faults(std::move(state), this)
    {
    }

    // On the server thread. Returns the port listened on, or 0 and the reason.
    quint16 listen(quint16 port, const RequestLimits &limits, QString *error)
    {
        auto tcp = std::make_unique<TcpServer>(*m_state, limits);
        // A thousand clients connecting at once must not overflow the kernel's accept queue
        // (Qt's default is 50): the overflow would be retried a second later, a fake delay.
        tcp->setListenBacklogSize(1024);
        if (!tcp->listen(QHostAddress::LocalHost, port)) {
            *error = QStringLiteral("cannot listen on 127.0.0.1:%1: %2").arg(port).arg(tcp->errorString());
            return 0;
        }
        const auto bound = tcp->serverPort();
        m_http = std::make_unique<QHttpServer>();
        addRoutes();
        m_http->bind(tcp.release()); // the http server takes it as a child
        return bound;
    }

    // On the server thread: closes every connection; pending answers go with them.
    void shutdown() { m_http.reset(); }

private:
    using Handler = std::function<void(Exchange &)>;

    void addRoutes();
    void serve(const QHttpServerRequest &request, QHttpServerResponder &&responder, Handler handler);
    static void run(Exchange &exchange, const Handler &handler);

    std::shared_ptr<ServerState> m_state;
    FaultInjector m_faults; // outlives the server below: its exchanges call back into it
    std::unique_ptr<QHttpServer> m_http;
    Endpoints m_endpoints;
};

void Worker::addRoutes()
{
    auto &http = *m_http;
    auto &e = m_endpoints;
    using Request = const QHttpServerRequest &;
    using Responder = QHttpServerResponder &&;
    // Path arguments are taken as text: a non-number must be a 400 that says so, not a 404.
    http.route(QStringLiteral("/delay/<arg>"), [this, &e](const QString &ms, Request request, Responder responder) {
        serve(request, std::move(responder), [&e, ms](Exchange &x) { e.delay(x, ms); });
    });
    http.route(QStringLiteral("/status/<arg>"), [this, &e](const QString &code, Request request, Responder responder) {
        serve(request, std::move(responder), [&e, code](Exchange &x) { e.status(x, code); });
    });
    http.route(QStringLiteral("/flaky"), [this, &e](Request request, Responder responder) {
        serve(request, std::move(responder), [&e](Exchange &x) { e.flaky(x); });
    });
    http.route(QStringLiteral("/bytes/<arg>"), [this, &e](const QString &count, Request request, Responder responder) {
        serve(request, std::move(responder), [&e, count](Exchange &x) { e.bytes(x, count); });
    });
    http.route(QStringLiteral("/stream/<arg>"), [this, &e](const QString &lines, Request request, Responder responder) {
        serve(request, std::move(responder), [&e, lines](Exchange &x) { e.stream(x, lines); });
    });
    http.route(QStringLiteral("/drip"), [this, &e](Request request, Responder responder) {
        serve(request, std::move(responder), [&e](Exchange &x) { e.drip(x); });
    });
    http.route(QStringLiteral("/users/<arg>"), [this, &e](const QString &id, Request request, Responder responder) {
        serve(request, std::move(responder), [&e, id](Exchange &x) { e.user(x, id); });
    });
    http.route(QStringLiteral("/orders"), [this, &e](Request request, Responder responder) {
        serve(request, std::move(responder), [&e](Exchange &x) { e.orders(x); });
    });
    http.route(QStringLiteral("/notifications"), [this, &e](Request request, Responder responder) {
        serve(request, std::move(responder), [&e](Exchange &x) { e.notifications(x); });
    });
    http.route(QStringLiteral("/products/<arg>"), [this, &e](const QString &id, Request request, Responder responder) {
        serve(request, std::move(responder), [&e, id](Exchange &x) { e.product(x, id); });
    });
    http.route(QStringLiteral("/echo"), [this, &e](Request request, Responder responder) {
        serve(request, std::move(responder), [&e](Exchange &x) { e.echo(x); });
    });
    // The observer: neither counted nor subject to faults, so it always tells the truth.
    http.route(QStringLiteral("/stats"), [this, &e](Request request, Responder responder) {
        auto *exchange = new Exchange(request, std::move(responder), *m_state, Exchange::Counting::Uncounted);
        run(*exchange, [this, &e](Exchange &x) { e.stats(x, *m_state); });
    });
    // The control API, spared by the faults and not counted: the way to turn them off must work.
    http.route(QString::fromLatin1(labFaultsPath), [this, &e](Request request, Responder responder) {
        auto *exchange = new Exchange(request, std::move(responder), *m_state, Exchange::Counting::Uncounted);
        run(*exchange, [this, &e](Exchange &x) { e.faults(x, *m_state); });
    });
    http.setMissingHandler([this, &e](Request request, Responder responder) {
        serve(request, std::move(responder), [&e](Exchange &x) { e.notFound(x); });
    });
}

void Worker::serve(const QHttpServerRequest &request, QHttpServerResponder &&responder, Handler handler)
{
    auto *exchange = new Exchange(request, std::move(responder), *m_state);
    m_faults.serve(exchange, [exchange, handler = std::move(handler)] { run(*exchange, handler); });
}

void Worker::run(Exchange &exchange, const Handler &handler)
{
    try {
        handler(exchange);
    } catch (const BadRequest &bad) {
        exchange.replyError(400, bad.message);
    } catch (const std::exception &error) {
        // A bug of ours must not take the server (and the app with it) down.
        exchange.replyError(500, QStringLiteral("internal error: %1").arg(QString::fromUtf8(error.what())));
    }
}

} // namespace lab

LabServer::LabServer(QObject *parent)
    : QObject(parent)
    , m_state(std::make_shared<lab::ServerState>())
{
    m_thread.setObjectName(QStringLiteral("lab server"));
}

LabServer::~LabServer()
{
    stop();
}

bool LabServer::start(quint16 port)
{
    if (isRunning()) {
        m_error = QStringLiteral("the lab server is already running at %1").arg(m_url.toString());
        return false;
    }
    m_thread.start();
    m_worker = new lab::Worker(m_state);
    m_worker->moveToThread(&m_thread);
    quint16 bound = 0;
    QString error;
    QMetaObject::invokeMethod(
        m_worker, [&] { bound = m_worker->listen(port, m_limits, &error); }, Qt::BlockingQueuedConnection);
    if (bound == 0) {
        stop();
        m_error = error;
        return false;
    }
    m_error.clear();
    m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(bound));
    lab::registerServer(bound, m_state);
    return true;
}

void LabServer::stop()
{
    if (!m_worker)
        return;
    if (m_url.port() > 0)
        lab::unregisterServer(quint16(m_url.port()));
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->shutdown(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker; // its thread has ended: nothing can be using it
    m_worker = nullptr;
    m_url.clear();
}

bool LabServer::isRunning() const
{
    return m_worker != nullptr;
}

QUrl LabServer::url() const
{
    return m_url;
}

QString LabServer::errorString() const
{
    return m_error;
}

void LabServer::setFaults(const LabFaults &faults)
{
    m_state->setFaults(faults);
}

LabFaults LabServer::faults() const
{
    return m_state->faults();
}

std::shared_ptr<void> LabServer::watchFaults(std::function<void(const LabFaults &)> listener)
{
    return m_state->watchFaults(std::move(listener));
}

LabServer::Stats LabServer::stats() const
{
    return Stats{m_state->served.load(),  m_state->inFlight.load(), m_state->connections.load(),
                 m_state->refused.load(), m_state->queued.load(),   m_state->outageRemainingMs()};
}

void LabServer::setLimits(const lab::RequestLimits &limits)
{
    m_limits = limits;
}

lab::RequestLimits LabServer::limits() const
{
    return m_limits;
}

} // namespace coroscope::io
