#pragma once

#include "model/Money.h"
#include "model/Timestamp.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <vector>

namespace op {

// The orders of the grade horizon (now - horizon, now] by event time, where "now" only moves
// forward: a ledger that tells its owner which orders left the horizon.
//
// Orders are kept in a ring of one-hour buckets (16 bytes an order, in deques so that no vector
// doubling wastes memory). When a bucket falls wholly out of the horizon its orders are handed to
// the `expired` callback (the owner subtracts them from its per-customer totals) and freed. In the
// one bucket that straddles the boundary, the orders at or before the cutoff are still held:
// forEachStale() lists them so that a reader can subtract them, which makes the boundary exact to
// the millisecond without touching state on every advance.
class GradeHorizon
{
public:
    explicit GradeHorizon(TimestampMs horizonMs, TimestampMs bucketMs = kMsPerHour);

    // Moves "now" forward (never back); calls expired(customer, amount) for every order that left.
    template<typename Expired> void advanceNow(TimestampMs now, Expired &&expired);

    // Moves "now" to at least eventTime (see advanceNow) and records the order, unless it is at or
    // before now - horizon: then it returns false and records nothing.
    template<typename Expired>
    bool add(std::uint32_t customer, TimestampMs eventTime, Money amount, Expired &&expired);

    // visit(customer, amount) for the held orders at or before now - horizon.
    template<typename Visitor> void forEachStale(Visitor &&visit) const;

    std::optional<TimestampMs> now() const { return m_now; }
    std::size_t ordersHeld() const { return m_ordersHeld; }
    std::size_t memoryBytes() const;

private:
    struct Entry
    {
        std::uint32_t customer;
        std::uint32_t offsetMs; // from the bucket start
        Money amount;
    };
    struct Bucket
    {
        std::int64_t index = 0;
        std::unique_ptr<std::deque<Entry>> entries; // allocated on first use
    };

    TimestampMs cutoff() const { return *m_now - m_horizonMs; } // times <= cutoff are out
    std::int64_t bucketOf(TimestampMs t) const { return floorTo(t, m_bucketMs) / m_bucketMs; }
    Bucket &slot(std::int64_t index);
    const Bucket &slot(std::int64_t index) const;
    template<typename Expired> void expire(Bucket &bucket, Expired &expired);

    TimestampMs m_horizonMs;
    TimestampMs m_bucketMs;
    std::optional<TimestampMs> m_now;
    std::int64_t m_firstLive = 0; // buckets below this index are expired
    std::vector<Bucket> m_ring;
    std::size_t m_ordersHeld = 0;
};

template<typename Expired> void GradeHorizon::expire(Bucket &bucket, Expired &expired)
{
    if (!bucket.entries)
        return;
    for (const Entry &e : *bucket.entries)
        expired(e.customer, e.amount);
    m_ordersHeld -= bucket.entries->size();
    bucket.entries.reset();
}

template<typename Expired> void GradeHorizon::advanceNow(TimestampMs now, Expired &&expired)
{
    if (m_now && now <= *m_now)
        return;
    const bool first = !m_now;
    m_now = now;
    const std::int64_t firstLive = bucketOf(cutoff() + 1);
    if (first) {
        m_firstLive = firstLive; // nothing is held yet
        return;
    }
    if (firstLive <= m_firstLive)
        return;
    if (firstLive - m_firstLive >= static_cast<std::int64_t>(m_ring.size())) {
        for (Bucket &b : m_ring) {
            if (b.entries && b.index < firstLive)
                expire(b, expired);
        }
    } else {
        for (std::int64_t i = m_firstLive; i < firstLive; ++i) {
            Bucket &b = slot(i);
            if (b.entries && b.index == i)
                expire(b, expired);
        }
    }
    m_firstLive = firstLive;
}

template<typename Expired>
bool GradeHorizon::add(std::uint32_t customer, TimestampMs eventTime, Money amount, Expired &&expired)
{
    advanceNow(eventTime, expired);
    if (eventTime <= cutoff())
        return false;
    const std::int64_t index = bucketOf(eventTime);
    Bucket &b = slot(index);
    // index >= m_firstLive and the ring covers every live bucket, so a held slot is this bucket.
    if (!b.entries) {
        b.index = index;
        b.entries = std::make_unique<std::deque<Entry>>();
    }
    b.entries->push_back(Entry{customer, static_cast<std::uint32_t>(eventTime - index * m_bucketMs), amount});
    ++m_ordersHeld;
    return true;
}

template<typename Visitor> void GradeHorizon::forEachStale(Visitor &&visit) const
{
    if (!m_now)
        return;
    const TimestampMs limit = cutoff();
    const std::int64_t index = bucketOf(limit);
    const Bucket &b = slot(index);
    if (!b.entries || b.index != index)
        return;
    const TimestampMs start = index * m_bucketMs;
    for (const Entry &e : *b.entries) {
        if (start + e.offsetMs <= limit)
            visit(e.customer, e.amount);
    }
}

} // namespace op
