// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/labtcpserver.h"

#include "io/labserverstate.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTcpSocket>
#include <QTimer>

#include <cstddef>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

namespace coroscope::io::lab {
namespace {

Q_LOGGING_CATEGORY(lcLabServer, "coroscope.lab.server")

QByteArray refusal(int status, const QByteArray &reason, const QByteArray &why)
{
    const QByteArray body = QByteArray("{\"error\": \"") + why + QByteArray("\"}\n");
    QByteArray response = QByteArray("HTTP/1.1 ") + QByteArray::number(status) + ' ' + reason
                          + QByteArray("\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ")
                          + QByteArray::number(body.size());
    if (status == 503)
        response += "\r\nRetry-After: 1";
    response += "\r\n\r\n" + body;
    return response;
}

// Logs and counts the refusal, drops what the client has sent so far and writes the answer;
// closing is the caller's (at once, or after the client pauses).
void answerRefusal(QTcpSocket &socket, ServerState &state, int status, const QByteArray &reason, const QByteArray &why)
{
    qCInfo(lcLabServer).noquote() << "lab server: refused"
                                  << QStringLiteral("%1:%2").arg(socket.peerAddress().toString()).arg(socket.peerPort())
                                  << status << QString::fromLatin1(reason) + QLatin1Char(':') << QString::fromUtf8(why);
    state.refused.fetch_add(1, std::memory_order_relaxed);
    socket.skip(socket.bytesAvailable());
    socket.write(refusal(status, reason, why));
}

// Bytes the kernel has received on `socket` and Qt has already taken into its buffer: the
// position in the connection's byte stream of the socket buffer's end. -1 where TCP_INFO is not
// available. Read until stable, since the kernel may receive more between the two calls.
qint64 streamPosition(const QTcpSocket &socket)
{
    const auto descriptor = int(socket.socketDescriptor());
    for (int attempt = 0; attempt < 8; ++attempt) {
        tcp_info before{};
        tcp_info after{};
        socklen_t size = sizeof before;
        int unread = 0;
        if (getsockopt(descriptor, IPPROTO_TCP, TCP_INFO, &before, &size) != 0
            || size < offsetof(tcp_info, tcpi_bytes_received) + sizeof before.tcpi_bytes_received
            || ioctl(descriptor, FIONREAD, &unread) != 0
            || getsockopt(descriptor, IPPROTO_TCP, TCP_INFO, &after, &size) != 0)
            return -1;
        if (before.tcpi_bytes_received == after.tcpi_bytes_received)
            return qint64(after.tcpi_bytes_received) - unread;
    }
    return -1;
}

// Watches one connection. Its slot runs before QHttpServer's on every readyRead, so it sees
// each byte as it enters the socket's buffer: the new bytes are the buffer's last
// (stream position now - stream position last time), whatever QHttpServer has consumed since.
class ConnectionGuard : public QObject
{
public:
    ConnectionGuard(QTcpSocket *socket, ServerState &state, const RequestLimits &limits)
        : QObject(socket)
        , m_socket(socket)
        , m_state(state)
        , m_limits(limits)
        , m_guard(limits)
        , m_position(streamPosition(*socket))
    {
        m_opened.start();
        connect(socket, &QIODevice::readyRead, this, &ConnectionGuard::check);
        // A request must be complete within headerTimeoutMs; checked four times per period.
        m_timer.setInterval(std::max(10, limits.headerTimeoutMs / 4));
        connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::checkTime);
        m_timer.start();
    }

private:
    void check()
    {
        if (m_refused) {
            // Read and drop what the client still sends, so that it reads our answer instead of
            // a connection reset; close once it pauses (or after a few seconds at most).
            m_socket->skip(m_socket->bytesAvailable());
            if (m_lingered.elapsed() < 5000)
                m_closeAfterPause.start();
            return;
        }
        const auto position = streamPosition(*m_socket);
        if (position < 0 || m_position < 0)
            return; // no TCP_INFO: nothing to follow the stream by
        const auto fresh = std::min(position - m_position, m_socket->bytesAvailable());
        m_position = position;
        if (fresh <= 0)
            return;
        m_receivedAnything = true;
        const auto bytes = m_socket->peek(m_socket->bytesAvailable()).right(fresh);
        const bool wasBetweenRequests = m_guard.isBetweenRequests();
        const auto verdict = m_guard.feed(bytes);
        if (verdict != RequestGuard::Verdict::Fine) {
            refuseWith(RequestGuard::statusCode(verdict), RequestGuard::reason(verdict), m_guard.explanation());
            return;
        }
        if (wasBetweenRequests && !m_guard.isBetweenRequests())
            m_requestStarted.start();
    }

