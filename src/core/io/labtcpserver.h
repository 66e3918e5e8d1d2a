// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/labrequestguard.h"

#include <QSet>
#include <QTcpServer>

#include <atomic>

namespace coroscope::io::lab {

class ServerState;

// The lab server's listening socket. It hands every accepted connection to QHttpServer as
// usual, keeps ServerState::connections equal to the connections still open (the figure /stats
// reports and the HTTP client draws as "open connections"), and holds each connection to the
// RequestLimits: a request that breaks one is answered with its HTTP status and the connection
// closed before QHttpServer reads more of it; a connection over the limit gets a 503.
class TcpServer : public QTcpServer
{
    Q_OBJECT
public:
    TcpServer(ServerState &state, RequestLimits limits, QObject *parent = nullptr);
    ~TcpServer() override;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void forget(QObject *socket);

    ServerState &m_state;
    RequestLimits m_limits;
    QSet<QObject *> m_sockets;
};

} // namespace coroscope::io::lab
