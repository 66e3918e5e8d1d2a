// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// For tests of the windows (tests/app): they link the Widgets layer.

#include "app/environment.h"
#include "app/mainwindow.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtDebug>

namespace coroscope::testing {

// Settings and data go to the test locations, never the user's; the lab server starts, with
// the demo database in `dir`. False (with the reason logged) if the environment cannot start.
inline bool startWindowTest(const QString &name, app::Environment &environment, const QTemporaryDir &dir)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CoroscopeTests"));
    QCoreApplication::setApplicationName(name);
    QSettings().clear();
    patterns::LabEnvironment::Options options;
    options.databasePath = dir.filePath(QStringLiteral("demo.sqlite"));
    if (environment.start(options))
        return true;
    qWarning().noquote() << environment.errorString();
    return false;
}

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
