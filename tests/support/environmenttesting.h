// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// For tests that run patterns through the app's environment (tests/app, tests/models).

#include "app/models/environment.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QtDebug>
#include <QTemporaryDir>

namespace coroscope::testing {

// Settings and data go to the test locations, never the user's; the lab server starts, with
// the demo database in `dir`. False (with the reason logged) if the environment cannot start.
inline bool startLabTest(const QString &name, app::Environment &environment, const QTemporaryDir &dir)
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

} // namespace coroscope::testing
