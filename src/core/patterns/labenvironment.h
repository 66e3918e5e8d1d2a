// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/pattern.h"

#include <QTemporaryDir>

#include <memory>

namespace coroscope::io {
class LabServer;
}

namespace coroscope::patterns {

// The real parts a run talks to: the embedded lab server on 127.0.0.1 (or a server the user
// names instead), the demo SQLite database (created and seeded on first use) and a scratch
// directory for throwaway files. Both the app and the CLI bring one up before running patterns.
class LabEnvironment
{
public:
    struct Options {
        QUrl server; // empty: start the embedded lab server
        QString databasePath; // empty: defaultDatabasePath()
    };

    LabEnvironment();
    ~LabEnvironment();

    // False (with errorString()) if the server cannot listen, the URL is not http(s), or the
    // database cannot be created.
    bool start(const Options &options);
    QString errorString() const { return m_error; }

    const RunEnvironment &runEnvironment() const { return m_environment; }
    // nullptr when the user named another server.
    io::LabServer *labServer() const { return m_server.get(); }

    // demo.sqlite in the application's data directory.
    static QString defaultDatabasePath();

private:
    std::unique_ptr<io::LabServer> m_server;
    QTemporaryDir m_scratch;
    RunEnvironment m_environment;
    QString m_error;
};

} // namespace coroscope::patterns
