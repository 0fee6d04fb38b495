#pragma once

#include "analytics/HugePageAllocator.h"
#include "model/Timestamp.h"

#include <cstdint>
#include <limits>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace op {

// What the engine remembers about one order_id: which record types were seen (for
// de-duplication), whether the order is counted or still pending (outcomes that arrived before
// the placement), and the merged order as a CompactOrder buffer.
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
    std::uint8_t seen = 0; // one bit per record kind, see Engine
    bool counted = false;  // false: a pending state waiting for its placement
    bool live = false;
    std::string blob; // CompactOrder encoding of the merged order
};

// The per-order states of the last `retention` of event time, keyed by order id. An
// open-addressing table of (fingerprint, index) over a slot vector with a free list (a reused
// slot keeps its buffer's capacity, so steady state allocates nothing), and a timer wheel of
// five-minute buckets for retention. Keys are verified against the order id stored in the
// buffer, so a 64-bit hash collision can never merge two orders.
class OrderStateStore
{
public:
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

    explicit OrderStateStore(std::size_t expectedOrders = 1 << 16);

    // The live state of orderId, or kNone. A state whose expiry is <= watermark counts as gone
    // (it is dropped here), so retention is exact even between wheel sweeps.
    std::uint32_t find(std::string_view orderId, std::uint64_t hash, TimestampMs watermark);
    // A new live state; the caller fills its blob (with the order id) before the next find().
    std::uint32_t insert(std::uint64_t hash);
    OrderState &at(std::uint32_t index) { return m_states[index]; }
    const OrderState &at(std::uint32_t index) const { return m_states[index]; }

    // Starts loading the slot where hash lives, so that a later find()/insert() does not wait
    // for memory (the engine overlaps this with its other lookups).
    void prefetch(std::uint64_t hash) const { __builtin_prefetch(&m_slots[homeOf(hash)]); }
    // Starts loading the buffer the next insert() will write (a recycled state's, cold since
    // its order expired), for the same reason.
    void prefetchNextInsert() const
    {
        if (m_free.empty())
            return;
        const std::string &blob = m_states[m_free.back()].blob;
        for (std::size_t offset = 0; offset < blob.capacity() && offset < 256; offset += 64)
            __builtin_prefetch(blob.data() + offset, 1);
    }

    // Sets when the state is dropped (OrderState::kNever: kept until it gets an expiry).
    void setExpiry(std::uint32_t index, TimestampMs expiry);
    // Drops every state whose expiry is <= watermark, a wheel bucket at a time.
    void expire(TimestampMs watermark);

    std::size_t size() const { return m_liveCount; }
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

    std::vector<OrderState, HugePageAllocator<OrderState>> m_states;
    std::vector<std::uint32_t> m_free;
    std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> m_slots; // (fingerprint << 32) | (index + 1); 0 = empty
    std::size_t m_mask = 0;
    std::size_t m_liveCount = 0;

    std::map<TimestampMs, std::vector<WheelEntry>> m_wheel; // bucket start -> states expiring in it
    std::map<TimestampMs, std::vector<WheelEntry>>::iterator m_lastBucket = m_wheel.end();
    std::vector<std::vector<WheelEntry>> m_spareBuckets;
};

} // namespace op
