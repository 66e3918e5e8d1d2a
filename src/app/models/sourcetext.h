// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/functionname.h"
#include "trace/trace.h"

#include <QString>

namespace coroscope::app {

using trace::shortFunctionName;

// "sequential.cpp:17", or an empty string for an unknown location.
QString fileAndLine(const trace::Location &location);

} // namespace coroscope::app
