// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "async/errors.h"

#include <exception>
#include <utility>
#include <variant>

namespace coroscope::async {

// A value or the error that took its place: what gather(returnExceptions, ...) returns per task.
template<typename T>
class Outcome
{
public:
    Outcome(T value)
        : m_data(std::move(value))
    {
    }
    Outcome(std::exception_ptr error)
        : m_data(std::move(error))
    {
    }

    bool ok() const { return m_data.index() == 0; }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    // The value, or `fallback` when the task failed: the "orders = []" of the Python original.
    T valueOr(T fallback) const { return ok() ? std::get<0>(m_data) : std::move(fallback); }
    std::exception_ptr error() const { return ok() ? nullptr : std::get<1>(m_data); }
    QString errorMessage() const { return describe(error()); }
    ErrorKind errorKind() const { return ok() ? ErrorKind::Other : kindOf(error()); }

private:
    std::variant<T, std::exception_ptr> m_data;
};

} // namespace coroscope::async
