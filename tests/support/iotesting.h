// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Helpers for tests that do real I/O: waiting for another thread to catch up, free ports.

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpServer>
#include <QTest>

namespace coroscope::testing {

// Polls `condition` while the event loop runs, for up to `limitMs`; whether it came true.
template<typename F>
bool eventually(F condition, int limitMs = 2000)
{
    QElapsedTimer clock;
    clock.start();
    while (!condition()) {
        if (clock.elapsed() > limitMs)
            return false;
        QTest::qWait(10);
    }
    return true;
}

// A port on 127.0.0.1 that nothing listens on right now: for "connection refused", or to
// start a server on a port known in advance.
inline quint16 freeLocalPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace coroscope::testing