    void checkTime()
    {
        if (m_refused)
            return;
        const bool silentSinceOpened = !m_receivedAnything;
        const bool partialRequest = m_receivedAnything && !m_guard.isBetweenRequests();
        const auto &since = silentSinceOpened ? m_opened : m_requestStarted;
        if ((silentSinceOpened || partialRequest) && since.isValid() && since.elapsed() >= m_limits.headerTimeoutMs)
            refuseWith(408, "Request Timeout",
                       QByteArray("no complete request within ") + QByteArray::number(m_limits.headerTimeoutMs) + " ms");
    }

    void refuseWith(int status, const QByteArray &reason, const QByteArray &why)
    {
        m_refused = true;
        m_timer.stop();
        answerRefusal(*m_socket, m_state, status, reason, why);
        m_lingered.start();
        m_closeAfterPause.setSingleShot(true);
        m_closeAfterPause.setInterval(300);
        connect(&m_closeAfterPause, &QTimer::timeout, m_socket, &QAbstractSocket::disconnectFromHost);
        m_closeAfterPause.start();
    }

    QTcpSocket *m_socket;
    ServerState &m_state;
    RequestLimits m_limits;
    RequestGuard m_guard;
    qint64 m_position;
    QTimer m_timer;
    QTimer m_closeAfterPause;
    QElapsedTimer m_opened;
    QElapsedTimer m_requestStarted;
    QElapsedTimer m_lingered;
    bool m_receivedAnything = false;
    bool m_refused = false;
};

} // namespace

TcpServer::TcpServer(ServerState &state, RequestLimits limits, QObject *parent)
    : QTcpServer(parent)
    , m_state(state)
    , m_limits(limits)
{
}

TcpServer::~TcpServer()
{
    // The sockets are our children and go with us; they are no longer open connections.
    m_state.connections.fetch_sub(int(m_sockets.size()));
    m_sockets.clear();
}

void TcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    if (m_state.inOutage() && m_state.faults().pathPrefix.isEmpty()) {
        // The outage fault: a new connection is closed before a byte is read.
        m_state.refused.fetch_add(1, std::memory_order_relaxed);
        socket->abort();
        delete socket;
        return;
    }
    if (m_sockets.size() >= m_limits.connections) {
        const QByteArray why = QByteArray("the lab server has ") + QByteArray::number(m_limits.connections)
                               + " connections open, its limit";
        answerRefusal(*socket, m_state, 503, "Service Unavailable", why);
        socket->disconnectFromHost();
        connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
        return;
    }
    m_sockets.insert(socket);
    m_state.connections.fetch_add(1);
    // A connection ends when the peer closes it (disconnected) or when QHttpServer deletes the
    // socket; whichever comes first counts, the pointer is only a key here.
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { forget(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { forget(socket); });
    // Connected before QHttpServer connects its own slot: the guard sees new bytes first.
    new ConnectionGuard(socket, m_state, m_limits);
    addPendingConnection(socket);
}

void TcpServer::forget(QObject *socket)
{
    if (m_sockets.remove(socket))
        m_state.connections.fetch_sub(1);
}

} // namespace coroscope::io::lab
