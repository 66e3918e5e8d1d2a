// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTcpSocket>
#include <QUrlQuery>

#include <chrono>
#include <functional>

namespace coroscope::io::lab {

class ServerState;

// One request the lab server is answering, possibly much later than it arrived (a delay, a
// stream, a drip). QHttpServer's responder holds a plain pointer to the socket, so answering
// after the client has gone would write into a deleted socket: the exchange watches the
// connection, drops its pending work when the client leaves, and only writes while it is open.
// It lives on the server thread as a child of the connection's socket.
class Exchange : public QObject
{
    Q_OBJECT
public:
    enum class Counting { Counted, Uncounted };

    Exchange(const QHttpServerRequest &request, QHttpServerResponder &&responder, ServerState &state,
             Counting counting = Counting::Counted);
    ~Exchange() override;

    QHttpServerRequest::Method method() const { return m_method; }
    const QString &path() const { return m_path; }
    const QUrlQuery &query() const { return m_query; }
    const QByteArray &body() const { return m_body; }
    // "GET /delay/200": how messages refer to this request.
    QString label() const;

    // Whole answers; each ends the exchange.
    void reply(const QJsonValue &json, int status = 200);
    void replyError(int status, const QString &message);
    void replyBytes(const QByteArray &data, const QByteArray &mimeType);
    void replyStatus(int status); // no body: 204, 304

    // An answer written over time: with a known length, or chunked when length < 0.
    void beginBody(const QByteArray &mimeType, qint64 length);
    void writeBodyPart(const QByteArray &part);
    void endBody();

    // Runs `fn` on the server thread after `delay`, unless the client has gone by then.
    void after(std::chrono::milliseconds delay, std::function<void()> fn);

    // What the lab's faults did to this request, sent as the X-Lab-Fault header (the HTTP
    // client records it on the request in the trace).
    void addFaultNote(const QString &note);
    void addHeader(const QByteArray &name, const QByteArray &value);
    // Faults applied to a whole answer: its body trickles at that rate, or the connection is
    // reset halfway through it.
    void setSlowBody(int bytesPerSecond) { m_bytesPerSecond = bytesPerSecond; }
    void setResetMidBody(bool reset) { m_resetMidBody = reset; }
    // Runs once when the exchange ends, however it ends (answered, client gone, server stopped).
    void whenDone(std::function<void()> fn) { m_whenDone = std::move(fn); }

private:
    bool isOpen() const;
    void sendWhole(int status, const QByteArray &mimeType, const QByteArray &data);
    void writeHeaders(int status, const QByteArray &mimeType);
    void trickle(QByteArray rest);
    void finish();
    void abandon();
    void ended();

    QHttpServerResponder m_responder;
    QPointer<QTcpSocket> m_socket;
    ServerState &m_state;
    QHttpServerRequest::Method m_method;
    QString m_path;
    QUrlQuery m_query;
    QByteArray m_body;
    bool m_counted;
    bool m_closeAfter = false; // the client asked for "Connection: close"
    bool m_chunked = false;
    bool m_done = false;
    int m_bytesPerSecond = 0;
    bool m_resetMidBody = false;
    QStringList m_faultNotes;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    std::function<void()> m_whenDone;
};

} // namespace coroscope::io::lab
