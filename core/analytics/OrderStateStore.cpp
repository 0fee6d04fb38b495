#include "analytics/OrderStateStore.h"

#include "analytics/CompactOrder.h"

namespace op {

OrderStateStore::OrderStateStore(std::size_t expectedOrders)
{
    std::size_t n = 1024;
    while (n < expectedOrders * 2)
        n *= 2;
    m_slots.assign(n, 0);
    m_mask = n - 1;
    m_states.reserve(expectedOrders);
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
            if (state.hash == hash && CompactOrder::orderId(state.blob) == orderId) {
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
    // Reset field by field: the blob keeps its buffer (and stale bytes, overwritten by encode).
    OrderState &state = m_states[index];
    state.hash = hash;
    state.expiry = OrderState::kNever;
    state.completedAt = OrderState::kNoTime;
    state.statusTime = OrderState::kNoTime;
    state.lastEventTime = OrderState::kNoTime;
    state.seen = 0;
    state.counted = false;
    state.live = true;

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
    if (state.blob.capacity() > 1024) {
        state.blob.clear();
        state.blob.shrink_to_fit(); // an outsized order should not pin its buffer forever
    }
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
    for (const OrderState &s : m_states)
        bytes += s.blob.capacity() > 15 ? s.blob.capacity() : 0;
    for (const auto &[bucket, entries] : m_wheel)
        bytes += entries.capacity() * sizeof(WheelEntry) + 64;
    return bytes;
}

} // namespace op
