#pragma once

#include "model/Timestamp.h"

#include <cstdint>

namespace op {

// 2026-03-01T00:00:00+09:00 (midnight in Seoul) as UTC milliseconds.
constexpr TimestampMs kGeneratorDefaultStart = 1772290800000;

// What `orderpulse-cli generate` asks the Generator for. Same options, same records, on any machine.
struct GeneratorOptions
{
    std::int64_t orders = 10000; // number of good orders (not events); exact
    std::int64_t customers = 0;  // 0 = auto (orders / 8, at least 1)
    std::int64_t merchants = 0;  // 0 = auto (orders / 20, between 1 and 200)
    int days = 30;               // placements fall in [start, start + days)
    TimestampMs start = kGeneratorDefaultStart;
    std::uint64_t seed = 42;
    // Bad records are extra: round(orders * badRate) of them are mixed in, split evenly over the kinds.
    double badRate = 0.0;
    // Emit placed/delivered/cancelled/rated events instead of one complete `order` record per order.
    bool lifecycle = false;
};

} // namespace op
