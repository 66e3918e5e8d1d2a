// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/labrequestguard.h"

#include <QStringBuilder>

#include <algorithm>
#include <optional>

namespace coroscope::io::lab {
namespace {

bool isToken(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
           || c == '.' || c == '!' || c == '#' || c == '$' || c == '%' || c == '&' || c == '\'' || c == '*' || c == '+'
           || c == '^' || c == '`' || c == '|' || c == '~';
}

// "GET /path HTTP/1.1": a method token, a target without spaces or controls, a version.
bool isRequestLine(QByteArrayView line)
{
    const auto firstSpace = line.indexOf(' ');
    const auto lastSpace = line.lastIndexOf(' ');
    if (firstSpace <= 0 || lastSpace <= firstSpace + 1)
        return false;
    for (qsizetype i = 0; i < firstSpace; ++i) {
        if (!isToken(line[i]))
            return false;
    }
    for (qsizetype i = firstSpace + 1; i < lastSpace; ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        if (c <= ' ' || c == 0x7f)
            return false;
    }
    const auto version = line.sliced(lastSpace + 1);
    return version == "HTTP/1.1" || version == "HTTP/1.0";
}

std::optional<qint64> parseNumber(QByteArrayView text, int base)
{
    bool ok = false;
    const auto value = text.trimmed().toLongLong(&ok, base);
    if (!ok || value < 0 || text.trimmed().startsWith('+') || text.trimmed().startsWith('-'))
        return std::nullopt;
    return value;
}

} // namespace

RequestGuard::RequestGuard(RequestLimits limits)
    : m_limits(limits)
{
}

int RequestGuard::statusCode(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Fine: return 200;
    case Verdict::Malformed: return 400;
    case Verdict::UriTooLong: return 414;
    case Verdict::HeadersTooLarge: return 431;
    case Verdict::BodyTooLarge: return 413;
    }
    return 400;
}

QByteArray RequestGuard::reason(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Fine: return "OK";
    case Verdict::Malformed: return "Bad Request";
    case Verdict::UriTooLong: return "URI Too Long";
    case Verdict::HeadersTooLarge: return "Request Header Fields Too Large";
    case Verdict::BodyTooLarge: return "Content Too Large";
    }
    return "Bad Request";
}

QByteArray RequestGuard::explanation() const
{
    return m_why;
}

RequestGuard::Verdict RequestGuard::fail(Verdict verdict, QByteArray why)
{
    m_state = State::Failed;
    m_verdict = verdict;
    m_why = std::move(why);
    return verdict;
}

RequestGuard::Verdict RequestGuard::feed(QByteArrayView bytes)
{
    qsizetype at = 0;
    while (at < bytes.size()) {
        switch (m_state) {
        case State::Failed: return m_verdict;
        case State::Body:
        case State::ChunkData: {
            const auto take = std::min<qint64>(m_remaining, bytes.size() - at);
            at += take;
            m_remaining -= take;
            if (m_remaining == 0)
                m_state = m_state == State::Body ? State::RequestLine : State::ChunkDataEnd;
            break;
        }
        default: {
            // A line: read up to its end, within the limit of the part it belongs to.
            const auto end = bytes.indexOf('\n', at);
            const auto piece = bytes.sliced(at, (end < 0 ? bytes.size() : end) - at);
            at += piece.size() + (end < 0 ? 0 : 1);
            const qint64 lineLimit = m_state == State::RequestLine ? m_limits.requestLineBytes
                                     : m_state == State::Headers || m_state == State::Trailers
                                         ? m_limits.headerBytes - m_headerBytes
                                         : 64; // a chunk size line
            if (m_line.size() + piece.size() > lineLimit) {
                switch (m_state) {
                case State::RequestLine:
                    return fail(Verdict::UriTooLong, QByteArray("the request line is longer than ")
                                                         + QByteArray::number(m_limits.requestLineBytes) + " bytes");
                case State::Headers:
                case State::Trailers:
                    return fail(Verdict::HeadersTooLarge, QByteArray("the header section is larger than ")
                                                              + QByteArray::number(m_limits.headerBytes) + " bytes");
                default: return fail(Verdict::Malformed, "a chunk size line is too long");
                }
            }
            m_line.append(piece.data(), piece.size());
            if (end < 0)
                return Verdict::Fine;
            if (m_line.endsWith('\r'))
                m_line.chop(1);
            if (const auto verdict = lineComplete(); verdict != Verdict::Fine)
                return verdict;
            m_line.clear();
        }
        }
    }
    return m_state == State::Failed ? m_verdict : Verdict::Fine;
}

