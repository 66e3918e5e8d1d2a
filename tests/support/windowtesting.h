// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// For tests of the windows (tests/app): they link the Widgets layer.

#include "app/window/mainwindow.h"
#include "environmenttesting.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtDebug>
#include <QTemporaryDir>

namespace coroscope::testing {

// Runs `pattern` with `values` in the window and waits for the run to end.
inline bool runToTheEnd(app::MainWindow &window, const QString &pattern, const QVariantMap &values)
{
    if (!window.selectPattern(pattern) || !window.setParameterValues(values).isEmpty())
        return false;
    QSignalSpy finished(&window, &app::MainWindow::runFinished);
    return window.startRun() && finished.wait(30'000);
}

// The message box named `name` that `parent` shows now, if any.
inline QMessageBox *visibleMessageBox(QWidget *parent, const QString &name)
{
    for (auto *box : parent->findChildren<QMessageBox *>(name)) {
        if (box->isVisible())
            return box;
    }
    return nullptr;
}

} // namespace coroscope::testing
