// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

namespace coroscope::io {

// Reads an HTTP/1.x response off a raw socket as its bytes arrive: status line, headers, and
// a body delimited by Content-Length, chunked encoding, or the end of the connection. Used by
// the blocking GET and by tools that need many raw connections at once (tests, benchmarks).
class HttpResponseParser
{
public:
    // Bytes as they came off the wire. Returns false once the response is malformed.
    bool feed(QByteArrayView data);
    // The peer closed the connection: ends a body that runs to the end, or is an error if the
    // response was cut short.
    void finishAtEof();

    bool isDone() const { return m_state == State::Done; }
    bool hasError() const { return m_state == State::Error; }
    const QString &errorString() const { return m_error; }

    int status() const { return m_status; }
    const QByteArray &reason() const { return m_reason; }
    // The value of the first header called `name` (case-insensitive), or an empty array.
    QByteArray header(QByteArrayView name) const;
    const QByteArray &body() const { return m_body; }

private:
    enum class State { StatusLine, Headers, Body, ChunkSize, ChunkData, ChunkEnd, Trailers, Done, Error };
    enum class Framing { Length, Chunked, UntilClose };

    bool fail(const QString &message);
    bool parseStatusLine(const QByteArray &line);
    bool parseHeader(const QByteArray &line);
    bool startBody();
    // Takes one CRLF-terminated line off the buffer, if a whole one has arrived.
    bool takeLine(QByteArray &line);

    State m_state = State::StatusLine;
    Framing m_framing = Framing::UntilClose;
    QByteArray m_buffer;
    int m_status = 0;
    QByteArray m_reason;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QByteArray m_body;
    qint64 m_remaining = 0;
    QString m_error;
};

} // namespace coroscope::io
