// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/chrometraceimport.h"

#include "report/chrometraceformat.h"
#include "report/foreigntrace.h"
#include "report/jsonreader.h"

#include <QFile>
#include <QJsonObject>
#include <QJsonValue>

#include <algorithm>
#include <cmath>
#include <optional>

namespace coroscope::report {

using namespace coroscope::trace;

namespace {

// Microseconds beyond this (about the year 2096 counted from 1970) would overflow once turned
// into nanoseconds and added to a duration.
constexpr double MaxMicroseconds = 4e15;
// Trace::addLocation() is a linear search: a file with more locations than this would make
// the import quadratic, so it is refused.
constexpr qsizetype MaxLocations = 10'000;

QString typeName(JsonReader::Type type)
{
    switch (type) {
    case JsonReader::Type::Object: return QStringLiteral("an object");
    case JsonReader::Type::Array: return QStringLiteral("an array");
    case JsonReader::Type::String: return QStringLiteral("a string");
    case JsonReader::Type::Number: return QStringLiteral("a number");
    case JsonReader::Type::True:
    case JsonReader::Type::False: return QStringLiteral("a boolean");
    case JsonReader::Type::Null: return QStringLiteral("null");
    case JsonReader::Type::End: return QStringLiteral("the end of the file");
    case JsonReader::Type::Invalid: break;
    }
    return QStringLiteral("invalid JSON");
}

class Importer
{
public:
    Importer(QIODevice &device, const ImportProgress &progress, const ImportOptions &options)
        : m_device(device)
        , m_progress(progress)
        , m_options(options)
    {
    }

    ImportResult run()
    {
        const qint64 start = m_device.isSequential() ? 0 : m_device.pos();
        m_total = m_device.isSequential() ? -1 : m_device.size() - start;
        if (m_total > m_options.maxBytes)
            return failure(QStringLiteral("the file is %1 MB, more than the import limit of %2 MB")
                               .arg(m_total >> 20)
                               .arg(m_options.maxBytes >> 20));
        bool retry = false;
        if (!parse(/*trustMarker=*/true, retry))
            return failure(m_reader->errorString());
        if (retry) {
            // Our marker was there but our own section was not (the file was edited): read the
            // viewer events after all.
            if (!m_device.seek(start))
                return failure(QStringLiteral("the file claims to be a Coroscope export but has no \"%1\" section")
                                   .arg(QLatin1String(chrome::losslessKey)));
            m_foreign = {};
            m_result.warnings << QStringLiteral("the Coroscope section is missing: imported the viewer events instead");
            if (!parse(/*trustMarker=*/false, retry))
                return failure(m_reader->errorString());
        }
        if (!report(90))
            return cancelled();
        if (m_lossless) {
            if (!buildLossless())
                return failure(m_buildError);
            m_result.lossless = true;
        } else if (!m_sawTraceEvents) {
            return failure(QStringLiteral("no \"traceEvents\" array: this is not a Chrome trace file"));
        } else if (!m_foreign.build(m_result.trace, m_result.warnings,
                                    [this](int percent) { return report(90 + percent / 10); })) {
            return cancelled();
        }
        if (!report(100))
            return cancelled();
        m_result.ok = true;
        return std::move(m_result);
    }

private:
    struct Lossless {
        qint64 format = 0;
        QStringList strings;
        std::vector<Location> locations;
        QStringList threads;
        std::vector<Event> events;
    };

    bool report(int percent)
    {
        if (!m_progress)
            return true;
        percent = std::clamp(percent, 0, 100);
        if (percent == m_lastPercent && percent != 100)
            return true;
        m_lastPercent = percent;
        return m_progress(percent);
    }

    ImportResult failure(const QString &message)
    {
        if (m_reader && m_reader->cancelled())
            return cancelled();
        ImportResult result;
        result.error = message;
        result.warnings = m_result.warnings;
        return result;
    }

    ImportResult cancelled()
    {
        ImportResult result;
        result.cancelled = true;
        result.error = QStringLiteral("import cancelled");
        return result;
    }

