// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/jsonwriter.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace coroscope::report {
namespace {

constexpr char hexDigits[] = "0123456789abcdef";

void appendUnicodeEscape(QByteArray &out, char16_t unit)
{
    const char escape[6] = {'\\',
                            'u',
                            hexDigits[(unit >> 12) & 0xF],
                            hexDigits[(unit >> 8) & 0xF],
                            hexDigits[(unit >> 4) & 0xF],
                            hexDigits[unit & 0xF]};
    out.append(escape, 6);
}

} // namespace

JsonWriter::JsonWriter(QIODevice &device)
    : m_device(device)
{
    m_buffer.reserve(BufferSize + 4096);
}

JsonWriter &JsonWriter::raw(std::string_view text)
{
    m_buffer.append(text.data(), qsizetype(text.size()));
    flushIfFull();
    return *this;
}

JsonWriter &JsonWriter::string(QStringView text)
{
    m_buffer.append('"');
    const auto size = text.size();
    const char16_t *units = text.utf16();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t u = units[i];
        if (u < 0x80) {
            switch (u) {
            case u'"': m_buffer.append("\\\"", 2); break;
            case u'\\': m_buffer.append("\\\\", 2); break;
            case u'\n': m_buffer.append("\\n", 2); break;
            case u'\r': m_buffer.append("\\r", 2); break;
            case u'\t': m_buffer.append("\\t", 2); break;
            default:
                if (u < 0x20)
                    appendUnicodeEscape(m_buffer, u);
                else
                    m_buffer.append(char(u));
            }
        } else if (u < 0x800) {
            m_buffer.append(char(0xC0 | (u >> 6)));
            m_buffer.append(char(0x80 | (u & 0x3F)));
        } else if (QChar::isHighSurrogate(u) && i + 1 < size && QChar::isLowSurrogate(units[i + 1])) {
            const char32_t code = QChar::surrogateToUcs4(u, units[++i]);
            m_buffer.append(char(0xF0 | (code >> 18)));
            m_buffer.append(char(0x80 | ((code >> 12) & 0x3F)));
            m_buffer.append(char(0x80 | ((code >> 6) & 0x3F)));
            m_buffer.append(char(0x80 | (code & 0x3F)));
        } else if (QChar::isSurrogate(u)) {
            appendUnicodeEscape(m_buffer, u);
        } else {
            m_buffer.append(char(0xE0 | (u >> 12)));
            m_buffer.append(char(0x80 | ((u >> 6) & 0x3F)));
            m_buffer.append(char(0x80 | (u & 0x3F)));
        }
    }
    m_buffer.append('"');
    flushIfFull();
    return *this;
}

JsonWriter &JsonWriter::integer(qint64 value)
{
    char text[24];
    const auto result = std::to_chars(text, text + sizeof text, value);
    m_buffer.append(text, result.ptr - text);
    return *this;
}

JsonWriter &JsonWriter::number(double value)
{
    if (!std::isfinite(value)) {
        m_buffer.append("null", 4);
        return *this;
    }
    char text[32];
    const auto result = std::to_chars(text, text + sizeof text, value);
    m_buffer.append(text, result.ptr - text);
    return *this;
}

JsonWriter &JsonWriter::microseconds(qint64 ns)
{
    // Split by hand: a double would print 0.1 µs steps as 0.09999999 and lose the ns.
    if (ns < 0) {
        m_buffer.append('-');
        if (ns == std::numeric_limits<qint64>::min()) // cannot be negated; keep it readable JSON
            return integer(std::numeric_limits<qint64>::max() / 1000);
        ns = -ns;
    }
    integer(ns / 1000);
    const auto fraction = int(ns % 1000);
    if (fraction != 0) {
        const char digits[4] = {'.', char('0' + fraction / 100), char('0' + fraction / 10 % 10),
                                char('0' + fraction % 10)};
        const int length = fraction % 100 == 0 ? 2 : fraction % 10 == 0 ? 3 : 4;
        m_buffer.append(digits, length);
    }
    return *this;
}

JsonWriter &JsonWriter::value(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object: m_buffer.append(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)); break;
    case QJsonValue::Array: m_buffer.append(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)); break;
    case QJsonValue::String: string(value.toString()); break;
    case QJsonValue::Double:
        if (value.toDouble() == double(value.toInteger()))
            integer(value.toInteger());
        else
            number(value.toDouble());
        break;
    case QJsonValue::Bool: raw(value.toBool() ? "true" : "false"); break;
    case QJsonValue::Null:
    case QJsonValue::Undefined: raw("null"); break;
    }
    flushIfFull();
    return *this;
}

bool JsonWriter::flush()
{
    if (!m_error.isEmpty())
        return false;
    if (!m_buffer.isEmpty()) {
        if (m_device.write(m_buffer) != m_buffer.size())
            m_error = m_device.errorString().isEmpty() ? QStringLiteral("write failed") : m_device.errorString();
        m_buffer.clear();
    }
    return m_error.isEmpty();
}

} // namespace coroscope::report
