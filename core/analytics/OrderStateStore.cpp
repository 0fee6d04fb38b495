#include "analytics/OrderStateStore.h"

#include "analytics/CompactOrder.h"

#include <algorithm>
#include <cstring>

namespace op {

OrderStateStore::OrderStateStore(std::size_t expectedOrders)
{
    std::size_t n = 1024;
    while (n < expectedOrders * 2)
        n *= 2;
    m_slots.assign(n, 0);
    m_mask = n - 1;
    m_states.reserve(expectedOrders);
    m_chunks.push_back(Chunk{std::make_unique<char[]>(kChunkBytes), kChunkBytes, 0, 0});
    m_arenaBytes = kChunkBytes;
}

char *OrderStateStore::appendSpace(std::size_t size, std::uint32_t &chunkId, std::uint32_t &offset)
{
    if (m_chunks[m_tail].liveBytes == 0)
        m_chunks[m_tail].used = 0; // nothing in the tail is live: fill it again from the start
    if (m_chunks[m_tail].capacity - m_chunks[m_tail].used < size) {
        // Start a new tail; the old one is freed as soon as its last encoding goes.
        const auto capacity = static_cast<std::uint32_t>(std::max<std::size_t>(kChunkBytes, size));
        Chunk fresh;
        fresh.capacity = capacity;
        if (capacity == kChunkBytes && !m_spareBuffers.empty()) {
            fresh.data = std::move(m_spareBuffers.back());
            m_spareBuffers.pop_back();
        } else {
            fresh.data = std::make_unique<char[]>(capacity);
        }
        m_arenaBytes += capacity;
        const std::uint32_t oldTail = m_tail;
        if (m_freeChunkIds.empty()) {
            m_tail = static_cast<std::uint32_t>(m_chunks.size());
            m_chunks.push_back(std::move(fresh));
        } else {
            m_tail = m_freeChunkIds.back();
            m_freeChunkIds.pop_back();
            m_chunks[m_tail] = std::move(fresh);
        }
        if (m_chunks[oldTail].liveBytes == 0)
            freeChunk(oldTail);
    }
    Chunk &chunk = m_chunks[m_tail];
    chunkId = m_tail;
    offset = chunk.used;
    chunk.used += static_cast<std::uint32_t>(size);
    chunk.liveBytes += static_cast<std::uint32_t>(size);
    m_liveBlobBytes += size;
    return chunk.data.get() + offset;
}

char *OrderStateStore::allocBlob(std::uint32_t index, std::size_t size)
{
    OrderState &state = m_states[index];
    releaseBlob(state);
    char *out = appendSpace(size, state.blobChunk, state.blobOffset);
    state.blobSize = static_cast<std::uint32_t>(size);
    state.hasBlob = true;
    return out;
}

void OrderStateStore::releaseBlob(OrderState &state)
{
    if (!state.hasBlob)
        return;
    state.hasBlob = false;
    const std::uint32_t id = state.blobChunk;
    m_chunks[id].liveBytes -= state.blobSize;
    m_liveBlobBytes -= state.blobSize;
    if (m_chunks[id].liveBytes == 0 && id != m_tail)
        freeChunk(id);
}

void OrderStateStore::freeChunk(std::uint32_t id)
{
    Chunk &chunk = m_chunks[id];
    m_arenaBytes -= chunk.capacity;
    if (chunk.capacity == kChunkBytes && m_spareBuffers.size() < 4)
        m_spareBuffers.push_back(std::move(chunk.data));
    chunk = Chunk{};
    m_freeChunkIds.push_back(id);
}

void OrderStateStore::compact()
{
    std::vector<bool> sparse(m_chunks.size(), false);
    for (std::size_t id = 0; id < m_chunks.size(); ++id)
        sparse[id] = id != m_tail && m_chunks[id].data && m_chunks[id].liveBytes * 2 < m_chunks[id].capacity;
    for (std::uint32_t index = 0; index < m_states.size(); ++index) {
        OrderState &state = m_states[index];
        if (!state.live || !state.hasBlob || !sparse[state.blobChunk])
            continue;
        // Copy first, then release: the old chunk may be freed (and its buffer reused) at once.
        std::uint32_t chunk = 0;
        std::uint32_t offset = 0;
        const std::string_view old = blob(index);
        char *to = appendSpace(old.size(), chunk, offset);
        std::memcpy(to, old.data(), old.size());
        releaseBlob(state);
        state.blobChunk = chunk;
        state.blobOffset = offset;
        state.hasBlob = true;
        if (chunk >= sparse.size())
            sparse.resize(chunk + 1, false);
        sparse[chunk] = false; // a freed sparse chunk's id may come back as the new tail
    }
}

std::uint32_t OrderStateStore::find(std::string_view orderId, std::uint64_t hash, TimestampMs watermark)
{
    std::size_t slot = homeOf(hash);
    const auto fingerprint = static_cast<std::uint32_t>(hash >> 32);
    for (;;) {
        const std::uint64_t s = m_slots[slot];
        if (s == 0)
            return kNone;
        if (static_cast<std::uint32_t>(s >> 32) == fingerprint) {
            const auto index = static_cast<std::uint32_t>(s) - 1;
            OrderState &state = m_states[index];
            if (state.hash == hash && CompactOrder::orderId(blob(index)) == orderId) {
                if (state.expiry <= watermark) {
                    erase(index);
                    return kNone;
                }
                return index;
            }
        }
        slot = (slot + 1) & m_mask;
    }
}

std::uint32_t OrderStateStore::insert(std::uint64_t hash)
{
    if ((m_liveCount + 1) * 2 > m_slots.size())
        grow();
    std::uint32_t index;
    if (!m_free.empty()) {
        index = m_free.back();
        m_free.pop_back();
    } else {
        index = static_cast<std::uint32_t>(m_states.size());
        m_states.emplace_back();
    }
    OrderState &state = m_states[index];
    state.hash = hash;
    state.expiry = OrderState::kNever;
    state.completedAt = OrderState::kNoTime;
    state.statusTime = OrderState::kNoTime;
    state.lastEventTime = OrderState::kNoTime;
    state.seen = 0;
    state.counted = false;
    state.live = true;
    state.hasBlob = false;

    std::size_t slot = homeOf(hash);
    while (m_slots[slot] != 0)
        slot = (slot + 1) & m_mask;
    m_slots[slot] = ((hash >> 32) << 32) | (static_cast<std::uint64_t>(index) + 1);
    ++m_liveCount;
    return index;
}

void OrderStateStore::setExpiry(std::uint32_t index, TimestampMs expiry)
{
    OrderState &state = m_states[index];
    if (state.expiry == expiry)
        return;
    state.expiry = expiry;
    if (expiry == OrderState::kNever)
        return; // an older wheel entry, if any, is ignored when its bucket fires
    const TimestampMs bucket = floorTo(expiry, kBucketMs);
    if (m_lastBucket == m_wheel.end() || m_lastBucket->first != bucket) {
        auto [it, inserted] = m_wheel.try_emplace(bucket);
        if (inserted && !m_spareBuckets.empty()) {
            it->second = std::move(m_spareBuckets.back());
            m_spareBuckets.pop_back();
        }
        m_lastBucket = it;
    }
    m_lastBucket->second.emplace_back(index, state.generation);
}

void OrderStateStore::expire(TimestampMs watermark)
{
    while (!m_wheel.empty() && m_wheel.begin()->first + kBucketMs <= watermark) {
        auto bucket = m_wheel.begin();
        const std::vector<WheelEntry> &entries = bucket->second;
        // States expiring together were created together a day ago, at scattered places:
        // prefetch a few entries ahead (the state, then its table slot) so the misses overlap.
        constexpr std::size_t kAhead = 8;
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (i + 2 * kAhead < entries.size())
                __builtin_prefetch(&m_states[entries[i + 2 * kAhead].first]);
            if (i + kAhead < entries.size())
                prefetch(m_states[entries[i + kAhead].first].hash);
            const auto [index, generation] = entries[i];
            const OrderState &state = m_states[index];
            // Skip entries of recycled slots and of states whose expiry moved since.
            if (state.live && state.generation == generation && state.expiry <= watermark)
                erase(index);
        }
        if (m_lastBucket == bucket)
            m_lastBucket = m_wheel.end();
        bucket->second.clear();
        if (m_spareBuckets.size() < 64)
            m_spareBuckets.push_back(std::move(bucket->second));
        m_wheel.erase(bucket);
    }
    // Expiry frees chunks in about the order they filled; what it leaves behind (states living
    // longer than their neighbours) is copied out once garbage outweighs the live encodings.
    if (m_arenaBytes > 2 * m_liveBlobBytes + 8 * static_cast<std::size_t>(kChunkBytes))
        compact();
}

