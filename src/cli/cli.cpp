// SPDX-License-Identifier: GPL-3.0-or-later
#include "cli/cli.h"

#include <QTextStream>

#include <cstring>

namespace coroscope::cli {

bool isCommandLine(int argc, char **argv)
{
    if (argc < 2)
        return false;
    const char *first = argv[1];
    return first[0] != '-' || std::strcmp(first, "--help") == 0 || std::strcmp(first, "-h") == 0;
}

int run(const QStringList &arguments)
{
    QTextStream(stderr) << "coroscope: unknown command " << arguments.value(1) << '\n';
    return 2;
}

} // namespace coroscope::cli
