// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/labexchange.h"

#include "io/labserverstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QTimer>

namespace coroscope::io::lab {
namespace {

QString methodName(QHttpServerRequest::Method method)
{
    const auto key = QMetaEnum::fromType<QHttpServerRequest::Method>().valueToKey(int(method));
    return key ? QString::fromLatin1(key).toUpper() : QStringLiteral("?");
}

QHttpServerResponder::StatusCode statusCode(int status)
{
    return static_cast<QHttpServerResponder::StatusCode>(status);
}

} // namespace

Exchange::Exchange(const QHttpServerRequest &request, QHttpServerResponder &&responder, ServerState &state,
                   Counting counting)
    : QObject(responder.socket())
    , m_responder(std::move(responder))
    , m_socket(m_responder.socket())
    , m_state(state)
    , m_method(request.method())
    , m_path(request.url().path())
    , m_query(request.query())
    , m_body(request.body())
    , m_counted(counting == Counting::Counted)
{
    if (m_counted)
        m_state.inFlight.fetch_add(1);
    for (const auto &[name, value] : request.headers()) {
        if (name.compare("Connection", Qt::CaseInsensitive) == 0
            && value.trimmed().compare("close", Qt::CaseInsensitive) == 0)
            m_closeAfter = true;
    }
    if (m_socket)
        connect(m_socket, &QAbstractSocket::disconnected, this, &Exchange::abandon);
    if (!isOpen())
        QMetaObject::invokeMethod(this, &Exchange::abandon, Qt::QueuedConnection);
}

Exchange::~Exchange()
{
    // Torn down with its connection (the server stopping) before it could answer.
    if (!m_done && m_counted)
        m_state.inFlight.fetch_sub(1);
}

QString Exchange::label() const
{
    const auto query = m_query.toString(QUrl::FullyEncoded);
    return methodName(m_method) + QLatin1Char(' ') + m_path + (query.isEmpty() ? QString() : QLatin1Char('?') + query);
}

bool Exchange::isOpen() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

void Exchange::reply(const QJsonValue &json, int status)
{
    if (m_done)
        return;
    if (isOpen()) {
        const auto document = json.isArray() ? QJsonDocument(json.toArray()) : QJsonDocument(json.toObject());
        m_responder.write(document, statusCode(status));
    }
    finish();
}

void Exchange::replyError(int status, const QString &message)
{
    reply(QJsonObject{{QStringLiteral("error"), message}, {QStringLiteral("status"), status}}, status);
}

void Exchange::replyStatus(int status)
{
    if (m_done)
        return;
    if (isOpen())
        m_responder.write(statusCode(status));
    finish();
}

void Exchange::replyBytes(const QByteArray &data, const QByteArray &mimeType)
{
    if (m_done)
        return;
    if (isOpen())
        m_responder.write(data, mimeType);
    finish();
}

void Exchange::beginBody(const QByteArray &mimeType, qint64 length)
{
    if (m_done || !isOpen())
        return;
    m_chunked = length < 0;
    m_responder.writeStatusLine(QHttpServerResponder::StatusCode::Ok);
    m_responder.writeHeader(QByteArrayLiteral("Content-Type"), mimeType);
    if (m_chunked)
        m_responder.writeHeader(QByteArrayLiteral("Transfer-Encoding"), QByteArrayLiteral("chunked"));
    else
        m_responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(length));
    // Ends the header block now, so the client sees the answer begin before the first part.
    m_responder.writeBody(QByteArray());
}

void Exchange::writeBodyPart(const QByteArray &part)
{
    if (m_done || !isOpen() || part.isEmpty())
        return;
    if (m_chunked)
        m_responder.writeBody(QByteArray(QByteArray::number(part.size(), 16) + "\r\n" + part + "\r\n"));
    else
        m_responder.writeBody(part);
}

void Exchange::endBody()
{
    if (m_done)
        return;
    if (m_chunked && isOpen())
        m_responder.writeBody(QByteArrayLiteral("0\r\n\r\n"));
    finish();
}

void Exchange::after(std::chrono::milliseconds delay, std::function<void()> fn)
{
    // The timer belongs to the exchange: when the client leaves, the exchange and the timer go.
    QTimer::singleShot(delay, Qt::PreciseTimer, this, [this, fn = std::move(fn)] {
        if (!m_done)
            fn();
    });
}

void Exchange::finish()
{
    m_done = true;
    // QHttpServer 6.4 keeps every connection open; simple clients wait for the close.
    if (m_closeAfter && isOpen())
        m_socket->disconnectFromHost();
    if (m_counted) {
        m_state.inFlight.fetch_sub(1);
        m_state.served.fetch_add(1);
    }
    deleteLater();
}

void Exchange::abandon()
{
    if (m_done)
        return;
    m_done = true;
    if (m_counted)
        m_state.inFlight.fetch_sub(1);
    deleteLater();
}

} // namespace coroscope::io::lab
