// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/chrometraceexport.h"

#include "classroom/wakeedges.h"
#include "report/chrometraceformat.h"
#include "report/jsonwriter.h"
#include "timeline/timelinemodel.h"
#include "trace/trace.h"

#include <QIODevice>
#include <QJsonObject>

#include <cmath>

namespace coroscope::report {

using namespace coroscope::trace;

namespace {

class ChromeTraceWriter
{
public:
    ChromeTraceWriter(const ReportInput &input, QIODevice &device)
        : m_input(input)
        , m_trace(*input.trace)
        , m_json(device)
    {
    }

    bool write(QString *error)
    {
        m_json.raw("{\"displayTimeUnit\":\"ms\",\n\"otherData\":");
        writeMetadata();
        m_json.raw(",\n\"traceEvents\":[\n");
        writeViewerEvents();
        m_json.raw("\n],\n\"");
        m_json.raw(chrome::losslessKey);
        m_json.raw("\":");
        writeLossless();
        m_json.raw("}\n");
        if (!m_json.flush()) {
            if (error)
                *error = m_json.errorString();
            return false;
        }
        return true;
    }

private:
    void writeMetadata()
    {
        QJsonObject metadata{
            {QLatin1String(chrome::producerKey), QLatin1String(chrome::producerName)},
            {QLatin1String(chrome::formatKey), chrome::formatVersion},
            {QStringLiteral("title"), m_input.title},
            {QStringLiteral("patternId"), m_input.patternId},
            {QStringLiteral("status"), m_input.status},
            {QStringLiteral("parameters"), QJsonObject::fromVariantMap(m_input.parameters)},
        };
        if (m_input.startedAt.isValid())
            metadata.insert(QStringLiteral("startedAt"), m_input.startedAt.toUTC().toString(Qt::ISODateWithMs));
        m_json.value(metadata);
    }

    // Starts one element of traceEvents: {"ph":"X","pid":1,"tid":N,"ts":T
    void begin(const char *phase, TaskId tid, qint64 timeNs)
    {
        m_json.raw(m_firstEvent ? "{\"ph\":\"" : ",\n{\"ph\":\"");
        m_firstEvent = false;
        m_json.raw(phase);
        m_json.raw("\",\"pid\":").integer(chrome::processId).raw(",\"tid\":").integer(tid);
        m_json.raw(",\"ts\":").microseconds(timeNs - m_origin);
    }

    void metadataEvent(TaskId tid, const char *name, const char *argName, auto writeArg)
    {
        m_json.raw(m_firstEvent ? "{\"ph\":\"M\",\"pid\":" : ",\n{\"ph\":\"M\",\"pid\":");
        m_firstEvent = false;
        m_json.integer(chrome::processId).raw(",\"tid\":").integer(tid);
        m_json.raw(",\"name\":\"").raw(name).raw("\",\"args\":{\"").raw(argName).raw("\":");
        writeArg();
        m_json.raw("}}");
    }

    void locationArgs(LocationId id)
    {
        const auto location = m_trace.location(id);
        if (!location.isValid())
            return;
        m_json.raw(",\"file\":").string(location.file).raw(",\"line\":").integer(location.line);
    }

