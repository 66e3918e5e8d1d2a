// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// Names of the counters the toolkit records; views and summaries look them up by these names.
namespace coroscope::trace::counters {

inline QString loopLagMs()
{
    return QStringLiteral("event-loop lag (ms)");
}
inline QString requestsInFlight()
{
    return QStringLiteral("requests in flight");
}
inline QString openConnections()
{
    return QStringLiteral("open connections");
}
inline QString permitsInUse(const QString &semaphore)
{
    return semaphore + QStringLiteral(" permits in use");
}

} // namespace coroscope::trace::counters
