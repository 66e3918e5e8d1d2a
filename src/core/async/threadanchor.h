// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <functional>

namespace coroscope::async {

// A QObject living on one thread, so that work finished elsewhere (a thread-pool job, a database
// worker) or deferred on purpose (a cancellation) can be queued back onto that thread's event loop.
class ThreadAnchor : public QObject
{
    Q_OBJECT
public:
    // The anchor of the calling thread, created on first use and destroyed with the thread.
    static ThreadAnchor *current();

    // Runs `fn` on this anchor's thread from its event loop, never synchronously.
    void post(std::function<void()> fn);

private:
    ThreadAnchor() = default;
};

} // namespace coroscope::async
