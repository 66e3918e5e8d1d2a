// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <chrono>
#include <exception>
#include <vector>

namespace coroscope::async {

// What went wrong, coarse enough for retry policies and statuses to match on.
enum class ErrorKind {
    Cancelled,
    Timeout,
    Connection, // could not reach the server, or the connection broke
    Http, // the server answered with an error status
    Database,
    InvalidArgument,
    TaskGroup,
    Other,
};

const char *toString(ErrorKind kind);

class Error : public std::exception
{
public:
    Error(ErrorKind kind, QString message);
    ErrorKind kind() const noexcept { return m_kind; }
    const QString &message() const noexcept { return m_message; }
    const char *what() const noexcept override { return m_utf8.constData(); }

private:
    ErrorKind m_kind;
    QString m_message;
    QByteArray m_utf8;
};

// Raised at the co_await of a task whose cancel scope was cancelled (asyncio's CancelledError).
class CancelledError : public Error
{
public:
    explicit CancelledError(QString reason = QStringLiteral("cancelled"));
};

class TimeoutError : public Error
{
public:
    explicit TimeoutError(QString message);
};

class HttpError : public Error
{
public:
    HttpError(int status, QString message, std::chrono::milliseconds retryAfter = {});
    int status() const noexcept { return m_status; }
    // The server's Retry-After (429, 503), or 0 when it named none.
    std::chrono::milliseconds retryAfter() const noexcept { return m_retryAfter; }

private:
    int m_status;
    std::chrono::milliseconds m_retryAfter;
};

// Every child failure of a TaskGroup, like Python's ExceptionGroup.
class TaskGroupError : public Error
{
public:
    TaskGroupError(QString group, std::vector<std::exception_ptr> failures);
    const std::vector<std::exception_ptr> &failures() const noexcept { return m_failures; }

private:
    std::vector<std::exception_ptr> m_failures;
};

// A readable message for any exception, ours or not.
QString describe(const std::exception_ptr &error);
// The kind of any exception; Other for exceptions that are not ours.
ErrorKind kindOf(const std::exception_ptr &error);

} // namespace coroscope::async
