// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/statusindicators.h"

#include "app/models/environment.h"
#include "timeline/timeformat.h"

#include <QLabel>
#include <QStatusBar>
#include <QTimer>

namespace coroscope::app {

StatusIndicators::StatusIndicators(QStatusBar *bar, const Environment *environment)
    : QObject(bar)
    , m_environment(environment)
    , m_run(new QLabel(bar))
    , m_server(new QLabel(bar))
{
    m_run->setObjectName(QStringLiteral("runIndicator"));
    m_server->setObjectName(QStringLiteral("serverIndicator"));
    bar->addPermanentWidget(m_run);
    bar->addPermanentWidget(m_server);
    showServer();
    if (!m_environment)
        return;
    m_server->setToolTip(
        tr("The HTTP server the patterns talk to, on this machine.\nDemo database: %1").arg(m_environment->databasePath()));
    // The server's counters move while a run talks to it.
    auto *refresh = new QTimer(this);
    refresh->setInterval(500);
    connect(refresh, &QTimer::timeout, this, &StatusIndicators::showServer);
    refresh->start();
}

void StatusIndicators::showRunning(const QString &patternId)
{
    m_run->setText(tr("● running %1").arg(patternId));
}

void StatusIndicators::showEnded(const QString &what, const QString &status, qint64 wallNs)
{
    m_run->setText(tr("%1: %2 in %3").arg(what, status, timeline::formatDuration(wallNs)));
}

void StatusIndicators::clear()
{
    m_run->clear();
}

void StatusIndicators::showServer()
{
    m_server->setText(m_environment ? m_environment->serverText() : tr("Lab server: not running"));
}

} // namespace coroscope::app