RequestGuard::Verdict RequestGuard::lineComplete()
{
    switch (m_state) {
    case State::RequestLine:
        if (m_line.isEmpty())
            return Verdict::Fine; // blank lines before a request are allowed (RFC 9112, 2.2)
        if (!isRequestLine(m_line))
            return fail(Verdict::Malformed, "the request line is not \"METHOD /target HTTP/1.1\"");
        m_state = State::Headers;
        m_headerBytes = m_line.size();
        m_headerCount = 0;
        m_contentLength = 0;
        m_chunked = false;
        m_bodyBytes = 0;
        return Verdict::Fine;
    case State::Headers:
        if (m_line.isEmpty()) {
            ++m_requests;
            startBody();
            return m_state == State::Failed ? m_verdict : Verdict::Fine;
        }
        return headerLine(m_line);
    case State::ChunkSize: {
        const auto size = parseNumber(
            QByteArrayView(m_line).first(m_line.indexOf(';') < 0 ? m_line.size() : m_line.indexOf(';')), 16);
        if (!size)
            return fail(Verdict::Malformed, "a chunk size is not a hexadecimal number");
        m_bodyBytes += *size;
        if (m_bodyBytes > m_limits.bodyBytes)
            return fail(Verdict::BodyTooLarge, QByteArray("the chunked body is larger than ")
                                                   + QByteArray::number(m_limits.bodyBytes) + " bytes");
        m_remaining = *size;
        m_state = *size == 0 ? State::Trailers : State::ChunkData;
        return Verdict::Fine;
    }
    case State::ChunkDataEnd:
        if (!m_line.isEmpty())
            return fail(Verdict::Malformed, "a chunk is longer than its size says");
        m_state = State::ChunkSize;
        return Verdict::Fine;
    case State::Trailers:
        if (m_line.isEmpty())
            m_state = State::RequestLine;
        else
            m_headerBytes += m_line.size();
        return Verdict::Fine;
    default: return Verdict::Fine;
    }
}

RequestGuard::Verdict RequestGuard::headerLine(QByteArrayView line)
{
    m_headerBytes += line.size();
    if (++m_headerCount > m_limits.headerCount)
        return fail(Verdict::HeadersTooLarge,
                    QByteArray("the request has more than ") + QByteArray::number(m_limits.headerCount) + " headers");
    const auto colon = line.indexOf(':');
    if (colon <= 0)
        return fail(Verdict::Malformed, "a header line has no name");
    const auto name = line.first(colon);
    for (const char c : name) {
        if (!isToken(c))
            return fail(Verdict::Malformed, "a header name has characters a name cannot have");
    }
    const auto value = line.sliced(colon + 1).trimmed();
    if (name.compare("Content-Length", Qt::CaseInsensitive) == 0) {
        const auto length = parseNumber(value, 10);
        if (!length)
            return fail(Verdict::Malformed, "Content-Length is not a number");
        if (*length > m_limits.bodyBytes)
            return fail(Verdict::BodyTooLarge, QByteArray("the body (Content-Length ") + QByteArray::number(*length)
                                                   + QByteArray(") is larger than ")
                                                   + QByteArray::number(m_limits.bodyBytes) + " bytes");
        m_contentLength = *length;
    } else if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
        m_chunked = value.toByteArray().toLower().contains("chunked");
    }
    return Verdict::Fine;
}

void RequestGuard::startBody()
{
    if (m_chunked) {
        m_state = State::ChunkSize;
    } else if (m_contentLength > 0) {
        m_remaining = m_contentLength;
        m_state = State::Body;
    } else {
        m_state = State::RequestLine;
    }
}

} // namespace coroscope::io::lab
