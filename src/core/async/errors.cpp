// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/errors.h"

namespace coroscope::async {

const char *toString(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Cancelled: return "cancelled";
    case ErrorKind::Timeout: return "timeout";
    case ErrorKind::Connection: return "connection";
    case ErrorKind::Http: return "http";
    case ErrorKind::Database: return "database";
    case ErrorKind::InvalidArgument: return "invalid argument";
    case ErrorKind::TaskGroup: return "task group";
    case ErrorKind::Other: return "other";
    }
    return "other";
}

Error::Error(ErrorKind kind, QString message)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_utf8(m_message.toUtf8())
{
}

CancelledError::CancelledError(QString reason)
    : Error(ErrorKind::Cancelled, std::move(reason))
{
}

TimeoutError::TimeoutError(QString message)
    : Error(ErrorKind::Timeout, std::move(message))
{
}

HttpError::HttpError(int status, QString message, std::chrono::milliseconds retryAfter)
    : Error(ErrorKind::Http, std::move(message))
    , m_status(status)
    , m_retryAfter(retryAfter)
{
}

namespace {

QString groupMessage(const QString &group, const std::vector<std::exception_ptr> &failures)
{
    QStringList parts;
    for (const auto &failure : failures)
        parts.append(describe(failure));
    return QStringLiteral("%1: %2 child task(s) failed: %3")
        .arg(group)
        .arg(failures.size())
        .arg(parts.join(QStringLiteral("; ")));
}

} // namespace

TaskGroupError::TaskGroupError(QString group, std::vector<std::exception_ptr> failures)
    : Error(ErrorKind::TaskGroup, groupMessage(group, failures))
    , m_failures(std::move(failures))
{
}

QString describe(const std::exception_ptr &error)
{
    if (!error)
        return {};
    try {
        std::rethrow_exception(error);
    } catch (const Error &e) {
        return e.message();
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    } catch (...) {
        return QStringLiteral("unknown exception");
    }
}

ErrorKind kindOf(const std::exception_ptr &error)
{
    try {
        std::rethrow_exception(error);
    } catch (const Error &e) {
        return e.kind();
    } catch (...) {
        return ErrorKind::Other;
    }
}

} // namespace coroscope::async