std::size_t OrderStateStore::slotOf(std::uint32_t index) const
{
    std::size_t slot = homeOf(m_states[index].hash);
    const std::uint64_t wanted = static_cast<std::uint64_t>(index) + 1;
    while ((m_slots[slot] & 0xFFFFFFFFULL) != wanted)
        slot = (slot + 1) & m_mask;
    return slot;
}

void OrderStateStore::erase(std::uint32_t index)
{
    // Backward-shift deletion keeps linear probing free of tombstones.
    std::size_t hole = slotOf(index);
    std::size_t j = hole;
    for (;;) {
        j = (j + 1) & m_mask;
        const std::uint64_t s = m_slots[j];
        if (s == 0)
            break;
        const std::size_t home = homeOf(s); // the slot keeps the hash's upper half: no state access
        // Move s into the hole unless its home lies cyclically in (hole, j].
        const bool homeBetween = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
        if (!homeBetween) {
            m_slots[hole] = s;
            hole = j;
        }
    }
    m_slots[hole] = 0;

    OrderState &state = m_states[index];
    state.live = false;
    ++state.generation;
    releaseBlob(state);
    m_free.push_back(index);
    --m_liveCount;
}

void OrderStateStore::grow()
{
    const std::size_t n = m_slots.size() * 2;
    m_slots.assign(n, 0);
    m_mask = n - 1;
    for (std::size_t i = 0; i < m_states.size(); ++i) {
        if (!m_states[i].live)
            continue;
        std::size_t slot = homeOf(m_states[i].hash);
        while (m_slots[slot] != 0)
            slot = (slot + 1) & m_mask;
        m_slots[slot] = ((m_states[i].hash >> 32) << 32) | (i + 1);
    }
}

std::size_t OrderStateStore::pendingCount() const
{
    std::size_t n = 0;
    for (const OrderState &s : m_states)
        n += (s.live && !s.counted) ? 1 : 0;
    return n;
}

std::size_t OrderStateStore::memoryBytes() const
{
    std::size_t bytes = m_states.capacity() * sizeof(OrderState) + m_slots.capacity() * sizeof(std::uint64_t)
                        + m_free.capacity() * sizeof(std::uint32_t);
    bytes += m_arenaBytes + m_spareBuffers.size() * kChunkBytes;
    for (const auto &[bucket, entries] : m_wheel)
        bytes += entries.capacity() * sizeof(WheelEntry) + 64;
    return bytes;
}

} // namespace op
