// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/gui.h"

#include <QApplication>
#include <QMainWindow>

namespace coroscope::app {

int runGui(const QStringList &arguments)
{
    Q_UNUSED(arguments);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("Coroscope"));
    window.show();
    return QApplication::exec();
}

} // namespace coroscope::app
