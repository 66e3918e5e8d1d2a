// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/environment.h"

namespace coroscope::app {

Environment::Environment(QObject *parent)
    : QObject(parent)
{
}

Environment::~Environment() = default;

bool Environment::start()
{
    m_error.clear();
    // The embedded lab server on 127.0.0.1 and the demo database in the data folder.
    if (!m_lab.start({}))
        m_error = m_lab.errorString();
    return m_error.isEmpty();
}

void Environment::stop()
{
}

bool Environment::hasServer() const
{
    return !m_lab.runEnvironment().serverUrl.isEmpty();
}

patterns::RunEnvironment Environment::runEnvironment() const
{
    return m_lab.runEnvironment();
}

QString Environment::serverText() const
{
    if (!hasServer())
        return QStringLiteral("Lab server: not running");
    return QStringLiteral("Lab server: %1").arg(serverUrl().toString());
}

} // namespace coroscope::app
