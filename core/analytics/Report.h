#pragma once

#include "analytics/Alert.h"
#include "model/Money.h"
#include "model/Timestamp.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace op {

// The report of DESIGN.md ("Command line", --json), as values. ReportJson writes it; the engine
// (analyze), the stores (report --postgres/--sqlite) and the tests produce and compare it.
// Every list is sorted as DESIGN.md says. Fractional figures (means, rates) are already rounded
// to 4 decimal places from exact integer sums, so the same data gives the same bits however it
// was split, interleaved or batched.

struct EventCounts
{
    std::int64_t accepted = 0;
    std::int64_t quarantined = 0;
    std::int64_t duplicates = 0;
    std::int64_t late = 0;
    friend bool operator==(const EventCounts &, const EventCounts &) = default;
};

struct Totals
{
    std::int64_t orders = 0;
    Money sales = 0;
    Money avgOrderValue = 0; // roundDiv(sales, orders)
    std::int64_t customers = 0;
    std::int64_t merchants = 0;
    friend bool operator==(const Totals &, const Totals &) = default;
};

struct RealtimeStatsRow
{
    TimestampMs windowStart = 0;
    TimestampMs windowEnd = 0;
    std::int64_t totalOrders = 0;
    Money totalSales = 0;
    Money avgOrderValue = 0;
    std::int64_t suspiciousIpCount = 0;
    friend bool operator==(const RealtimeStatsRow &, const RealtimeStatsRow &) = default;
};

struct PopularItemRow
{
    TimestampMs windowStart = 0; // unused (0) in all-time lists
    int rank = 0;                // 1-based
    std::string name;
    std::int64_t quantity = 0;
    std::int64_t orders = 0; // orders containing the item
    Money sales = 0;         // sum of qty x unit_price
    friend bool operator==(const PopularItemRow &, const PopularItemRow &) = default;
};

struct TrendPoint
{
    TimestampMs start = 0; // UTC bucket start (minute or hour)
    std::int64_t orders = 0;
    Money sales = 0;
    friend bool operator==(const TrendPoint &, const TrendPoint &) = default;
};

struct DailyTrendRow
{
    std::string day; // YYYY-MM-DD in the display time zone
    std::int64_t orders = 0;
    Money sales = 0;
    friend bool operator==(const DailyTrendRow &, const DailyTrendRow &) = default;
};

using HourOfWeekGrid = std::array<std::array<std::int64_t, 24>, 7>; // [Monday..Sunday][hour], display zone

struct Trends
{
    std::vector<TrendPoint> hourly; // UTC hours
    std::vector<DailyTrendRow> daily;
    HourOfWeekGrid hourOfWeek{};
    friend bool operator==(const Trends &, const Trends &) = default;
};

struct CustomerRow
{
    std::string customerId;
    TimestampMs lastOrder = 0;
    std::int64_t frequency = 0;
    Money monetary = 0;
    int r = 0;
    int f = 0;
    int m = 0;
    std::string segment;
    std::string grade;
    Money clv = 0;
    friend bool operator==(const CustomerRow &, const CustomerRow &) = default;
};

// The ten RFM segments in DESIGN.md's order; report keys come in this order.
inline constexpr std::array<const char *, 10> kSegmentNames{
    "Hibernating", "At Risk", "Can't Lose Them", "About to Sleep", "Need Attention",
    "Loyal",       "Promising", "New",           "Potential Loyalist", "Champions"};
inline constexpr std::array<const char *, 4> kGradeNames{"VIP", "GOLD", "SILVER", "BRONZE"};

struct MerchantRow
{
    std::string merchantId;
    std::string name;
    std::int64_t orders = 0;
    Money sales = 0;
    Money avgOrderValue = 0;
    std::optional<double> rating;      // mean of rated orders
    std::optional<double> deliveryMin; // mean of delivered orders with delivery_min
    double lateRate = 0;               // late / delivered with both delivery_min and promised_min
    double cancelRate = 0;             // cancelled / orders
    friend bool operator==(const MerchantRow &, const MerchantRow &) = default;
};

struct HistogramBucket
{
    double from = 0;
    double to = 0;
    std::int64_t count = 0;
    friend bool operator==(const HistogramBucket &, const HistogramBucket &) = default;
};

struct DistanceBucket
{
    double fromKm = 0;
    std::optional<double> toKm; // none for the open "5+" bucket
    std::int64_t count = 0;
    std::optional<double> mean; // minutes; none when count is 0
    friend bool operator==(const DistanceBucket &, const DistanceBucket &) = default;
};

struct DeliveryReport
{
    std::int64_t count = 0;
    std::optional<double> mean;
    std::optional<double> p50;
    std::optional<double> p90;
    std::optional<double> p99;
    std::vector<HistogramBucket> histogram;  // 5-minute buckets from 0 to the last non-empty one
    std::vector<DistanceBucket> byDistance;  // always the 5 buckets 0-1, 1-2, 2-3, 3-5, 5+
    std::array<std::optional<double>, 24> lateRateByHour{}; // display-zone hour of placement (not in JSON report)
    friend bool operator==(const DeliveryReport &, const DeliveryReport &) = default;
};

struct Report
{
    EventCounts events;
    Totals totals;
    std::vector<RealtimeStatsRow> realtimeStats;
    std::vector<PopularItemRow> popularItems; // per window: by window_start, then rank
    Trends trends;
    std::vector<CustomerRow> customers; // by customer_id
    std::vector<std::pair<std::string, std::int64_t>> segments; // kSegmentNames order, all ten
    std::vector<std::pair<std::string, std::int64_t>> grades;   // kGradeNames order, all four
    std::vector<MerchantRow> merchants; // by merchant_id
    DeliveryReport delivery;
    std::vector<Alert> alerts; // by event_time, then entity, then rule
    friend bool operator==(const Report &, const Report &) = default;
};

// Rounds an exact ratio num / den to 4 decimal places (half away from zero), as a double.
inline double ratio4(std::int64_t num, std::int64_t den)
{
    if (den == 0)
        return 0.0;
    const Int128 scaled = static_cast<Int128>(num) * 10000;
    const Int128 half = den / 2;
    const Int128 q = scaled >= 0 ? (scaled + half) / den : -((-scaled + half) / den);
    return static_cast<double>(static_cast<std::int64_t>(q)) / 10000.0;
}

} // namespace op
