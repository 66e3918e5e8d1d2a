// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/labenvironment.h"
#include "patterns/pattern.h"

#include <QObject>
#include <QTemporaryDir>
#include <QUrl>

namespace coroscope::app {

// Everything a run does real I/O against, set up once for the window: the lab server on
// 127.0.0.1, the demo SQLite database and a scratch folder. Patterns get it as a RunEnvironment.
class Environment : public QObject
{
    Q_OBJECT
public:
    explicit Environment(QObject *parent = nullptr);
    ~Environment() override;

    // Brings the environment up; false (with errorString()) if something could not start. Runs
    // that need the missing part then fail with their own clear message.
    bool start();
    void stop();

    patterns::RunEnvironment runEnvironment() const;
    QUrl serverUrl() const { return m_lab.runEnvironment().serverUrl; }
    bool hasServer() const;
    QString databasePath() const { return m_lab.runEnvironment().databasePath; }
    QString errorString() const { return m_error; }
    // One line for the status bar.
    QString serverText() const;

private:
    patterns::LabEnvironment m_lab;
    QString m_error;
};

} // namespace coroscope::app
