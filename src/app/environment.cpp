// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/environment.h"

#include <QDir>
#include <QStandardPaths>

namespace coroscope::app {

Environment::Environment(QObject *parent)
    : QObject(parent)
    // Port 0 never answers: until a lab server is started, network patterns fail fast and say so.
    , m_serverUrl(QStringLiteral("http://127.0.0.1:0"))
{
}

Environment::~Environment()
{
    stop();
}

bool Environment::start()
{
    m_error.clear();
    const auto dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dataDir.isEmpty() || !QDir().mkpath(dataDir)) {
        m_error = QStringLiteral("cannot create the data folder %1").arg(dataDir);
        m_databasePath = QDir(m_scratch.path()).filePath(QStringLiteral("demo.sqlite"));
    } else {
        m_databasePath = QDir(dataDir).filePath(QStringLiteral("demo.sqlite"));
    }
    if (!m_scratch.isValid())
        m_error = QStringLiteral("cannot create a scratch folder: %1").arg(m_scratch.errorString());
    return m_error.isEmpty();
}

void Environment::stop()
{
}

bool Environment::hasServer() const
{
    return m_serverUrl.port() > 0;
}

patterns::RunEnvironment Environment::runEnvironment() const
{
    return patterns::RunEnvironment{m_serverUrl, m_databasePath, m_scratch.path()};
}

QString Environment::serverText() const
{
    if (!hasServer())
        return QStringLiteral("Lab server: not running");
    return QStringLiteral("Lab server: %1").arg(m_serverUrl.toString());
}

} // namespace coroscope::app
