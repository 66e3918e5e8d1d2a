// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <atomic>

namespace coroscope::async {

// Something to tell when a scope is cancelled: a pending sleep, request, semaphore wait...
// Listeners are linked into the scope (no allocation) and must unsubscribe before they die.
class CancelListener
{
public:
    virtual void cancelRequested(const QString &reason) = 0;
    // The scope is being destroyed while the listener is still subscribed: a coroutine that was
    // never awaited outlived the block it was started in. Forget the scope.
    virtual void scopeDestroyed() = 0;

protected:
    CancelListener() = default;
    CancelListener(const CancelListener &) {}
    ~CancelListener() = default;

private:
    friend class CancelScope;
    CancelListener *m_prev = nullptr;
    CancelListener *m_next = nullptr;
};

// A node in the tree of cancellation: a task, a TaskGroup or a timeout block owns one.
// Cancelling a scope cancels every scope below it. A scope and its listeners belong to one
// thread (the one its coroutines run on); only isCancelled() may be read from any thread,
// so that worker threads can poll it between database pages.
class CancelScope
{
public:
    explicit CancelScope(CancelScope *parent = nullptr);
    ~CancelScope();
    CancelScope(const CancelScope &) = delete;
    CancelScope &operator=(const CancelScope &) = delete;

    void cancel(const QString &reason);
    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }
    // Why this scope (or the ancestor that started it) was cancelled.
    const QString &reason() const { return m_reason; }
    CancelScope *parent() const { return m_parent; }

    void subscribe(CancelListener &listener);
    void unsubscribe(CancelListener &listener);

private:
    void link(CancelScope *child);
    void unlink(CancelScope *child);

    CancelScope *m_parent = nullptr;
    CancelScope *m_firstChild = nullptr;
    CancelScope *m_prevSibling = nullptr;
    CancelScope *m_nextSibling = nullptr;
    CancelListener *m_firstListener = nullptr;
    std::atomic<bool> m_cancelled{false};
    QString m_reason;
};

} // namespace coroscope::async
