// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/trace.h"

#include <QString>

namespace coroscope::app {

// "fetchItem" out of "QCoro::Task<int> coroscope::patterns::{anonymous}::fetchItem(int, ...)":
// compilers spell functions for the linker, people want the name.
QString shortFunctionName(const QString &signature);
// "sequential.cpp:17", or an empty string for an unknown location.
QString fileAndLine(const trace::Location &location);

} // namespace coroscope::app
