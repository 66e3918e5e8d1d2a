// SPDX-License-Identifier: GPL-3.0-or-later
#include "trace/eventlog.h"

namespace coroscope::trace {
namespace {

template<typename Chunk>
void deleteList(Chunk *chunk)
{
    while (chunk) {
        auto *next = chunk->next.load(std::memory_order_relaxed);
        delete chunk;
        chunk = next;
    }
}

} // namespace

EventLog::EventLog()
    : m_writeChunk(new Chunk)
    , m_readChunk(m_writeChunk)
{
}

EventLog::~EventLog()
{
    // Both sides have stopped: the data list runs from the reader's chunk to the writer's.
    deleteList(m_readChunk);
    deleteList(m_writerSpares);
    deleteList(m_returned.load(std::memory_order_acquire));
}

EventLog::Chunk *EventLog::takeSpareChunk()
{
    if (!m_writerSpares)
        m_writerSpares = m_returned.exchange(nullptr, std::memory_order_acquire);
    auto *chunk = m_writerSpares;
    if (!chunk)
        return new Chunk;
    m_writerSpares = chunk->next.load(std::memory_order_relaxed);
    chunk->next.store(nullptr, std::memory_order_relaxed);
    chunk->count.store(0, std::memory_order_relaxed);
    return chunk;
}

void EventLog::giveBack(Chunk *chunk)
{
    auto *head = m_returned.load(std::memory_order_relaxed);
    do
        chunk->next.store(head, std::memory_order_relaxed);
    while (!m_returned.compare_exchange_weak(head, chunk, std::memory_order_release, std::memory_order_relaxed));
}

void EventLog::pushToNewChunk(const Event &event)
{
    auto *chunk = takeSpareChunk();
    std::construct_at(chunk->events(), event);
    chunk->count.store(1, std::memory_order_relaxed);
    // Publishing the link hands the full chunk to the reader, which may recycle it from now on:
    // the writer does not look at it again. The release also publishes the new chunk's reset.
    auto *full = m_writeChunk;
    m_writeChunk = chunk;
    full->next.store(chunk, std::memory_order_release);
}

void EventLog::takeAll(std::vector<Event> &out)
{
    for (;;) {
        const auto count = m_readChunk->count.load(std::memory_order_acquire);
        out.insert(out.end(), m_readChunk->events() + m_readIndex, m_readChunk->events() + count);
        m_readIndex = count;
        if (count < ChunkCapacity)
            return;
        auto *next = m_readChunk->next.load(std::memory_order_acquire);
        if (!next)
            return; // full, but the writer has not linked the next chunk yet
        giveBack(m_readChunk);
        m_readChunk = next;
        m_readIndex = 0;
    }
}

} // namespace coroscope::trace
