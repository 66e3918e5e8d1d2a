// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/gui.h"
#include "cli/cli.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <sys/resource.h>

namespace {

// Patterns that open hundreds of connections at once (pitfall-unbounded) need more file
// descriptors than the usual soft limit of 1024; the hard limit is ours to use.
void raiseOpenFileLimit()
{
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char **argv)
{
    raiseOpenFileLimit();
    if (coroscope::cli::isCommandLine(argc, argv)) {
        // Headless, but PNG and PDF exports paint: an offscreen QGuiApplication needs no display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("coroscope"));
        return coroscope::cli::run(QCoreApplication::arguments());
    }
    return coroscope::app::startGui(argc, argv);
}
