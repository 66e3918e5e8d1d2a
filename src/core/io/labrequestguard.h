// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace coroscope::io::lab {

// How much of a request the lab server is willing to read before it answers with an error.
struct RequestLimits {
    int requestLineBytes = 8 * 1024; // 414 URI Too Long
    int headerBytes = 32 * 1024; // 431 Request Header Fields Too Large (the header section)
    int headerCount = 100; // 431 as well
    qint64 bodyBytes = 8 * 1024 * 1024; // 413 Content Too Large
    int connections = 2000; // 503 Service Unavailable for the next one (the app's
                            // widest pattern opens 250 at once, the benchmark 1000)
    int headerTimeoutMs = 10'000; // 408 Request Timeout: a request (or a new connection's
                                  // first one) that is not complete after this long
};

// Reads a connection's bytes as they arrive, alongside QHttpServer, and says when a request
// breaks a limit. It knows just enough HTTP/1.1 for that: request line, header lines, and a body
// by Content-Length or chunked (counted, not decoded); pipelined requests follow each other.
// It never allocates more than one line of at most the limit.
class RequestGuard
{
public:
    enum class Verdict {
        Fine,
        Malformed, // 400
        UriTooLong, // 414
        HeadersTooLarge, // 431
        BodyTooLarge, // 413
    };

    explicit RequestGuard(RequestLimits limits = {});

    // Once a verdict other than Fine is given, every later feed gives it again.
    Verdict feed(QByteArrayView bytes);
    // Between requests, with nothing of the next one received.
    bool isBetweenRequests() const { return m_state == State::RequestLine && m_line.isEmpty(); }
    qint64 requestsSeen() const { return m_requests; }

    static int statusCode(Verdict verdict);
    static QByteArray reason(Verdict verdict); // "Request Header Fields Too Large"
    QByteArray explanation() const; // for the response body and the server's log

private:
    enum class State { RequestLine, Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Failed };

    Verdict fail(Verdict verdict, QByteArray why);
    Verdict lineComplete();
    Verdict headerLine(QByteArrayView line);
    void startBody();

    RequestLimits m_limits;
    State m_state = State::RequestLine;
    Verdict m_verdict = Verdict::Fine;
    QByteArray m_line; // the line being read, without its end
    QByteArray m_why;
    qint64 m_headerBytes = 0;
    int m_headerCount = 0;
    qint64 m_contentLength = 0;
    bool m_chunked = false;
    qint64 m_remaining = 0; // of the body or of the chunk
    qint64 m_bodyBytes = 0;
    qint64 m_requests = 0;
};

} // namespace coroscope::io::lab
