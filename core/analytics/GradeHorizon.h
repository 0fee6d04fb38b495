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

// Per-customer sales and order counts over the grade horizon (now - horizon, now] by event time,
// where "now" only moves forward.
//
// Orders inside the horizon are kept in a ring of one-hour buckets (16 bytes an order, in deques so
// that no vector doubling wastes memory); a bucket that falls wholly out of the horizon is
// subtracted from the per-customer totals and freed. Within the one bucket that straddles the
// boundary, the orders at or before the cutoff are subtracted only when grades are read, so the
// boundary is exact to the millisecond without touching state on every advance.
class GradeHorizon
{
public:
    explicit GradeHorizon(TimestampMs horizonMs, TimestampMs bucketMs = kMsPerHour);

    // Moves "now" forward (never back) and expires what fell out of the horizon.
    void advanceNow(TimestampMs now);
    // Counts an order for `customer` (a dense index). Orders at or before now - horizon are ignored.
    void add(std::uint32_t customer, TimestampMs eventTime, Money amount);

    std::optional<TimestampMs> now() const { return m_now; }

    // Exact grade index (kGradeNames order) of customers 0..customerCount-1 as of now().
    std::vector<std::uint8_t> grades(std::size_t customerCount) const;
    // Exact horizon totals of one customer (for tests; O(orders in the boundary bucket)).
    std::pair<Money, std::int64_t> totals(std::uint32_t customer) const;

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
    const Bucket *findBucket(std::int64_t index) const;
    void expire(Bucket &bucket);
    // Visits (customer, amount) of the held orders at or before the cutoff (all in one bucket).
    template<typename Visitor>
    void forEachStale(Visitor &&visit) const;

    TimestampMs m_horizonMs;
    TimestampMs m_bucketMs;
    std::optional<TimestampMs> m_now;
    std::int64_t m_firstLive = 0; // buckets below this index are expired
    std::vector<Bucket> m_ring;
    std::vector<Money> m_sales;           // per customer, over the live buckets
    std::vector<std::uint32_t> m_orders;  // per customer, over the live buckets
    std::size_t m_ordersHeld = 0;
};

} // namespace op
