// SPDX-License-Identifier: GPL-3.0-or-later
// coroscope serve [--port N]
#include "cli/commands.h"
#include "io/serve.h"

namespace coroscope::cli {

int serve(const QStringList &arguments)
{
    quint16 port = 0;
    if (arguments.size() == 2 && arguments.front() == QLatin1String("--port")) {
        bool ok = false;
        const auto value = arguments.at(1).toUInt(&ok);
        if (!ok || value > 65535) {
            err() << "coroscope serve: --port takes a number from 0 to 65535 (got \"" << arguments.at(1) << "\")\n";
            return BadUsage;
        }
        port = quint16(value);
    } else if (!arguments.isEmpty()) {
        err() << "usage: coroscope serve [--port N]\n";
        return BadUsage;
    }
    return io::serveForeground(port) == 0 ? Success : BadUsage;
}

} // namespace coroscope::cli
