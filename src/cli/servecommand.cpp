// SPDX-License-Identifier: GPL-3.0-or-later
// coroscope serve [--port N] [--fault name=value ...]
#include "cli/commands.h"
#include "io/serve.h"

#include <QCommandLineParser>

namespace coroscope::cli {

int serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("The port (0: any free one)."),
                                        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption fault(QStringLiteral("fault"), QStringLiteral("A lab fault, e.g. error_rate=0.3."),
                                   QStringLiteral("name=value"));
    parser.addOptions({portOption, fault});
    if (!parser.parse(QStringList{QStringLiteral("coroscope serve")} + arguments)
        || !parser.positionalArguments().isEmpty()) {
        err() << "usage: coroscope serve [--port N] [--fault name=value ...]\n";
        return BadUsage;
    }
    bool ok = false;
    const auto value = parser.value(portOption).toUInt(&ok);
    if (!ok || value > 65535) {
        err() << "coroscope serve: --port takes a number from 0 to 65535 (got \"" << parser.value(portOption) << "\")\n";
        return BadUsage;
    }
    const auto faults = parseFaultOptions(QStringLiteral("coroscope serve"), parser.values(fault));
    if (!faults)
        return BadUsage;
    return io::serveForeground(quint16(value), *faults) == 0 ? Success : BadUsage;
}

std::optional<io::LabFaults> parseFaultOptions(const QString &command, const QStringList &assignments)
{
    const auto parsed = io::parseLabFaultAssignments(assignments);
    for (const auto &error : parsed.errors)
        err() << command << ": --fault " << error << '\n';
    return parsed.faults;
}

} // namespace coroscope::cli