    void writeViewerEvents()
    {
        // The lanes the timeline draws. A coroutine nobody awaited has a lane of its own there;
        // here its events stay on its caller's thread row, where the trace recorded them.
        timeline::TimelineModel model;
        model.setTrace(&m_trace);
        std::vector<const timeline::Lane *> tasks;
        const timeline::Lane *loop = model.eventLoopLane();
        std::vector<const timeline::Lane *> counters;
        for (const auto *lane : model.lanes()) {
            if (lane->kind == timeline::LaneKind::Task)
                tasks.push_back(lane);
            else if (lane->kind == timeline::LaneKind::Counter
                     || (lane->kind == timeline::LaneKind::EventLoop && lane->counter != 0))
                counters.push_back(lane);
        }
        // Viewers start their ruler at zero; our own section keeps the original clock.
        m_origin = m_trace.startNs();
        m_endNs = m_trace.endNs();
        const QString process = m_input.title.isEmpty() ? QStringLiteral("Coroscope run") : m_input.title;
        metadataEvent(0, "process_name", "name", [&] { m_json.string(process); });
        qint64 sortIndex = 0;
        for (const auto *lane : tasks) {
            if (lane->neverAwaited)
                continue;
            metadataEvent(lane->task, "thread_name", "name", [&] { m_json.string(laneTitle(*lane)); });
            metadataEvent(lane->task, "thread_sort_index", "sort_index", [&] { m_json.integer(sortIndex++); });
        }
        for (const auto *lane : tasks)
            writeLane(*lane);
        writeWakeFlows();
        if (loop) {
            for (const auto &mark : loop->markers) {
                begin("i", 0, mark.timeNs);
                m_json.raw(",\"s\":\"p\",\"cat\":\"").raw(chrome::markCategory).raw("\",\"name\":");
                m_json.string(m_trace.string(mark.label)).raw("}");
            }
        }
        for (const auto *counter : counters) {
            const QString name = m_trace.string(counter->counter);
            for (const auto &point : counter->points) {
                if (!std::isfinite(point.value))
                    continue; // viewers cannot plot it; the lossless section keeps it
                begin("C", 0, point.timeNs);
                m_json.raw(",\"name\":").string(name).raw(",\"args\":{\"value\":").number(point.value).raw("}}");
            }
        }
    }

    // Who woke whom, as flow events: Perfetto draws an arrow from the slice where the wait ended
    // (a child's finish, a permit's release, a request) to the slice of the task it resumed.
    void writeWakeFlows()
    {
        const auto &events = m_trace.events();
        qint64 id = 0;
        for (const auto &edge : classroom::wakeEdges(m_trace)) {
            const auto &from = events[size_t(edge.from)];
            const auto &to = events[size_t(edge.to)];
            ++id;
            const char *name = classroom::toString(edge.kind);
            begin("s", from.task, from.timeNs);
            m_json.raw(",\"id\":").integer(id).raw(",\"cat\":\"").raw(chrome::wakeCategory).raw("\",\"name\":\"");
            m_json.raw(name).raw("\"}");
            begin("f", to.task, to.timeNs);
            m_json.raw(",\"bp\":\"e\",\"id\":").integer(id).raw(",\"cat\":\"").raw(chrome::wakeCategory);
            m_json.raw("\",\"name\":\"").raw(name).raw("\"}");
        }
    }

    QString laneTitle(const timeline::Lane &lane) const
    {
        return QStringLiteral("%1 (#%2)").arg(lane.title.isEmpty() ? QStringLiteral("task") : lane.title).arg(lane.task);
    }

