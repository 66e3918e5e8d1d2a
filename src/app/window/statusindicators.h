// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QLabel;
class QStatusBar;

namespace coroscope::app {

class Environment;

// The two lasting words on the right of the status bar: what the shown run is doing or how it
// ended, and the lab server the patterns talk to, with its counters kept fresh.
class StatusIndicators : public QObject
{
    Q_OBJECT
public:
    StatusIndicators(QStatusBar *bar, const Environment *environment);

    void showRunning(const QString &patternId);
    // "gather: ok in 312 ms", "run #3 of ...: imported in 1.20 s"
    void showEnded(const QString &what, const QString &status, qint64 wallNs);
    void clear();

private:
    void showServer();

    const Environment *m_environment;
    QLabel *m_run;
    QLabel *m_server;
};

} // namespace coroscope::app
