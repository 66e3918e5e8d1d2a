// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/labtcpserver.h"

#include <QTcpSocket>

namespace coroscope::io::lab {

TcpServer::TcpServer(std::atomic<int> &open, QObject *parent)
    : QTcpServer(parent)
    , m_open(open)
{
}

TcpServer::~TcpServer()
{
    // The sockets are our children and go with us; they are no longer open connections.
    m_open.fetch_sub(int(m_sockets.size()));
    m_sockets.clear();
}

void TcpServer::incomingConnection(qintptr descriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    m_sockets.insert(socket);
    m_open.fetch_add(1);
    // A connection ends when the peer closes it (disconnected) or when QHttpServer deletes the
    // socket; whichever comes first counts, the pointer is only a key here.
    connect(socket, &QAbstractSocket::disconnected, this, [this, socket] { forget(socket); });
    connect(socket, &QObject::destroyed, this, [this, socket] { forget(socket); });
    addPendingConnection(socket);
}

void TcpServer::forget(QObject *socket)
{
    if (m_sockets.remove(socket))
        m_open.fetch_sub(1);
}

} // namespace coroscope::io::lab
