// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/blockingget.h"

#include "async/duration.h"
#include "async/errors.h"
#include "async/taskcontext.h"
#include "io/httpclient.h"
#include "io/httpresponseparser.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTcpSocket>

namespace coroscope::io {
namespace {

[[noreturn]] void throwSocketError(const QString &label, const QUrl &url, const QTcpSocket &socket,
                                   std::chrono::milliseconds timeout, const QString &doing)
{
    if (socket.error() == QAbstractSocket::SocketTimeoutError)
        throw async::TimeoutError(QStringLiteral("%1: no answer within %2").arg(label, async::formatDuration(timeout)));
    throw async::Error(async::ErrorKind::Connection,
                       QStringLiteral("GET %1: %2: %3").arg(url.toDisplayString(), doing, socket.errorString()));
}

} // namespace

QByteArray blockingGet(const QUrl &url, std::chrono::milliseconds timeout)
{
    const auto label = requestLabel("GET", url);
    if (!url.isValid() || url.scheme() != QLatin1String("http") || url.host().isEmpty())
        throw async::Error(
            async::ErrorKind::InvalidArgument,
            QStringLiteral("blocking %1: only http:// URLs are supported (\"%2\")").arg(label, url.toString()));
    auto *task = async::TaskContext::current();
    if (task)
        task->mark(QStringLiteral("blocking %1: this thread's event loop stops until it returns").arg(label));
    QElapsedTimer clock;
    clock.start();
    const QDeadlineTimer deadline(timeout);
    auto remaining = [&deadline] { return int(std::max<qint64>(deadline.remainingTime(), 0)); };

    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port(80)));
    if (!socket.waitForConnected(remaining()))
        throwSocketError(label, url, socket, timeout, QStringLiteral("cannot connect"));

    auto target = url.path(QUrl::FullyEncoded);
    if (target.isEmpty())
        target = QStringLiteral("/");
    if (url.hasQuery())
        target += QLatin1Char('?') + url.query(QUrl::FullyEncoded);
    const auto host = url.port() > 0 ? url.host() + QLatin1Char(':') + QString::number(url.port()) : url.host();
    socket.write(QByteArray("GET " + target.toLatin1() + " HTTP/1.0\r\nHost: " + host.toLatin1()
                            + "\r\nUser-Agent: coroscope-blocking\r\nConnection: close\r\n\r\n"));
    if (!socket.waitForBytesWritten(remaining()))
        throwSocketError(label, url, socket, timeout, QStringLiteral("cannot send the request"));

    HttpResponseParser response;
    while (!response.isDone()) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(remaining())) {
            if (socket.error() != QAbstractSocket::RemoteHostClosedError)
                throwSocketError(label, url, socket, timeout, QStringLiteral("cannot read the answer"));
            response.feed(socket.readAll());
            response.finishAtEof();
            break;
        }
        if (!response.feed(socket.readAll()))
            break;
    }
    if (response.hasError())
        throw async::Error(async::ErrorKind::Connection, QStringLiteral("%1: %2").arg(label, response.errorString()));
    if (task)
        task->mark(QStringLiteral("blocking %1 returned after %2 ms").arg(label).arg(clock.elapsed()));
    if (response.status() >= 400)
        throw async::HttpError(response.status(), QStringLiteral("%1: %2 %3")
                                                      .arg(label)
                                                      .arg(response.status())
                                                      .arg(QString::fromLatin1(response.reason()))
                                                      .trimmed());
    return response.body();
}

} // namespace coroscope::io
