// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace coroscope::trace {

// "fetchItem" out of "QCoro::Task<int> coroscope::patterns::{anonymous}::fetchItem(int, ...)":
// compilers spell functions for the linker, people want the name.
QString shortFunctionName(const QString &signature);

} // namespace coroscope::trace
