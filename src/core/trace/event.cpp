// SPDX-License-Identifier: GPL-3.0-or-later
#include "trace/event.h"

#include <QString>

#include <array>

namespace coroscope::trace {
namespace {

constexpr std::array kindNames{"created", "started", "suspended", "resumed", "finished", "mark", "counter"};
constexpr std::array reasonNames{"network", "database", "timer", "semaphore", "thread pool", "child join", "other"};
constexpr std::array statusNames{"ok", "error", "cancelled"};

template<typename Enum, std::size_t N>
bool parseName(const std::array<const char *, N> &names, const QString &text, Enum &out)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (text == QLatin1String(names[i])) {
            out = static_cast<Enum>(i);
            return true;
        }
    }
    return false;
}

} // namespace

const char *toString(EventKind kind)
{
    return kindNames.at(static_cast<std::size_t>(kind));
}
const char *toString(SuspendReason reason)
{
    return reasonNames.at(static_cast<std::size_t>(reason));
}
const char *toString(FinishStatus status)
{
    return statusNames.at(static_cast<std::size_t>(status));
}

QString detailText(const Event &event)
{
    if (event.kind == EventKind::Suspended && event.detail < SuspendReasonCount)
        return QLatin1String(toString(event.reason()));
    if (event.kind == EventKind::Finished && event.detail <= quint8(FinishStatus::Cancelled))
        return QLatin1String(toString(event.status()));
    return {};
}

bool fromString(const QString &text, EventKind &kind)
{
    return parseName(kindNames, text, kind);
}
bool fromString(const QString &text, SuspendReason &reason)
{
    return parseName(reasonNames, text, reason);
}
bool fromString(const QString &text, FinishStatus &status)
{
    return parseName(statusNames, text, status);
}

} // namespace coroscope::trace
