// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QTcpServer>

#include <atomic>

namespace coroscope::io::lab {

// The lab server's listening socket. It hands every accepted connection to QHttpServer as
// usual, and keeps `open` equal to the number of connections that are still open: the figure
// /stats reports and the HTTP client draws as "open connections".
class TcpServer : public QTcpServer
{
    Q_OBJECT
public:
    TcpServer(std::atomic<int> &open, QObject *parent = nullptr);
    ~TcpServer() override;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void forget(QObject *socket);

    std::atomic<int> &m_open;
    QSet<QObject *> m_sockets;
};

} // namespace coroscope::io::lab
