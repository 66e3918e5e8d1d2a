// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/labexchange.h"

#include "io/labfaults.h"
#include "io/labserverstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QTimer>

#include <algorithm>
#include <utility>

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
    ended();
}

void Exchange::ended()
{
    if (auto fn = std::exchange(m_whenDone, nullptr))
        fn();
}

void Exchange::addFaultNote(const QString &note)
{
    m_faultNotes.append(note);
}

void Exchange::addHeader(const QByteArray &name, const QByteArray &value)
{
    m_headers.append({name, value});
}

void Exchange::writeHeaders(int status, const QByteArray &mimeType)
{
    m_responder.writeStatusLine(statusCode(status));
    if (!mimeType.isEmpty())
        m_responder.writeHeader(QByteArrayLiteral("Content-Type"), mimeType);
    for (const auto &[name, value] : std::as_const(m_headers))
        m_responder.writeHeader(name, value);
    if (!m_faultNotes.isEmpty()) // header values are one line of Latin-1
        m_responder.writeHeader(QByteArray(labFaultHeader), m_faultNotes.join(QStringLiteral("; ")).toLatin1());
}

void Exchange::sendWhole(int status, const QByteArray &mimeType, const QByteArray &data)
{
    if (m_done)
        return;
    if (!isOpen()) {
        finish();
        return;
    }
    writeHeaders(status, mimeType);
    if (status != 204 && status != 304) // these have no body and say no length
        m_responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(data.size()));
    if (m_resetMidBody) {
        m_responder.writeBody(data.left(data.size() / 2));
        m_socket->flush();
        m_socket->abort(); // an RST: the client sees the connection break mid-answer
        abandon();
        return;
    }
    if (m_bytesPerSecond > 0 && !data.isEmpty()) {
        m_responder.writeBody(QByteArray());
        trickle(data);
        return;
    }
    m_responder.writeBody(data);
    finish();
}

void Exchange::trickle(QByteArray rest)
{
    // Twenty writes a second: the body's bytes arrive at the configured rate.
    const auto piece = std::max<qsizetype>(1, m_bytesPerSecond / 20);
    if (isOpen())
        m_responder.writeBody(rest.left(piece));
    rest.remove(0, std::min(piece, rest.size()));
    if (rest.isEmpty() || !isOpen()) {
        finish();
        return;
    }
    after(std::chrono::milliseconds(50), [this, rest = std::move(rest)] { trickle(rest); });
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
    const auto document = json.isArray() ? QJsonDocument(json.toArray()) : QJsonDocument(json.toObject());
    sendWhole(status, QByteArrayLiteral("application/json"), document.toJson(QJsonDocument::Compact));
}

void Exchange::replyError(int status, const QString &message)
{
    reply(QJsonObject{{QStringLiteral("error"), message}, {QStringLiteral("status"), status}}, status);
}

void Exchange::replyStatus(int status)
{
    sendWhole(status, {}, {});
}

void Exchange::replyBytes(const QByteArray &data, const QByteArray &mimeType)
{
    sendWhole(200, mimeType, data);
}

void Exchange::beginBody(const QByteArray &mimeType, qint64 length)
{
    if (m_done || !isOpen())
        return;
    m_chunked = length < 0;
    writeHeaders(200, mimeType);
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
    ended();
    deleteLater();
}

void Exchange::abandon()
{
    if (m_done)
        return;
    m_done = true;
    if (m_counted)
        m_state.inFlight.fetch_sub(1);
    ended();
    deleteLater();
}

} // namespace coroscope::io::lab
