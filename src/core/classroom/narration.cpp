// SPDX-License-Identifier: GPL-3.0-or-later
#include "classroom/narration.h"

#include "timeline/timeformat.h"
#include "trace/counters.h"

#include <QRegularExpression>

#include <cmath>

namespace coroscope::classroom {

using timeline::formatDuration;
using namespace coroscope::trace;

namespace {

qint64 msToNs(double ms)
{
    return qint64(std::llround(ms * 1e6));
}

// "product API (5/5 in use)", the label of a semaphore wait (async/semaphore.cpp).
QRegularExpressionMatch matchPermits(const QString &resource)
{
    static const QRegularExpression inUse(QStringLiteral("^(.*) \\((\\d+)/(\\d+) in use\\)$"));
    return inUse.match(resource);
}

QString semaphoreWaitText(const QString &resource)
{
    const auto match = matchPermits(resource);
    if (!match.hasMatch())
        return QStringLiteral("waits for %1").arg(resource);
    if (!isSemaphoreFull(resource))
        return QStringLiteral("takes a permit: %1 has %2 of %3 in use")
            .arg(match.captured(1), match.captured(2), match.captured(3));
    return QStringLiteral("waits: %1 has %2 of %3 permits in use")
        .arg(match.captured(1), match.captured(2), match.captured(3));
}

} // namespace

bool isSemaphoreFull(const QString &resource)
{
    const auto match = matchPermits(resource);
    return match.hasMatch() && match.captured(2).toInt() >= match.captured(3).toInt();
}

bool isTimeoutMark(const QString &text)
{
    return text.startsWith(QLatin1String("timeout after "));
}

QString Narrator::taskName(TaskId task) const
{
    const auto *info = m_trace.task(task);
    if (!info)
        return task == 0 ? QStringLiteral("the run") : QStringLiteral("task #%1").arg(task);
    const auto name = m_trace.string(info->name);
    return name.isEmpty() ? QStringLiteral("task #%1").arg(task) : name;
}

QString Narrator::atLine(LocationId location) const
{
    const auto where = m_trace.location(location);
    return where.isValid() ? QStringLiteral(" at line %1").arg(where.line) : QString();
}

QString Narrator::suspendedText(const Event &event) const
{
    const auto name = taskName(event.task);
    const auto resource = m_trace.string(event.label);
    const auto line = atLine(event.location);
    switch (event.reason()) {
    case SuspendReason::Network: return QStringLiteral("%1 waits for the network: %2%3").arg(name, resource, line);
    case SuspendReason::Database: return QStringLiteral("%1 waits for the database: %2%3").arg(name, resource, line);
    case SuspendReason::Timer: return QStringLiteral("%1 waits on a timer: %2%3").arg(name, resource, line);
    case SuspendReason::Semaphore: return name + QLatin1Char(' ') + semaphoreWaitText(resource) + line;
    case SuspendReason::ThreadPool:
        return QStringLiteral("%1 hands %2 to the thread pool and waits%3").arg(name, resource, line);
    case SuspendReason::ChildJoin: return QStringLiteral("%1 waits for %2 to finish%3").arg(name, resource, line);
    case SuspendReason::Other: break;
    }
    return QStringLiteral("%1 waits for %2%3").arg(name, resource, line);
}

QString Narrator::resumedText(const Event &event, const Wait &wait) const
{
    const auto name = taskName(event.task);
    if (wait.sinceNs < 0)
        return QStringLiteral("%1 resumed").arg(name);
    const auto after = formatDuration(event.timeNs - wait.sinceNs);
    switch (wait.reason) {
    case SuspendReason::Network:
        return QStringLiteral("%1 resumed: %2 answered after %3").arg(name, wait.resource, after);
    case SuspendReason::Database:
        return QStringLiteral("%1 resumed: %2 came back from the database after %3").arg(name, wait.resource, after);
    case SuspendReason::Timer: return QStringLiteral("%1 resumed: its %2 is over").arg(name, wait.resource);
    case SuspendReason::Semaphore: return QStringLiteral("%1 resumed: it got a permit after %2").arg(name, after);
    case SuspendReason::ThreadPool:
        return QStringLiteral("%1 resumed: the thread pool finished %2 after %3").arg(name, wait.resource, after);
    case SuspendReason::ChildJoin:
        return QStringLiteral("%1 resumed: %2 finished after %3").arg(name, wait.resource, after);
    case SuspendReason::Other: break;
    }
    return QStringLiteral("%1 resumed after %2 waiting for %3").arg(name, after, wait.resource);
}

QString Narrator::finishedText(const Event &event) const
{
    const auto name = taskName(event.task);
    const auto *info = m_trace.task(event.task);
    const auto lifetime = info ? formatDuration(event.timeNs - info->createdNs) : QString();
    const auto message = m_trace.string(event.label);
    switch (event.status()) {
    case FinishStatus::Ok: return QStringLiteral("%1 finished after %2").arg(name, lifetime);
    case FinishStatus::Error:
        return QStringLiteral("%1 failed after %2: %3, which goes up to whoever awaits it").arg(name, lifetime, message);
    case FinishStatus::Cancelled:
        return message.isEmpty() ? QStringLiteral("%1 was cancelled after %2").arg(name, lifetime)
                                 : QStringLiteral("%1 was cancelled after %2: %3").arg(name, lifetime, message);
    }
    return name;
}

QString Narrator::markText(const Event &event)
{
    const auto text = m_trace.string(event.label);
    if (event.task == 0)
        return text;
    const auto name = taskName(event.task);
    if (!isTimeoutMark(text))
        return QStringLiteral("%1: %2").arg(name, text);
    // Everything still running below the task is cancelled with what the task itself waits for.
    int below = 0;
    for (auto it = m_runningSince.constBegin(); it != m_runningSince.constEnd(); ++it) {
        for (const auto *info = m_trace.task(it.key()); info && info->parent != 0; info = m_trace.task(info->parent)) {
            if (info->parent == event.task) {
                ++below;
                m_cancelling.insert(it.key());
                break;
            }
        }
    }
    const auto at = formatDuration(event.timeNs - m_trace.startNs());
    const auto wait = m_waits.value(event.task);
    m_cancelling.insert(event.task);
    if (below > 0)
        return QStringLiteral("%1 at %2 in %3: cancelling %4 task(s)").arg(text, at, name).arg(below);
    if (wait.sinceNs >= 0)
        return QStringLiteral("%1 at %2 in %3: cancelling its wait for %4").arg(text, at, name, wait.resource);
    return QStringLiteral("%1 at %2 in %3").arg(text, at, name);
}

std::optional<QString> Narrator::counterText(const Event &event)
{
    const auto name = m_trace.string(event.label);
    if (name == counters::loopLagMs()) {
        if (event.value < blockedLoopMs)
            return std::nullopt;
        const auto blocked = formatDuration(msToNs(event.value));
        const auto &culprit = m_longestRecent;
        // The stretch that blocked the loop ended just before the heartbeat could measure it.
        const bool known = culprit.task != 0 && culprit.toNs - culprit.fromNs >= msToNs(event.value) / 2
                           && culprit.toNs >= event.timeNs - msToNs(event.value) - msToNs(blockedLoopMs * 5);
        const auto text = known ? QStringLiteral("the loop was blocked for %1 by %2, which ran without awaiting%3")
                                      .arg(blocked, taskName(culprit.task),
                                           culprit.line > 0 ? QStringLiteral(" until line %1").arg(culprit.line)
                                                            : QString())
                                : QStringLiteral("the loop was blocked for %1").arg(blocked);
        m_longestRecent = {};
        return text;
    }
    const auto previous = m_counters.find(event.label);
    if (previous != m_counters.end() && *previous == event.value)
        return std::nullopt;
    m_counters.insert(event.label, event.value);
    return QStringLiteral("%1: %2").arg(name, QString::number(event.value, 'g', 6));
}

std::optional<Caption> Narrator::next(qsizetype index)
{
    const auto &event = m_trace.events()[size_t(index)];
    Caption caption{event.timeNs, event.task, index, {}};
    const auto endStretch = [&](int line) {
        const auto since = m_runningSince.find(event.task);
        if (since == m_runningSince.end() || *since < 0)
            return;
        const Stretch stretch{event.task, *since, event.timeNs, line};
        if (stretch.toNs - stretch.fromNs >= m_longestRecent.toNs - m_longestRecent.fromNs)
            m_longestRecent = stretch;
        *since = -1; // suspended: not running until it resumes
    };
    switch (event.kind) {
    case EventKind::Created: {
        const auto parent = TaskId(event.value);
        caption.text
            = parent == 0
                  ? QStringLiteral("%1 starts the run").arg(taskName(event.task))
                  : QStringLiteral("%1 spawns %2%3").arg(taskName(parent), taskName(event.task), atLine(event.location));
        break;
    }
    case EventKind::Started:
        m_runningSince.insert(event.task, event.timeNs);
        caption.text = QStringLiteral("%1 starts running").arg(taskName(event.task));
        break;
    case EventKind::Suspended:
        endStretch(m_trace.location(event.location).line);
        m_waits.insert(event.task, {event.timeNs, event.reason(), m_trace.string(event.label)});
        caption.text = suspendedText(event);
        break;
    case EventKind::Resumed:
        if (const auto wait = m_waits.take(event.task); m_cancelling.remove(event.task) && wait.sinceNs >= 0)
            caption.text = QStringLiteral("%1 resumed: its wait for %2 was cancelled after %3")
                               .arg(taskName(event.task), wait.resource, formatDuration(event.timeNs - wait.sinceNs));
        else
            caption.text = resumedText(event, wait);
        m_runningSince.insert(event.task, event.timeNs);
        break;
    case EventKind::Finished:
        endStretch(0);
        m_runningSince.remove(event.task);
        m_waits.remove(event.task);
        m_cancelling.remove(event.task);
        caption.text = finishedText(event);
        break;
    case EventKind::Mark: caption.text = markText(event); break;
    case EventKind::Counter: {
        auto text = counterText(event);
        if (!text)
            return std::nullopt;
        caption.text = *text;
        break;
    }
    }
    return caption;
}

Transcript narrate(const Trace &trace)
{
    Transcript transcript;
    Narrator narrator(trace);
    for (qsizetype index = 0; index < qsizetype(trace.events().size()); ++index) {
        if (auto caption = narrator.next(index))
            transcript.push_back(std::move(*caption));
    }
    return transcript;
}

} // namespace coroscope::classroom