    void writeLane(const timeline::Lane &lane)
    {
        const qint64 endNs = lane.isFinished() ? lane.finishedNs : std::max(m_endNs, lane.createdNs);
        if (!lane.neverAwaited) {
            begin("X", lane.task, lane.createdNs);
            m_json.raw(",\"dur\":").microseconds(std::max<qint64>(0, endNs - lane.createdNs));
            m_json.raw(",\"cat\":\"").raw(chrome::taskCategory).raw("\",\"name\":");
            m_json.string(lane.title.isEmpty() ? QStringLiteral("task") : lane.title);
            m_json.raw(",\"args\":{\"task\":").integer(lane.task).raw(",\"parent\":").integer(lane.parentTask);
            m_json.raw(",\"status\":\"").raw(lane.isFinished() ? toString(lane.status) : "running").raw("\"");
            if (lane.error != 0)
                m_json.raw(",\"error\":").string(m_trace.string(lane.error));
            if (lane.startedNs >= 0)
                m_json.raw(",\"started_ms\":").number(double(lane.startedNs - m_origin) / 1e6);
            locationArgs(lane.spawnLocation);
            m_json.raw("}}");
        }

        for (const auto &span : lane.spans) {
            if (span.state != timeline::SpanState::Suspended)
                continue;
            const qint64 spanEnd = span.isOpen() ? std::max(span.startNs, endNs) : span.endNs;
            begin("X", lane.task, span.startNs);
            m_json.raw(",\"dur\":").microseconds(std::max<qint64>(0, spanEnd - span.startNs));
            m_json.raw(",\"cat\":\"").raw(chrome::suspendedCategory).raw("\",\"name\":\"");
            m_json.raw(toString(span.reason)).raw("\",\"args\":{\"resource\":");
            m_json.string(m_trace.string(span.label));
            locationArgs(span.location);
            if (span.isOpen())
                m_json.raw(",\"resumed\":false");
            m_json.raw("}}");
        }
        for (const auto &mark : lane.markers) {
            if (mark.kind != timeline::MarkerKind::Mark)
                continue;
            begin("i", lane.task, mark.timeNs);
            m_json.raw(",\"s\":\"t\",\"cat\":\"").raw(chrome::markCategory).raw("\",\"name\":");
            m_json.string(m_trace.string(mark.label)).raw("}");
        }
        // Errors and cancellations as their own instants: a slice's args are easy to miss.
        if (lane.isFinished() && lane.status != FinishStatus::Ok && !lane.neverAwaited) {
            begin("i", lane.task, lane.finishedNs);
            m_json.raw(",\"s\":\"t\",\"cat\":\"finish\",\"name\":");
            const QString message = m_trace.string(lane.error);
            const QString status = QLatin1String(toString(lane.status));
            m_json.string(message.isEmpty() ? status : status + QStringLiteral(": ") + message).raw("}");
        }
    }

    void writeLossless()
    {
        m_json.raw("{\"format\":").integer(chrome::formatVersion);
        m_json.raw(",\n\"strings\":[");
        for (int i = 0; i < m_trace.stringCount(); ++i) {
            if (i > 0)
                m_json.raw(",");
            m_json.string(m_trace.string(StringId(i)));
        }
        m_json.raw("],\n\"locations\":[");
        for (int i = 0; i < m_trace.locationCount(); ++i) {
            const auto location = m_trace.location(LocationId(i));
            m_json.raw(i > 0 ? ",[" : "[").string(location.file).raw(",").string(location.function);
            m_json.raw(",").integer(location.line).raw("]");
        }
        m_json.raw("],\n\"threads\":[");
        for (int i = 0; i < m_trace.threadCount(); ++i) {
            if (i > 0)
                m_json.raw(",");
            m_json.string(m_trace.threadName(ThreadIndex(i)));
        }
        // [time_ns, kind, task, label, location, thread, detail, value]: positional to keep a
        // million events at about 40 MB.
        m_json.raw("],\n\"events\":[");
        bool first = true;
        for (const auto &event : m_trace.events()) {
            m_json.raw(first ? "\n[" : ",\n[");
            first = false;
            m_json.integer(event.timeNs).raw(",").integer(int(event.kind)).raw(",").integer(event.task);
            m_json.raw(",").integer(event.label).raw(",").integer(event.location).raw(",").integer(event.thread);
            m_json.raw(",").integer(event.detail).raw(",");
            if (std::isfinite(event.value))
                m_json.number(event.value);
            else
                m_json.raw(std::isnan(event.value) ? "\"nan\"" : event.value > 0 ? "\"inf\"" : "\"-inf\"");
            m_json.raw("]");
        }
        m_json.raw("]}");
    }

    const ReportInput &m_input;
    const Trace &m_trace;
    JsonWriter m_json;
    qint64 m_origin = 0;
    qint64 m_endNs = 0;
    bool m_firstEvent = true;
};

} // namespace

bool writeChromeTrace(const ReportInput &input, QIODevice &device, QString *error)
{
    if (!input.trace) {
        if (error)
            *error = QStringLiteral("there is no trace to export");
        return false;
    }
    return ChromeTraceWriter(input, device).write(error);
}

} // namespace coroscope::report
