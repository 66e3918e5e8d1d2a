// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/labenvironment.h"

#include <QObject>
#include <QUrl>

namespace coroscope::io {
class LabServer;
}

namespace coroscope::app {

// Everything a run does real I/O against, brought up once for the window: the embedded lab
// server on 127.0.0.1, the demo SQLite database and a scratch folder (see LabEnvironment).
class Environment : public QObject
{
    Q_OBJECT
public:
    explicit Environment(QObject *parent = nullptr);
    ~Environment() override;

    // Brings the environment up (by default: the embedded server and the demo database in the
    // application's data folder); false (with errorString()) if something could not start. Runs
    // that need the missing part then fail with their own clear message.
    bool start(const patterns::LabEnvironment::Options &options = {});

    patterns::RunEnvironment runEnvironment() const;
    QUrl serverUrl() const;
    bool hasServer() const;
    QString databasePath() const;
    QString errorString() const { return m_error; }
    // One line for the status bar: the server's URL and what it is doing.
    QString serverText() const;
    // The embedded lab server, or nullptr when a run goes to another server.
    io::LabServer *labServer() const { return m_lab.labServer(); }

private:
    patterns::LabEnvironment m_lab;
    bool m_started = false;
    QString m_error;
};

} // namespace coroscope::app
