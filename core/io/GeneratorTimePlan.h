#pragma once

#include "io/GeneratorRng.h"
#include "model/Timestamp.h"

#include <cstdint>
#include <vector>

namespace op {

// When orders are placed: walks the span one epoch-aligned minute at a time and gives each minute
// its share of the orders by a demand weight (Seoul time of day, day of week, a per-day wobble).
// Cumulative rounding (count = floor(N * C_k / W) - floor(N * C_{k-1} / W)) makes the total exact
// without holding the minutes in memory. Fraud bursts (10–25 orders from one IP inside one
// minute) are allocated the same way as whole blocks.
class GeneratorTimePlan
{
public:
    struct Placement
    {
        TimestampMs time = 0;
        std::int32_t burst = -1; // index of the abusive IP placing it, or -1 for an ordinary order

        friend bool operator<(const Placement &a, const Placement &b)
        {
            return a.time != b.time ? a.time < b.time : a.burst < b.burst;
        }
    };

    static constexpr std::int64_t kMinBurst = 10;
    static constexpr std::int64_t kMaxBurst = 25;

    // `bursts` blocks share `burstOrders` orders (kMinBurst..kMaxBurst each; bursts * kMinBurst <=
    // burstOrders <= bursts * kMaxBurst), spread over `abusiveIps` addresses.
    GeneratorTimePlan(TimestampMs start, int days, std::int64_t ordinaryOrders, std::int64_t burstOrders,
                      std::int64_t bursts, int abusiveIps, std::uint64_t seed);

    // The next placement in time order; false when all orders are placed.
    bool next(Placement &out);

    [[nodiscard]] TimestampMs start() const { return m_start; }
    [[nodiscard]] TimestampMs end() const { return m_end; }

    // The demand weight of the minute starting at `minuteStart` (epoch-aligned), for a full minute.
    static std::uint64_t minuteWeight(TimestampMs minuteStart, std::uint64_t seed);

private:
    void fillNextMinute();
    [[nodiscard]] std::uint64_t coveredWeight(std::int64_t minuteIndex) const;

    TimestampMs m_start;
    TimestampMs m_end;
    TimestampMs m_firstMinute;
    std::int64_t m_minuteCount;
    std::uint64_t m_seed;
    std::uint64_t m_totalWeight = 0;

    std::int64_t m_ordinary;
    std::int64_t m_burstOrders;
    std::int64_t m_bursts;
    int m_abusiveIps;

    std::int64_t m_minute = 0;      // next minute to fill
    std::uint64_t m_cumulative = 0; // weight of the minutes filled so far
    std::int64_t m_ordinaryPlaced = 0;
    std::int64_t m_burstsPlaced = 0;
    std::int64_t m_burstOrdersPlaced = 0;

    std::vector<Placement> m_buffer; // the current minute, sorted
    std::size_t m_pos = 0;
    GeneratorRng m_rng;
};

} // namespace op
