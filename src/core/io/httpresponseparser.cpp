// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/httpresponseparser.h"

namespace coroscope::io {
namespace {
constexpr qsizetype maxLine = 64 * 1024; // no status line or header is this long
}

QByteArray HttpResponseParser::header(QByteArrayView name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpResponseParser::fail(const QString &message)
{
    m_state = State::Error;
    m_error = message;
    return false;
}

bool HttpResponseParser::takeLine(QByteArray &line)
{
    const auto end = m_buffer.indexOf("\r\n");
    if (end < 0) {
        if (m_buffer.size() > maxLine)
            fail(QStringLiteral("response line longer than %1 bytes").arg(maxLine));
        return false;
    }
    line = m_buffer.left(end);
    m_buffer.remove(0, end + 2);
    return true;
}

bool HttpResponseParser::parseStatusLine(const QByteArray &line)
{
    // HTTP/1.1 200 OK
    if (!line.startsWith("HTTP/1.") || line.size() < 12 || line.at(8) != ' ')
        return fail(QStringLiteral("not an HTTP/1.x response: \"%1\"").arg(QString::fromLatin1(line.left(40))));
    bool ok = false;
    m_status = line.mid(9, 3).toInt(&ok);
    if (!ok || m_status < 100 || m_status > 999)
        return fail(QStringLiteral("bad status in \"%1\"").arg(QString::fromLatin1(line.left(40))));
    m_reason = line.mid(12).trimmed();
    m_state = State::Headers;
    return true;
}

bool HttpResponseParser::parseHeader(const QByteArray &line)
{
    const auto colon = line.indexOf(':');
    if (colon <= 0)
        return fail(QStringLiteral("bad header line \"%1\"").arg(QString::fromLatin1(line.left(40))));
    m_headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    return true;
}

bool HttpResponseParser::startBody()
{
    if ((m_status >= 100 && m_status < 200) || m_status == 204 || m_status == 304) {
        m_state = State::Done;
        return true;
    }
    if (header("Transfer-Encoding").toLower().contains("chunked")) {
        m_framing = Framing::Chunked;
        m_state = State::ChunkSize;
        return true;
    }
    const auto length = header("Content-Length");
    if (!length.isEmpty()) {
        bool ok = false;
        m_remaining = length.toLongLong(&ok);
        if (!ok || m_remaining < 0)
            return fail(QStringLiteral("bad Content-Length \"%1\"").arg(QString::fromLatin1(length)));
        m_framing = Framing::Length;
        m_state = m_remaining == 0 ? State::Done : State::Body;
        return true;
    }
    m_framing = Framing::UntilClose;
    m_state = State::Body;
    return true;
}

bool HttpResponseParser::feed(QByteArrayView data)
{
    if (m_state == State::Error)
        return false;
    m_buffer.append(data);
    QByteArray line;
    for (;;) {
        switch (m_state) {
        case State::StatusLine:
            if (!takeLine(line))
                return !hasError();
            if (!parseStatusLine(line))
                return false;
            break;
        case State::Headers:
            if (!takeLine(line))
                return !hasError();
            if (line.isEmpty()) {
                if (!startBody())
                    return false;
            } else if (!parseHeader(line)) {
                return false;
            }
            break;
        case State::Body:
            if (m_framing == Framing::UntilClose) {
                m_body.append(m_buffer);
                m_buffer.clear();
                return true;
            }
            [[fallthrough]];
        case State::ChunkData: {
            const auto take = std::min<qint64>(m_remaining, m_buffer.size());
            m_body.append(m_buffer.constData(), take);
            m_buffer.remove(0, take);
            m_remaining -= take;
            if (m_remaining > 0)
                return true;
            m_state = m_state == State::Body ? State::Done : State::ChunkEnd;
            break;
        }
        case State::ChunkSize: {
            if (!takeLine(line))
                return !hasError();
            const auto extension = line.indexOf(';'); // chunk extensions are ignored
            const auto size = (extension < 0 ? line : line.left(extension)).trimmed();
            bool ok = false;
            m_remaining = size.toLongLong(&ok, 16);
            if (!ok || m_remaining < 0)
                return fail(QStringLiteral("bad chunk size \"%1\"").arg(QString::fromLatin1(size.left(20))));
            m_state = m_remaining == 0 ? State::Trailers : State::ChunkData;
            break;
        }
        case State::ChunkEnd:
            if (!takeLine(line))
                return !hasError();
            if (!line.isEmpty())
                return fail(QStringLiteral("chunk longer than its size"));
            m_state = State::ChunkSize;
            break;
        case State::Trailers:
            if (!takeLine(line))
                return !hasError();
            if (line.isEmpty())
                m_state = State::Done;
            break;
        case State::Done: return true; // anything after the response belongs to the next one
        case State::Error: return false;
        }
    }
}

void HttpResponseParser::finishAtEof()
{
    if (m_state == State::Done || m_state == State::Error)
        return;
    if (m_state == State::Body && m_framing == Framing::UntilClose) {
        m_state = State::Done;
        return;
    }
    fail(m_state == State::StatusLine && m_buffer.isEmpty()
             ? QStringLiteral("the server closed the connection without answering")
             : QStringLiteral("the server closed the connection in the middle of the response"));
}

} // namespace coroscope::io
