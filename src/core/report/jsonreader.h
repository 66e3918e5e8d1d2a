// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>
#include <vector>

class QIODevice;
class QJsonValue;

namespace coroscope::report {

// A pull parser for JSON read from a device in chunks, for files too big (or too hostile) to
// hand to QJsonDocument: memory stays at one chunk plus what the caller keeps, nesting is
// limited before it can exhaust the stack, the input size is capped, numbers out of the
// double range are errors, and a callback after every chunk reports progress and can cancel.
//
// The caller walks the structure: beginObject() then nextMember(&key) until it returns false,
// beginArray() then nextElement() likewise; values with the read*() functions; anything
// unwanted with skipValue(). Every function returns false on error, after which failed()
// is true and errorString() says what and at which byte. Strict RFC 8259, except that a
// top-level array may be left open (allowOpenTopLevelArray), as the Chrome trace format allows.
class JsonReader
{
public:
    enum class Type { Object, Array, String, Number, True, False, Null, End, Invalid };

    JsonReader(QIODevice &device, qint64 maxBytes, int maxDepth);

    // Called after each chunk read with the total bytes read so far; false cancels.
    void setChunkCallback(std::function<bool(qint64 bytesRead)> callback) { m_onChunk = std::move(callback); }
    void setAllowOpenTopLevelArray(bool allow) { m_allowOpenTopLevelArray = allow; }

    void skipByteOrderMark();
    Type peek();
    bool beginObject();
    // Steps to the next member of the innermost object; false at its end. Pass nullptr to skip the key.
    bool nextMember(QString *key);
    bool beginArray();
    // Steps to the next element of the innermost array; false at its end.
    bool nextElement();

    bool readString(QString &out);
    bool readDouble(double &out);
    // An integer literal (no fraction or exponent) that fits in 64 bits.
    bool readInteger(qint64 &out);
    bool readBool(bool &out);
    bool readNull();
    bool readValue(QJsonValue &out);
    bool skipValue();
    // True when only whitespace is left; an error otherwise.
    bool expectEnd();

    // For errors found in well-formed JSON by the caller (wrong types, bad values).
    bool fail(const QString &message);
    bool failed() const { return !m_error.isEmpty(); }
    bool cancelled() const { return m_cancelled; }
    QString errorString() const { return m_error; }
    qint64 position() const { return m_consumed + m_pos; }
    int depth() const { return int(m_stack.size()); }

private:
    enum Container : quint8 { ArrayFirst, ArrayNext, ObjectFirst, ObjectNext };

    int peekChar()
    {
        if (m_pos < m_buffer.size()) [[likely]]
            return static_cast<unsigned char>(m_buffer.constData()[m_pos]);
        return refill() ? static_cast<unsigned char>(m_buffer.constData()[m_pos]) : -1;
    }
    int getChar()
    {
        const int c = peekChar();
        if (c >= 0)
            ++m_pos;
        return c;
    }
    bool refill();
    void skipWhitespace();
    bool syntaxError(const QString &what);
    bool expected(const char *what);
    bool enter(Container container);
    bool scanNumber(bool &isInteger);
    bool convertDouble(double &out);
    bool scanLiteral(const char *literal);
    bool readStringInto(QString *out);
    bool readHex4(char16_t &out);

    QIODevice &m_device;
    const qint64 m_maxBytes;
    const int m_maxDepth;
    std::function<bool(qint64)> m_onChunk;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qint64 m_consumed = 0; // bytes before m_buffer
    bool m_eof = false;
    bool m_cancelled = false;
    bool m_allowOpenTopLevelArray = false;
    std::vector<Container> m_stack;
    QString m_error;
    QByteArray m_scratch;
    char m_number[512];
    int m_numberLength = 0;
};

} // namespace coroscope::report
