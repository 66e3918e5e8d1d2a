// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/jsonreader.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <charconv>
#include <cmath>
#include <cstring>

namespace coroscope::report {
namespace {

constexpr qint64 ChunkSize = 1 << 20;

bool isDigit(int c)
{
    return c >= '0' && c <= '9';
}

} // namespace

JsonReader::JsonReader(QIODevice &device, qint64 maxBytes, int maxDepth)
    : m_device(device)
    , m_maxBytes(maxBytes)
    , m_maxDepth(maxDepth)
{
}

bool JsonReader::refill()
{
    if (m_eof || failed())
        return false;
    m_consumed += m_buffer.size();
    m_pos = 0;
    m_buffer = m_device.read(ChunkSize);
    if (m_buffer.isEmpty() && m_device.isSequential() && !m_device.atEnd() && m_device.waitForReadyRead(30'000))
        m_buffer = m_device.read(ChunkSize);
    if (m_buffer.isEmpty()) {
        m_eof = true;
        return false;
    }
    if (m_consumed + m_buffer.size() > m_maxBytes) {
        fail(QStringLiteral("the file is larger than the import limit of %1 MB").arg(m_maxBytes >> 20));
        m_buffer.clear();
        return false;
    }
    if (m_onChunk && !m_onChunk(m_consumed + m_buffer.size())) {
        m_cancelled = true;
        fail(QStringLiteral("import cancelled"));
        m_buffer.clear();
        return false;
    }
    return true;
}

bool JsonReader::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
    return false;
}

bool JsonReader::syntaxError(const QString &what)
{
    if (failed())
        return false;
    if (peekChar() < 0 && !failed())
        return fail(
            QStringLiteral("Invalid JSON: the file ends at byte %1 where %2 (is it truncated?)").arg(position()).arg(what));
    return fail(QStringLiteral("Invalid JSON at byte %1: %2").arg(position()).arg(what));
}

bool JsonReader::expected(const char *what)
{
    return syntaxError(QStringLiteral("expected %1").arg(QLatin1String(what)));
}

void JsonReader::skipWhitespace()
{
    for (;;) {
        const int c = peekChar();
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
            return;
        ++m_pos;
    }
}

void JsonReader::skipByteOrderMark()
{
    if (peekChar() == 0xEF && m_pos + 2 < m_buffer.size() && uchar(m_buffer[m_pos + 1]) == 0xBB
        && uchar(m_buffer[m_pos + 2]) == 0xBF)
        m_pos += 3;
}

JsonReader::Type JsonReader::peek()
{
    skipWhitespace();
    switch (peekChar()) {
    case -1: return Type::End;
    case '{': return Type::Object;
    case '[': return Type::Array;
    case '"': return Type::String;
    case 't': return Type::True;
    case 'f': return Type::False;
    case 'n': return Type::Null;
    case '-': return Type::Number;
    default: return isDigit(peekChar()) ? Type::Number : Type::Invalid;
    }
}

bool JsonReader::enter(Container container)
{
    if (int(m_stack.size()) >= m_maxDepth)
        return fail(
            QStringLiteral("Invalid input at byte %1: JSON nested deeper than %2 levels").arg(position()).arg(m_maxDepth));
    ++m_pos;
    m_stack.push_back(container);
    return true;
}

bool JsonReader::beginObject()
{
    if (peek() != Type::Object)
        return expected("'{'");
    return enter(ObjectFirst);
}

bool JsonReader::beginArray()
{
    if (peek() != Type::Array)
        return expected("'['");
    return enter(ArrayFirst);
}

bool JsonReader::nextElement()
{
    if (failed() || m_stack.empty() || (m_stack.back() != ArrayFirst && m_stack.back() != ArrayNext))
        return false;
    skipWhitespace();
    const bool first = m_stack.back() == ArrayFirst;
    const bool openTopLevel = m_allowOpenTopLevelArray && m_stack.size() == 1;
    int c = peekChar();
    if (c == ']') {
        ++m_pos;
        m_stack.pop_back();
        return false;
    }
    if (c < 0 && openTopLevel && !failed()) {
        m_stack.pop_back();
        return false;
    }
    if (!first) {
        if (c != ',')
            return expected("',' or ']' after an array element");
        ++m_pos;
        skipWhitespace();
        c = peekChar();
        if (c < 0 && openTopLevel && !failed()) {
            m_stack.pop_back();
            return false;
        }
        if (c == ']')
            return syntaxError(QStringLiteral("a trailing comma before ']'"));
    }
    m_stack.back() = ArrayNext;
    return true;
}

bool JsonReader::nextMember(QString *key)
{
    if (failed() || m_stack.empty() || (m_stack.back() != ObjectFirst && m_stack.back() != ObjectNext))
        return false;
    skipWhitespace();
    int c = peekChar();
    if (c == '}') {
        ++m_pos;
        m_stack.pop_back();
        return false;
    }
    if (m_stack.back() == ObjectNext) {
        if (c != ',')
            return expected("',' or '}' after an object member");
        ++m_pos;
        skipWhitespace();
        c = peekChar();
    }
    if (c != '"')
        return expected("a string key");
    if (!readStringInto(key))
        return false;
    skipWhitespace();
    if (peekChar() != ':')
        return expected("':' after an object key");
    ++m_pos;
    m_stack.back() = ObjectNext;
    return true;
}

bool JsonReader::readHex4(char16_t &out)
{
    out = 0;
    for (int i = 0; i < 4; ++i) {
        const int c = getChar();
        int digit = -1;
        if (isDigit(c))
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0)
            return syntaxError(QStringLiteral("a bad \\u escape in a string"));
        out = char16_t(out * 16 + digit);
    }
    return true;
}

bool JsonReader::readStringInto(QString *out)
{
    skipWhitespace();
    if (peekChar() != '"')
        return expected("a string");
    ++m_pos;
    if (out)
        out->clear();
    m_scratch.clear();
    auto flushScratch = [&] {
        if (out && !m_scratch.isEmpty())
            out->append(QString::fromUtf8(m_scratch));
        m_scratch.clear();
    };
    for (;;) {
        // Copy the plain run inside the current chunk in one go.
        const char *data = m_buffer.constData();
        qsizetype end = m_pos;
        while (end < m_buffer.size()) {
            const auto c = static_cast<unsigned char>(data[end]);
            if (c == '"' || c == '\\' || c < 0x20)
                break;
            ++end;
        }
        if (out)
            m_scratch.append(data + m_pos, end - m_pos);
        m_pos = end;
        const int c = getChar();
        if (c < 0)
            return syntaxError(QStringLiteral("the end of a string"));
        if (c == '"') {
            flushScratch();
            return true;
        }
        if (c < 0x20) {
            --m_pos;
            return syntaxError(QStringLiteral("a control character inside a string (it must be escaped)"));
        }
        if (c != '\\') {
            // The run stopped at the end of a chunk, not at a special character.
            if (out)
                m_scratch.append(char(c));
            continue;
        }
        // A backslash escape.
        const int e = getChar();
        char16_t unit = 0;
        switch (e) {
        case '"': unit = u'"'; break;
        case '\\': unit = u'\\'; break;
        case '/': unit = u'/'; break;
        case 'b': unit = u'\b'; break;
        case 'f': unit = u'\f'; break;
        case 'n': unit = u'\n'; break;
        case 'r': unit = u'\r'; break;
        case 't': unit = u'\t'; break;
        case 'u':
            if (!readHex4(unit))
                return false;
            break;
        default: return syntaxError(QStringLiteral("an unknown escape in a string"));
        }
        if (out) {
            if (e == 'u') {
                flushScratch();
                out->append(QChar(unit));
            } else {
                m_scratch.append(char(unit));
            }
        }
    }
}

bool JsonReader::readString(QString &out)
{
    return readStringInto(&out);
}

bool JsonReader::scanNumber(bool &isInteger)
{
    skipWhitespace();
    m_numberLength = 0;
    isInteger = true;
    auto take = [&] {
        if (m_numberLength >= int(sizeof m_number) - 1)
            return syntaxError(QStringLiteral("a number longer than %1 characters").arg(sizeof m_number - 1));
        m_number[m_numberLength++] = char(getChar());
        return true;
    };
    if (peekChar() == '-' && !take())
        return false;
    if (peekChar() == '0') {
        if (!take())
            return false;
    } else if (isDigit(peekChar())) {
        while (isDigit(peekChar())) {
            if (!take())
                return false;
        }
    } else {
        return expected("a number");
    }
    if (peekChar() == '.') {
        isInteger = false;
        if (!take())
            return false;
        if (!isDigit(peekChar()))
            return expected("a digit after the decimal point");
        while (isDigit(peekChar())) {
            if (!take())
                return false;
        }
    }
    if (peekChar() == 'e' || peekChar() == 'E') {
        isInteger = false;
        if (!take())
            return false;
        if ((peekChar() == '+' || peekChar() == '-') && !take())
            return false;
        if (!isDigit(peekChar()))
            return expected("a digit in the exponent");
        while (isDigit(peekChar())) {
            if (!take())
                return false;
        }
    }
    const int next = peekChar();
    if (isDigit(next) || next == '.' || std::isalpha(next))
        return syntaxError(QStringLiteral("a malformed number"));
    m_number[m_numberLength] = '\0';
    return !failed();
}

bool JsonReader::readDouble(double &out)
{
    bool isInteger = false;
    return scanNumber(isInteger) && convertDouble(out);
}

bool JsonReader::convertDouble(double &out)
{
    const auto result = std::from_chars(m_number, m_number + m_numberLength, out);
    if (result.ec == std::errc::result_out_of_range) {
        // Underflow to zero is harmless; overflow to infinity is not.
        const auto e = std::strpbrk(m_number, "eE");
        if (e && e[1] == '-') {
            out = 0;
            return true;
        }
        return fail(QStringLiteral("Invalid input at byte %1: the number %2 is too large")
                        .arg(position())
                        .arg(QLatin1String(m_number)));
    }
    if (result.ec != std::errc() || !std::isfinite(out))
        return fail(QStringLiteral("Invalid input at byte %1: cannot read the number %2")
                        .arg(position())
                        .arg(QLatin1String(m_number)));
    return true;
}

bool JsonReader::readInteger(qint64 &out)
{
    bool isInteger = false;
    if (!scanNumber(isInteger))
        return false;
    if (!isInteger)
        return fail(QStringLiteral("Invalid input at byte %1: expected an integer, found %2")
                        .arg(position())
                        .arg(QLatin1String(m_number)));
    long long value = 0;
    const auto result = std::from_chars(m_number, m_number + m_numberLength, value);
    if (result.ec != std::errc())
        return fail(QStringLiteral("Invalid input at byte %1: the integer %2 does not fit in 64 bits")
                        .arg(position())
                        .arg(QLatin1String(m_number)));
    out = value;
    return true;
}

bool JsonReader::scanLiteral(const char *literal)
{
    skipWhitespace();
    for (const char *p = literal; *p; ++p) {
        if (getChar() != *p)
            return syntaxError(QStringLiteral("expected '%1'").arg(QLatin1String(literal)));
    }
    const int next = peekChar();
    if (std::isalnum(next))
        return syntaxError(QStringLiteral("a value (found a misspelt literal)"));
    return true;
}

bool JsonReader::readBool(bool &out)
{
    switch (peek()) {
    case Type::True: out = true; return scanLiteral("true");
    case Type::False: out = false; return scanLiteral("false");
    default: return expected("true or false");
    }
}

bool JsonReader::readNull()
{
    if (peek() != Type::Null)
        return expected("null");
    return scanLiteral("null");
}

bool JsonReader::readValue(QJsonValue &out)
{
    // Recursion is bounded: beginObject()/beginArray() refuse to go deeper than maxDepth.
    switch (peek()) {
    case Type::Object: {
        if (!beginObject())
            return false;
        QJsonObject object;
        QString key;
        while (nextMember(&key)) {
            QJsonValue member;
            if (!readValue(member))
                return false;
            object.insert(key, member);
        }
        out = object;
        return !failed();
    }
    case Type::Array: {
        if (!beginArray())
            return false;
        QJsonArray array;
        while (nextElement()) {
            QJsonValue element;
            if (!readValue(element))
                return false;
            array.append(element);
        }
        out = array;
        return !failed();
    }
    case Type::String: {
        QString text;
        if (!readString(text))
            return false;
        out = text;
        return true;
    }
    case Type::Number: {
        bool isInteger = false;
        if (!scanNumber(isInteger))
            return false;
        long long integer = 0;
        if (isInteger && std::from_chars(m_number, m_number + m_numberLength, integer).ec == std::errc()) {
            out = qint64(integer);
            return true;
        }
        double value = 0;
        if (!convertDouble(value))
            return false;
        out = value;
        return true;
    }
    case Type::True:
    case Type::False: {
        bool value = false;
        if (!readBool(value))
            return false;
        out = value;
        return true;
    }
    case Type::Null: out = QJsonValue(QJsonValue::Null); return readNull();
    default: return expected("a value");
    }
}

bool JsonReader::skipValue()
{
    // Iterative, so that skipping a hostile 100,000-deep nest cannot overflow the stack
    // (enter() still enforces maxDepth).
    const auto base = m_stack.size();
    for (;;) {
        switch (peek()) {
        case Type::Object:
            if (!beginObject())
                return false;
            break;
        case Type::Array:
            if (!beginArray())
                return false;
            break;
        case Type::String:
            if (!readStringInto(nullptr))
                return false;
            break;
        case Type::Number: {
            bool isInteger = false;
            if (!scanNumber(isInteger))
                return false;
            break;
        }
        case Type::True:
            if (!scanLiteral("true"))
                return false;
            break;
        case Type::False:
            if (!scanLiteral("false"))
                return false;
            break;
        case Type::Null:
            if (!scanLiteral("null"))
                return false;
            break;
        default: return expected("a value");
        }
        // Move on to the next value, closing every container that just ended.
        for (;;) {
            if (m_stack.size() <= base)
                return !failed();
            const auto top = m_stack.back();
            const bool more = (top == ArrayFirst || top == ArrayNext) ? nextElement() : nextMember(nullptr);
            if (failed())
                return false;
            if (more)
                break;
        }
    }
}

bool JsonReader::expectEnd()
{
    skipWhitespace();
    if (failed())
        return false;
    if (peekChar() >= 0)
        return syntaxError(QStringLiteral("the end of the file (there is more after the JSON value)"));
    return !failed();
}

} // namespace coroscope::report
