// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui.h"
#include "cli/cli.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>

int main(int argc, char **argv)
{
    if (coroscope::cli::isCommandLine(argc, argv)) {
        // Headless, but PNG and PDF exports paint: an offscreen QGuiApplication needs no display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("coroscope"));
        return coroscope::cli::run(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("coroscope"));
    QApplication::setOrganizationName(QStringLiteral("Coroscope"));
    return coroscope::app::runGui(QCoreApplication::arguments());
}
