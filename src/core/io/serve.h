// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/labfaults.h"

#include <QtGlobal>

namespace coroscope::io {

// `coroscope serve`: runs a lab server on 127.0.0.1:port (0 = any free port), prints its URL
// on stdout, and serves until SIGINT or SIGTERM. Returns 0 after a clean stop, or 1 with a
// message on stderr when it cannot listen (the port is taken, for instance). Needs a
// QCoreApplication; runs its own event loop. `faults` are in force from the start.
int serveForeground(quint16 port, const LabFaults &faults = {});

} // namespace coroscope::io
