// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/labenvironment.h"

#include "async/errors.h"
#include "io/demodb.h"
#include "io/labserver.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace coroscope::patterns {

LabEnvironment::LabEnvironment() = default;
LabEnvironment::~LabEnvironment() = default;

QString LabEnvironment::defaultDatabasePath()
{
    auto dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QStringLiteral("/.local/share/coroscope");
    return dir + QStringLiteral("/demo.sqlite");
}

bool LabEnvironment::start(const Options &options)
{
    if (options.server.isEmpty()) {
        m_server = std::make_unique<io::LabServer>();
        if (!m_server->start()) {
            m_error = QStringLiteral("the lab server could not start: %1").arg(m_server->errorString());
            m_server.reset();
            return false;
        }
        m_environment.serverUrl = m_server->url();
    } else {
        const auto &url = options.server;
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty()) {
            m_error = QStringLiteral("the server must be an http:// or https:// URL (got \"%1\")").arg(url.toString());
            return false;
        }
        m_environment.serverUrl = url;
    }

    m_environment.databasePath = options.databasePath.isEmpty() ? defaultDatabasePath() : options.databasePath;
    const QFileInfo database(m_environment.databasePath);
    if (!QDir().mkpath(database.absolutePath())) {
        m_error = QStringLiteral("cannot create the directory %1 for the demo database").arg(database.absolutePath());
        return false;
    }
    try {
        io::ensureDemoDatabase(m_environment.databasePath);
    } catch (const async::Error &error) {
        m_error = error.message();
        return false;
    }
    if (!m_scratch.isValid()) {
        m_error = QStringLiteral("cannot create a scratch directory: %1").arg(m_scratch.errorString());
        return false;
    }
    m_environment.scratchDir = m_scratch.path();
    return true;
}

} // namespace coroscope::patterns
