#pragma once

#include "analytics/HugePageAllocator.h"
#include "model/Timestamp.h"

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace op {

// What the engine remembers about one order_id: which record types were seen (for
// de-duplication), whether the order is counted or still pending (outcomes that arrived before
// the placement), and where the merged order's CompactOrder encoding lives in the store's arena.
// 64 bytes: one cache line per state.
struct OrderState
{
    static constexpr TimestampMs kNever = std::numeric_limits<TimestampMs>::max();
    static constexpr TimestampMs kNoTime = std::numeric_limits<TimestampMs>::min();

    std::uint64_t hash = 0;
    TimestampMs expiry = kNever;       // the state is dropped once the watermark reaches it
    TimestampMs completedAt = kNoTime; // event time at which the order completed (kNoTime: in flight)
    TimestampMs statusTime = kNoTime;  // event time of the delivered/cancelled event that set the status
    TimestampMs lastEventTime = kNoTime;
    std::uint32_t generation = 0;
    std::uint32_t blobChunk = 0; // the encoding: m_chunks[blobChunk] bytes [blobOffset, + blobSize)
    std::uint32_t blobOffset = 0;
    std::uint32_t blobSize = 0;
    std::uint8_t seen = 0; // one bit per record kind, see Engine
    bool counted = false;  // false: a pending state waiting for its placement
    bool live = false;
    bool hasBlob = false;
};

// The per-order states of the last `retention` of event time, keyed by order id. An
// open-addressing table of (fingerprint, index) over a slot vector with a free list, and a timer
// wheel of five-minute buckets for retention. Keys are verified against the order id stored in
// the encoding, so a 64-bit hash collision can never merge two orders.
//
// Encodings go to an append-only arena of 1 MiB chunks, each counting the live encodings it
// holds: writing one is a sequential copy into memory the cache already holds (a per-state
// buffer would be cold, a day after its last use), and a chunk is recycled as a whole once every
// state written into it has expired or been rewritten. Every state has a finite expiry (see
// Engine), so a chunk is freed at most about a retention period after it filled up; states that
// live longer (orders in flight for days) are copied out of sparse chunks when the arena holds
// more than twice the live bytes (compact()), so they never pin more than their own size.
class OrderStateStore
{
public:
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

    explicit OrderStateStore(std::size_t expectedOrders = 1 << 16);

    // The live state of orderId, or kNone. A state whose expiry is <= watermark counts as gone
    // (it is dropped here), so retention is exact even between wheel sweeps.
    std::uint32_t find(std::string_view orderId, std::uint64_t hash, TimestampMs watermark);
    // A new live state; the caller writes its encoding (allocBlob) before the next find().
    std::uint32_t insert(std::uint64_t hash);
    OrderState &at(std::uint32_t index) { return m_states[index]; }
    const OrderState &at(std::uint32_t index) const { return m_states[index]; }

    // Room for `size` bytes of the state's encoding at the arena's end (the previous encoding,
    // if any, is released: decode it first). Valid until the next allocBlob().
    char *allocBlob(std::uint32_t index, std::size_t size);
    std::string_view blob(std::uint32_t index) const
    {
        const OrderState &s = m_states[index];
        return {m_chunks[s.blobChunk].data.get() + s.blobOffset, s.blobSize};
    }

    // Starts loading the slot where hash lives, so that a later find()/insert() does not wait
    // for memory (the engine overlaps this with its other lookups).
    void prefetch(std::uint64_t hash) const { __builtin_prefetch(&m_slots[homeOf(hash)]); }
    // Starts loading the state the next insert() will reuse (cold since its order expired).
    void prefetchNextInsert() const
    {
        if (!m_free.empty())
            __builtin_prefetch(&m_states[m_free.back()], 1);
    }

    // Sets when the state is dropped (OrderState::kNever: kept until it gets an expiry).
    void setExpiry(std::uint32_t index, TimestampMs expiry);
    // Drops every state whose expiry is <= watermark, a wheel bucket at a time.
    void expire(TimestampMs watermark);

    std::size_t size() const { return m_liveCount; }
    // Bytes of the live states' encodings, and what the arena holds for them (tests, benches).
    std::size_t blobBytes() const { return m_liveBlobBytes; }
    std::size_t arenaBytes() const { return m_arenaBytes; }
    std::size_t pendingCount() const;
    std::size_t memoryBytes() const;

private:
    // Coarse buckets: one map node per 5 minutes of expiries. Exactness does not suffer, since
    // find() treats an expired state as gone whether or not its bucket has been swept.
    static constexpr TimestampMs kBucketMs = 5 * 60 * 1000;
    using WheelEntry = std::pair<std::uint32_t, std::uint32_t>; // (index, generation)

    // A key's first slot comes from the hash's upper 32 bits, the part a slot stores, so that
    // deletion can move slots without reading the states.
    std::size_t homeOf(std::uint64_t hashOrSlot) const { return static_cast<std::size_t>(hashOrSlot >> 32) & m_mask; }
    void erase(std::uint32_t index);
    void grow();
    std::size_t slotOf(std::uint32_t index) const;
    void releaseBlob(OrderState &state);
    void freeChunk(std::uint32_t id);
    // Room for size bytes at the arena's end, starting a new tail chunk when needed.
    char *appendSpace(std::size_t size, std::uint32_t &chunk, std::uint32_t &offset);
    // Copies the encodings held in chunks less than half live to the tail, freeing those chunks.
    void compact();

    struct Chunk
    {
        std::unique_ptr<char[]> data;
        std::uint32_t capacity = 0;
        std::uint32_t used = 0;
        std::uint32_t liveBytes = 0; // of encodings of live states
    };
    static constexpr std::uint32_t kChunkBytes = 1 << 20;

    std::vector<OrderState, HugePageAllocator<OrderState>> m_states;
    std::vector<std::uint32_t> m_free;
    std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> m_slots; // (fingerprint << 32) | (index + 1); 0 = empty
    std::size_t m_mask = 0;
    std::size_t m_liveCount = 0;

    std::vector<Chunk> m_chunks;          // by id; a freed chunk has no data
    std::vector<std::uint32_t> m_freeChunkIds;
    std::vector<std::unique_ptr<char[]>> m_spareBuffers; // a few freed kChunkBytes buffers
    std::uint32_t m_tail = 0;             // the chunk being filled
    std::size_t m_arenaBytes = 0;         // capacity of the chunks allocated
    std::size_t m_liveBlobBytes = 0;

    std::map<TimestampMs, std::vector<WheelEntry>> m_wheel; // bucket start -> states expiring in it
    std::map<TimestampMs, std::vector<WheelEntry>>::iterator m_lastBucket = m_wheel.end();
    std::vector<std::vector<WheelEntry>> m_spareBuckets;
};

static_assert(sizeof(OrderState) == 64);

} // namespace op
