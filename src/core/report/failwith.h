// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace coroscope::report::detail {

// The report layer says why something failed through an optional `QString *error` and a
// false return; this keeps each failure path to one line.
inline bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace coroscope::report::detail
