// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"

#include <atomic>
#include <cstddef>
#include <memory>
#include <new>
#include <vector>

namespace coroscope::trace {

// An unbounded single-producer, single-consumer queue of events: one recording thread pushes,
// one draining thread takes everything pushed so far. Events go into fixed-size chunks linked
// in a list, so a push is a store and a release of the count (no lock, no reallocation that
// would move events under the reader). Once the writer has moved past a chunk and the reader
// has taken its events, the reader hands it back to the writer for reuse: a steady run keeps
// recording into memory that is already mapped and warm.
class EventLog
{
public:
    EventLog();
    ~EventLog();
    EventLog(const EventLog &) = delete;
    EventLog &operator=(const EventLog &) = delete;

    // Producer side; only ever called from one thread.
    void push(const Event &event)
    {
        const auto count = m_writeChunk->count.load(std::memory_order_relaxed);
        if (count == ChunkCapacity) [[unlikely]]
            return pushToNewChunk(event);
        std::construct_at(m_writeChunk->events() + count, event);
        m_writeChunk->count.store(count + 1, std::memory_order_release);
    }

    // Consumer side; appends every event pushed before the call (and perhaps some pushed
    // during it) to `out`.
    void takeAll(std::vector<Event> &out);

private:
    static constexpr std::size_t ChunkCapacity = 4096;
    struct Chunk {
        std::atomic<std::size_t> count{0};
        std::atomic<Chunk *> next{nullptr};
        // Left uninitialised: events are constructed as they are pushed, so a new chunk costs
        // no pass over its memory.
        alignas(Event) unsigned char storage[ChunkCapacity * sizeof(Event)];
        Event *events() { return std::launder(reinterpret_cast<Event *>(storage)); }
    };
    void pushToNewChunk(const Event &event);
    Chunk *takeSpareChunk();
    void giveBack(Chunk *chunk);

    // The writer owns m_writeChunk and m_writerSpares; the reader owns m_readChunk and
    // m_readIndex. Chunks between them are full and linked. Emptied chunks go from the reader
    // to m_returned (the reader pushes one at a time, the writer takes the whole list at once,
    // so there is no ABA), and from there to the writer's own spares.
    alignas(64) Chunk *m_writeChunk;
    Chunk *m_writerSpares = nullptr;
    alignas(64) Chunk *m_readChunk;
    std::size_t m_readIndex = 0;
    alignas(64) std::atomic<Chunk *> m_returned{nullptr};
};

} // namespace coroscope::trace
