// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <string_view>

class QIODevice;
class QJsonValue;

namespace coroscope::report {

// Writes JSON text to a device through a buffer, without building a document first: a trace
// of a million events is streamed out in constant memory. The caller writes the structure
// (braces, commas, keys) with raw(); values go through the typed writers, which escape.
class JsonWriter
{
public:
    explicit JsonWriter(QIODevice &device);
    JsonWriter(const JsonWriter &) = delete;
    JsonWriter &operator=(const JsonWriter &) = delete;

    JsonWriter &raw(std::string_view text);
    // A JSON string literal. Lone surrogates are written as \uXXXX so that they survive a
    // round trip instead of being replaced, as a UTF-8 conversion would.
    JsonWriter &string(QStringView text);
    JsonWriter &integer(qint64 value);
    // The shortest text that reads back as the same double; NaN and infinities become null.
    JsonWriter &number(double value);
    // Nanoseconds written as microseconds with exactly three decimals: no rounding either way.
    JsonWriter &microseconds(qint64 ns);
    JsonWriter &value(const QJsonValue &value);

    // Writes out what is buffered. False (with errorString()) once any write has failed.
    bool flush();
    bool ok() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    void flushIfFull()
    {
        if (m_buffer.size() >= BufferSize)
            flush();
    }

    static constexpr qsizetype BufferSize = 1 << 18;
    QIODevice &m_device;
    QByteArray m_buffer;
    QString m_error;
};

} // namespace coroscope::report