    bool parse(bool trustMarker, bool &retry)
    {
        m_reader.emplace(m_device, m_options.maxBytes, m_options.maxDepth);
        m_reader->setChunkCallback(
            [this](qint64 bytes) { return report(m_total > 0 ? int(90 * std::min(bytes, m_total) / m_total) : 0); });
        m_trustMarker = trustMarker;
        m_ours = false;
        m_skippedViewerEvents = false;
        m_sawTraceEvents = false;
        auto &reader = *m_reader;
        reader.skipByteOrderMark();
        switch (reader.peek()) {
        case JsonReader::Type::Object:
            if (!parseObjectFormat())
                return false;
            break;
        case JsonReader::Type::Array:
            reader.setAllowOpenTopLevelArray(true);
            m_sawTraceEvents = true;
            if (!parseTraceEvents(QStringLiteral("traceEvents")))
                return false;
            break;
        case JsonReader::Type::End: return reader.failed() ? false : reader.fail(QStringLiteral("the file is empty"));
        default:
            return reader.failed() ? false
                                   : reader.fail(QStringLiteral(
                                       "not a Chrome trace: the file does not start with a JSON object or array"));
        }
        if (!reader.expectEnd())
            return false;
        retry = m_skippedViewerEvents && !m_lossless;
        return true;
    }

    bool typeError(const QString &where, const char *expected)
    {
        return m_reader->fail(
            QStringLiteral("%1 must be %2, not %3").arg(where, QLatin1String(expected), typeName(m_reader->peek())));
    }

    bool parseObjectFormat()
    {
        auto &reader = *m_reader;
        if (!reader.beginObject())
            return false;
        QString key;
        while (reader.nextMember(&key)) {
            if (key == QLatin1String("traceEvents")) {
                if (reader.peek() != JsonReader::Type::Array)
                    return typeError(QStringLiteral("\"traceEvents\""), "an array");
                m_sawTraceEvents = true;
                if (m_ours && m_trustMarker) {
                    m_skippedViewerEvents = true;
                    if (!reader.skipValue())
                        return false;
                } else if (!parseTraceEvents(QStringLiteral("traceEvents"))) {
                    return false;
                }
            } else if (key == QLatin1String("otherData")) {
                QJsonValue value;
                if (!reader.readValue(value))
                    return false;
                readMetadata(value.toObject());
            } else if (key == QLatin1String(chrome::losslessKey)) {
                if (!parseLossless())
                    return false;
            } else if (!reader.skipValue()) {
                return false;
            }
        }
        return !reader.failed();
    }

    void readMetadata(const QJsonObject &metadata)
    {
        if (metadata.value(QLatin1String(chrome::producerKey)).toString() != QLatin1String(chrome::producerName))
            return;
        m_ours = metadata.value(QLatin1String(chrome::formatKey)).toInt() == chrome::formatVersion;
        m_result.title = metadata.value(QLatin1String("title")).toString();
        m_result.patternId = metadata.value(QLatin1String("patternId")).toString();
        m_result.status = metadata.value(QLatin1String("status")).toString();
        m_result.parameters = metadata.value(QLatin1String("parameters")).toObject().toVariantMap();
        m_result.startedAt = QDateTime::fromString(metadata.value(QLatin1String("startedAt")).toString(),
                                                   Qt::ISODateWithMs);
    }

    // ---- other tools' events ----

    bool parseTraceEvents(const QString &name)
    {
        auto &reader = *m_reader;
        if (!reader.beginArray())
            return false;
        qsizetype index = 0;
        while (reader.nextElement()) {
            const QString where = name + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
            if (reader.peek() != JsonReader::Type::Object)
                return typeError(where, "an object");
            if (!parseEvent(where))
                return false;
            ++index;
        }
        return !reader.failed();
    }

    bool readText(const QString &where, const QString &key, QString &out)
    {
        auto &reader = *m_reader;
        if (reader.peek() == JsonReader::Type::Null)
            return reader.readNull();
        if (reader.peek() != JsonReader::Type::String)
            return typeError(QStringLiteral("%1: \"%2\"").arg(where, key), "a string");
        return reader.readString(out);
    }

    bool readTime(const QString &where, const QString &key, qint64 &ns)
    {
        auto &reader = *m_reader;
        if (reader.peek() != JsonReader::Type::Number)
            return typeError(QStringLiteral("%1: \"%2\"").arg(where, key), "a number");
        double us = 0;
        if (!reader.readDouble(us))
            return false;
        if (!(std::abs(us) <= MaxMicroseconds))
            return reader.fail(
                QStringLiteral("%1: \"%2\" is %3 µs, out of the supported range").arg(where, key).arg(us, 0, 'g', 6));
        ns = std::llround(us * 1000.0);
        return true;
    }

