// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/cancellation.h"

#include <vector>

namespace coroscope::async {

CancelScope::CancelScope(CancelScope *parent)
    : m_parent(parent)
{
    if (m_parent) {
        m_parent->link(this);
        if (m_parent->isCancelled()) {
            m_reason = m_parent->m_reason;
            m_cancelled.store(true, std::memory_order_release);
        }
    }
}

CancelScope::~CancelScope()
{
    // Children may outlive us (a gather child still running after its parent finished):
    // they move up to our parent, so cancelling the whole run still reaches them.
    while (m_firstChild) {
        auto *child = m_firstChild;
        unlink(child);
        child->m_parent = m_parent;
        if (m_parent)
            m_parent->link(child);
    }
    if (m_parent)
        m_parent->unlink(this);
    while (m_firstListener) {
        auto *listener = m_firstListener;
        unsubscribe(*listener);
        listener->scopeDestroyed();
    }
}

void CancelScope::link(CancelScope *child)
{
    child->m_prevSibling = nullptr;
    child->m_nextSibling = m_firstChild;
    if (m_firstChild)
        m_firstChild->m_prevSibling = child;
    m_firstChild = child;
}

void CancelScope::unlink(CancelScope *child)
{
    if (child->m_prevSibling)
        child->m_prevSibling->m_nextSibling = child->m_nextSibling;
    else
        m_firstChild = child->m_nextSibling;
    if (child->m_nextSibling)
        child->m_nextSibling->m_prevSibling = child->m_prevSibling;
    child->m_prevSibling = child->m_nextSibling = nullptr;
}

void CancelScope::subscribe(CancelListener &listener)
{
    listener.m_prev = nullptr;
    listener.m_next = m_firstListener;
    if (m_firstListener)
        m_firstListener->m_prev = &listener;
    m_firstListener = &listener;
}

void CancelScope::unsubscribe(CancelListener &listener)
{
    if (listener.m_prev)
        listener.m_prev->m_next = listener.m_next;
    else if (m_firstListener == &listener)
        m_firstListener = listener.m_next;
    else
        return; // not subscribed here
    if (listener.m_next)
        listener.m_next->m_prev = listener.m_prev;
    listener.m_prev = listener.m_next = nullptr;
}

void CancelScope::cancel(const QString &reason)
{
    if (isCancelled())
        return;
    m_reason = reason;
    m_cancelled.store(true, std::memory_order_release);

    // Listeners unsubscribe themselves when told, so take the list first.
    std::vector<CancelListener *> listeners;
    for (auto *listener = m_firstListener; listener; listener = listener->m_next)
        listeners.push_back(listener);
    for (auto *listener : listeners)
        listener->cancelRequested(reason);

    std::vector<CancelScope *> children;
    for (auto *child = m_firstChild; child; child = child->m_nextSibling)
        children.push_back(child);
    for (auto *child : children)
        child->cancel(reason);
}

} // namespace coroscope::async
