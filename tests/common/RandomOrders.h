#pragma once

#include "model/OrderEvent.h"

#include <cstdint>
#include <string>
#include <vector>

namespace optest {

// Knobs of a deterministic random order stream for engine tests. Same options, same events
// (own PRNG and arithmetic, no std distributions), on every platform.
struct RandomOrdersOptions
{
    int orders = 1000;
    int customers = 100;
    int merchants = 20;
    int catalogue = 40; // distinct item names (some Korean, some sharing prefixes)
    op::TimestampMs start = 1772323200000; // 2026-03-01T00:00:00Z
    op::TimestampMs spanMs = 6 * op::kMsPerHour;
    int ipBursts = 0;      // extra orders from one IP packed into one minute, per burst
    int burstMinSize = 8;  // burst sizes are drawn from [min, max]; 9, 10 and 20 always occur
    int burstMaxSize = 24; // when there are at least 3 bursts
    double highValueShare = 0.01;
    double cancelShare = 0.08;
    bool lifecycle = false;         // placed + delivered/cancelled + rated records instead of `order`
    double outcomeFirstShare = 0.0; // lifecycle: share of orders whose placement arrives after its outcomes
    double conflictShare = 0.03;    // lifecycle: share of delivered orders that also get a cancelled record
    op::TimestampMs shuffleMs = 0;  // arrival displacement bound; below the lateness, nothing gets late
    double lateShare = 0.0;         // share of records delayed by lateDelayMs (late on arrival)
    op::TimestampMs lateDelayMs = 5 * op::kMsPerMinute;
    double duplicateShare = 0.0;    // share of records sent twice
    bool duplicateTimeShift = true; // half of the copies carry a later time (still duplicates)
    bool secondResolution = false;  // whole-second times, for (event_time, order_id) ties
    std::uint64_t seed = 1;
};

// The records in arrival order.
std::vector<op::OrderEvent> makeRandomOrders(const RandomOrdersOptions &options);

// A complete `order` record with the fields most tests need.
op::OrderEvent makeOrder(const std::string &orderId, op::TimestampMs eventTime, const std::string &customerId,
                         op::Money amount, const std::string &merchantId = "R-1");
// A lifecycle record carrying only its own field (delivery_min or rating when given).
op::OrderEvent makeOutcome(op::EventType type, const std::string &orderId, op::TimestampMs eventTime,
                           std::optional<double> value = std::nullopt);

// "2026-03-01T12:00:00Z" (or with an offset) to UTC ms; aborts the test run on a typo.
op::TimestampMs at(const char *iso);

} // namespace optest