    // pid and tid are numbers, but some tools write names; those get ids of their own.
    bool readTrackId(const QString &where, const QString &key, qint64 &out, bool process)
    {
        auto &reader = *m_reader;
        switch (reader.peek()) {
        case JsonReader::Type::Number: {
            double value = 0;
            if (!reader.readDouble(value))
                return false;
            if (!(std::abs(value) < 1e15) || value != std::floor(value))
                return reader.fail(QStringLiteral("%1: \"%2\" must be an integer").arg(where, key));
            out = qint64(value);
            return true;
        }
        case JsonReader::Type::String: {
            QString text;
            if (!reader.readString(text))
                return false;
            auto &ids = process ? m_processIds : m_threadIds;
            auto it = ids.constFind(text);
            if (it == ids.cend()) {
                it = ids.insert(text, -qint64(ids.size()) - 1);
                if (process)
                    m_foreign.setProcessLabel(*it, text);
                else
                    m_foreign.setThreadLabel(*it, text);
            }
            out = *it;
            return true;
        }
        default: return typeError(QStringLiteral("%1: \"%2\"").arg(where, key), "a number or a string");
        }
    }

    bool parseEvent(const QString &where)
    {
        auto &reader = *m_reader;
        if (!reader.beginObject())
            return false;
        detail::ForeignEvent event;
        QString phase;
        bool hasTime = false;
        QString key;
        while (reader.nextMember(&key)) {
            bool ok = true;
            if (key == QLatin1String("ph")) {
                ok = readText(where, key, phase);
            } else if (key == QLatin1String("name")) {
                ok = readText(where, key, event.name);
            } else if (key == QLatin1String("cat")) {
                ok = readText(where, key, event.category);
            } else if (key == QLatin1String("ts")) {
                ok = readTime(where, key, event.timeNs);
                hasTime = true;
            } else if (key == QLatin1String("dur")) {
                ok = readTime(where, key, event.durationNs);
                if (ok && event.durationNs < 0)
                    return reader.fail(QStringLiteral("%1: negative duration \"dur\"").arg(where));
            } else if (key == QLatin1String("pid")) {
                ok = readTrackId(where, key, event.pid, true);
            } else if (key == QLatin1String("tid")) {
                ok = readTrackId(where, key, event.tid, false);
            } else if (key == QLatin1String("id")) {
                QJsonValue id;
                ok = reader.readValue(id);
                event.asyncId = id.isString() ? id.toString() : QString::number(id.toDouble(), 'g', 17);
            } else if (key == QLatin1String("id2")) {
                QJsonValue id;
                ok = reader.readValue(id);
                const auto object = id.toObject();
                for (auto it = object.constBegin(); it != object.constEnd(); ++it)
                    event.asyncId = it.key() + QLatin1Char(':') + it.value().toVariant().toString();
            } else if (key == QLatin1String("s")) {
                QString scope;
                ok = readText(where, key, scope);
                event.scope = scope.isEmpty() ? 't' : char(scope.at(0).toLatin1());
            } else if (key == QLatin1String("args")) {
                if (reader.peek() != JsonReader::Type::Object && reader.peek() != JsonReader::Type::Null)
                    return typeError(QStringLiteral("%1: \"args\"").arg(where), "an object");
                QJsonValue args;
                ok = reader.readValue(args);
                event.args = args.toObject();
            } else {
                ok = reader.skipValue();
            }
            if (!ok)
                return false;
        }
        if (reader.failed())
            return false;
        if (phase.size() != 1) {
            m_foreign.ignore(phase.isEmpty() ? '?' : '*');
            return true;
        }
        event.phase = char(phase.at(0).toLatin1());
        if (event.phase == 'M') {
            m_foreign.addMetadata(event);
            return true;
        }
        if (!hasTime)
            return reader.fail(QStringLiteral("%1: missing \"ts\"").arg(where));
        m_foreign.add(std::move(event));
        return true;
    }

    // ---- our own section ----

    bool parseLossless()
    {
        auto &reader = *m_reader;
        const QString section = QLatin1String(chrome::losslessKey);
        if (reader.peek() != JsonReader::Type::Object)
            return typeError(QStringLiteral("\"%1\"").arg(section), "an object");
        if (!reader.beginObject())
            return false;
        m_data = {};
        QString key;
        while (reader.nextMember(&key)) {
            const QString where = section + QLatin1Char('.') + key;
            bool ok = true;
            if (key == QLatin1String("format")) {
                if (reader.peek() != JsonReader::Type::Number)
                    return typeError(where, "a number");
                ok = reader.readInteger(m_data.format);
                if (ok && m_data.format != chrome::formatVersion)
                    return reader.fail(
                        QStringLiteral("%1: version %2 is not supported (this Coroscope reads version %3)")
                            .arg(where)
                            .arg(m_data.format)
                            .arg(chrome::formatVersion));
            } else if (key == QLatin1String("strings")) {
                ok = parseStringList(where, m_data.strings);
            } else if (key == QLatin1String("threads")) {
                ok = parseStringList(where, m_data.threads);
            } else if (key == QLatin1String("locations")) {
                ok = parseLocations(where);
            } else if (key == QLatin1String("events")) {
                ok = parseLosslessEvents(where);
            } else {
                ok = reader.skipValue();
            }
            if (!ok)
                return false;
        }
        if (reader.failed())
            return false;
        if (m_data.format != chrome::formatVersion)
            return reader.fail(QStringLiteral("%1.format is missing").arg(section));
        m_lossless = true;
        return true;
    }

