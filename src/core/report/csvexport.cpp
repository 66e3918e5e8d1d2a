// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/csvexport.h"

#include "trace/trace.h"

#include <QIODevice>
#include <QLocale>

namespace coroscope::report {

using namespace coroscope::trace;

QString csvField(const QString &text)
{
    const bool needsQuotes = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"'))
                             || text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r'));
    if (!needsQuotes)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool writeEventsCsv(const Trace &trace, QIODevice &device, QString *error)
{
    QByteArray buffer;
    bool ok = true;
    auto flush = [&] {
        if (ok && device.write(buffer) != buffer.size()) {
            ok = false;
            if (error)
                *error = device.errorString();
        }
        buffer.clear();
    };
    buffer += "time_ns,task_id,task_name,parent_id,event,detail,label,file,line,thread,value\r\n";
    QString line;
    for (const auto &event : trace.events()) {
        const auto *task = trace.task(event.task);
        const auto detail = detailText(event);
        const auto location = trace.location(event.location);
        line = QString::number(event.timeNs) + QLatin1Char(',') + QString::number(event.task) + QLatin1Char(',')
               + csvField(task ? trace.string(task->name) : QString()) + QLatin1Char(',')
               + (task ? QString::number(task->parent) : QString()) + QLatin1Char(',')
               + QLatin1String(toString(event.kind)) + QLatin1Char(',') + csvField(detail) + QLatin1Char(',')
               + csvField(trace.string(event.label)) + QLatin1Char(',') + csvField(location.file) + QLatin1Char(',')
               + (location.isValid() ? QString::number(location.line) : QString()) + QLatin1Char(',')
               + csvField(trace.threadName(event.thread)) + QLatin1Char(',')
               + (event.kind == EventKind::Counter ? QString::number(event.value, 'g', QLocale::FloatingPointShortest)
                                                   : QString())
               + QLatin1String("\r\n");
        buffer += line.toUtf8();
        if (buffer.size() > (1 << 18))
            flush();
    }
    flush();
    return ok;
}

} // namespace coroscope::report
