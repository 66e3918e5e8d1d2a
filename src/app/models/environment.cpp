// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/environment.h"

#include "io/labserver.h"

#include <QDir>

namespace coroscope::app {

Environment::Environment(QObject *parent)
    : QObject(parent)
{
}

Environment::~Environment() = default;

bool Environment::start(const patterns::LabEnvironment::Options &options)
{
    m_started = m_lab.start(options);
    m_error = m_started ? QString() : m_lab.errorString();
    return m_started;
}

patterns::RunEnvironment Environment::runEnvironment() const
{
    if (m_started)
        return m_lab.runEnvironment();
    // Nothing listens on port 0 and the scratch folder is the system's: a run fails fast and
    // says what it could not reach.
    return patterns::RunEnvironment{QUrl(QStringLiteral("http://127.0.0.1:0")),
                                    patterns::LabEnvironment::defaultDatabasePath(), QDir::tempPath()};
}

QUrl Environment::serverUrl() const
{
    return runEnvironment().serverUrl;
}

bool Environment::hasServer() const
{
    return m_started && m_lab.labServer() && m_lab.labServer()->isRunning();
}

QString Environment::databasePath() const
{
    return runEnvironment().databasePath;
}

QString Environment::serverText() const
{
    if (!hasServer())
        return m_started ? tr("Server: %1").arg(serverUrl().toString()) : tr("Lab server: not running");
    const auto stats = m_lab.labServer()->stats();
    return tr("Lab server %1 · %L2 served · %3 in flight").arg(serverUrl().toString()).arg(stats.served).arg(stats.inFlight);
}

} // namespace coroscope::app