    bool parseStringList(const QString &where, QStringList &out)
    {
        auto &reader = *m_reader;
        if (reader.peek() != JsonReader::Type::Array)
            return typeError(where, "an array");
        if (!reader.beginArray())
            return false;
        QString text;
        while (reader.nextElement()) {
            if (reader.peek() != JsonReader::Type::String)
                return typeError(QStringLiteral("%1[%2]").arg(where).arg(out.size()), "a string");
            if (!reader.readString(text))
                return false;
            out.append(text);
        }
        return !reader.failed();
    }

    bool parseLocations(const QString &where)
    {
        auto &reader = *m_reader;
        if (reader.peek() != JsonReader::Type::Array)
            return typeError(where, "an array");
        if (!reader.beginArray())
            return false;
        while (reader.nextElement()) {
            const QString item = QStringLiteral("%1[%2]").arg(where).arg(m_data.locations.size());
            if (qsizetype(m_data.locations.size()) >= MaxLocations)
                return reader.fail(QStringLiteral("%1: more than %2 locations").arg(where).arg(MaxLocations));
            if (reader.peek() != JsonReader::Type::Array)
                return typeError(item, "an array [file, function, line]");
            Location location;
            qint64 line = 0;
            if (!reader.beginArray())
                return false;
            if (!reader.nextElement() || reader.peek() != JsonReader::Type::String || !reader.readString(location.file)
                || !reader.nextElement() || reader.peek() != JsonReader::Type::String
                || !reader.readString(location.function) || !reader.nextElement()
                || reader.peek() != JsonReader::Type::Number || !reader.readInteger(line)) {
                return reader.failed() ? false
                                       : reader.fail(QStringLiteral("%1: expected [file, function, line]").arg(item));
            }
            if (reader.nextElement() || reader.failed())
                return reader.failed() ? false
                                       : reader.fail(QStringLiteral("%1: expected [file, function, line]").arg(item));
            if (line < 0 || line > std::numeric_limits<int>::max())
                return reader.fail(QStringLiteral("%1: line %2 is out of range").arg(item).arg(line));
            location.line = int(line);
            m_data.locations.push_back(std::move(location));
        }
        return !reader.failed();
    }

    bool parseLosslessEvents(const QString &where)
    {
        auto &reader = *m_reader;
        if (reader.peek() != JsonReader::Type::Array)
            return typeError(where, "an array");
        if (!reader.beginArray())
            return false;
        while (reader.nextElement()) {
            const auto index = m_data.events.size();
            auto item = [&] { return QStringLiteral("%1[%2]").arg(where).arg(index); };
            if (reader.peek() != JsonReader::Type::Array)
                return typeError(item(), "an array");
            if (!reader.beginArray())
                return false;
            qint64 fields[7] = {};
            for (auto &field : fields) {
                if (!reader.nextElement())
                    return reader.failed() ? false : reader.fail(QStringLiteral("%1: expected 8 fields").arg(item()));
                if (reader.peek() != JsonReader::Type::Number)
                    return typeError(item(), "an array of numbers");
                if (!reader.readInteger(field))
                    return false;
            }
            if (!reader.nextElement())
                return reader.failed() ? false : reader.fail(QStringLiteral("%1: expected 8 fields").arg(item()));
            double value = 0;
            if (reader.peek() == JsonReader::Type::String) {
                QString text;
                if (!reader.readString(text))
                    return false;
                if (text == QLatin1String("nan"))
                    value = std::numeric_limits<double>::quiet_NaN();
                else if (text == QLatin1String("inf"))
                    value = std::numeric_limits<double>::infinity();
                else if (text == QLatin1String("-inf"))
                    value = -std::numeric_limits<double>::infinity();
                else
                    return reader.fail(QStringLiteral("%1: the value must be a number").arg(item()));
            } else if (reader.peek() != JsonReader::Type::Number) {
                return typeError(item(), "an array of numbers");
            } else if (!reader.readDouble(value)) {
                return false;
            }
            if (reader.nextElement() || reader.failed())
                return reader.failed() ? false : reader.fail(QStringLiteral("%1: expected 8 fields").arg(item()));
            const auto [timeNs, kind, task, label, location, thread, detail] = fields;
            QString problem;
            if (kind < 0 || kind > qint64(EventKind::Counter))
                problem = QStringLiteral("unknown event kind %1").arg(kind);
            else if (task < 0 || task > std::numeric_limits<TaskId>::max())
                problem = QStringLiteral("task id %1 is out of range").arg(task);
            else if (label < 0 || label >= m_data.strings.size())
                problem = QStringLiteral("string %1 is not in the string table").arg(label);
            else if (location < 0 || location >= qint64(m_data.locations.size()))
                problem = QStringLiteral("location %1 is not in the location table").arg(location);
            else if (thread < 0 || thread > std::numeric_limits<ThreadIndex>::max())
                problem = QStringLiteral("thread %1 is out of range").arg(thread);
            else if (detail < 0 || detail > 255
                     || (EventKind(kind) == EventKind::Suspended && detail >= SuspendReasonCount)
                     || (EventKind(kind) == EventKind::Finished && detail > qint64(FinishStatus::Cancelled)))
                problem = QStringLiteral("detail %1 is out of range").arg(detail);
            if (!problem.isEmpty())
                return reader.fail(item() + QStringLiteral(": ") + problem);
            m_data.events.push_back(Event{timeNs, value, TaskId(task), StringId(label), LocationId(location),
                                          ThreadIndex(thread), EventKind(kind), quint8(detail)});
        }
        return !reader.failed();
    }

    bool buildLossless()
    {
        if (m_data.strings.isEmpty() || !m_data.strings.first().isEmpty()) {
            m_buildError = QStringLiteral("\"coroscope.strings\" must start with the empty string");
            return false;
        }
        if (m_data.locations.empty() || m_data.locations.front() != Location{}) {
            m_buildError = QStringLiteral("\"coroscope.locations\" must start with [\"\", \"\", 0]");
            return false;
        }
        auto &trace = m_result.trace;
        trace.clear();
        // The tables are unique in a trace we wrote, so ids come back unchanged; an edited file
        // with duplicates still imports correctly through the maps.
        std::vector<StringId> strings(std::size_t(m_data.strings.size()));
        for (qsizetype i = 0; i < m_data.strings.size(); ++i)
            strings[std::size_t(i)] = trace.addString(m_data.strings.at(i));
        std::vector<LocationId> locations(m_data.locations.size());
        for (std::size_t i = 0; i < m_data.locations.size(); ++i)
            locations[i] = i == 0 ? 0 : trace.addLocation(m_data.locations[i]);
        for (const auto &name : std::as_const(m_data.threads))
            trace.addThread(name);
        for (auto &event : m_data.events) {
            event.label = strings[event.label];
            event.location = locations[event.location];
        }
        if (!std::is_sorted(m_data.events.begin(), m_data.events.end(),
                            [](const Event &a, const Event &b) { return a.timeNs < b.timeNs; })) {
            std::stable_sort(m_data.events.begin(), m_data.events.end(),
                             [](const Event &a, const Event &b) { return a.timeNs < b.timeNs; });
            m_result.warnings << QStringLiteral("the events were not in time order and have been sorted");
        }
        trace.append(m_data.events);
        m_data = {};
        return true;
    }

    QIODevice &m_device;
    const ImportProgress &m_progress;
    const ImportOptions m_options;
    std::optional<JsonReader> m_reader;
    qint64 m_total = -1;
    int m_lastPercent = -1;
    bool m_trustMarker = true;
    bool m_ours = false;
    bool m_skippedViewerEvents = false;
    bool m_sawTraceEvents = false;
    bool m_lossless = false;
    Lossless m_data;
    QString m_buildError;
    detail::ForeignTraceBuilder m_foreign;
    QHash<QString, qint64> m_processIds;
    QHash<QString, qint64> m_threadIds;
    ImportResult m_result;
};

} // namespace

ImportResult importChromeTrace(QIODevice &device, const ImportProgress &progress, const ImportOptions &options)
{
    if (!device.isOpen() || !device.isReadable()) {
        ImportResult result;
        result.error = QStringLiteral("the input is not open for reading");
        return result;
    }
    return Importer(device, progress, options).run();
}

ImportResult importChromeTraceFile(const QString &path, const ImportProgress &progress, const ImportOptions &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ImportResult result;
        result.error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    return Importer(file, progress, options).run();
}

} // namespace coroscope::report
