#pragma once

#include "analytics/Analysis.h"
#include "analytics/EngineSettings.h"
#include "analytics/PercentileHistogram.h"
#include "analytics/Report.h"
#include "analytics/Snapshot.h"

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <vector>

namespace op {

// Delivery figures (DESIGN.md "delivery", ENGINE_SEMANTICS.md) over the orders whose status is
// delivered and that have a delivery_min: count, mean, p50/p90/p99 (PercentileHistogram), 5-minute
// histogram, distance buckets, late rate by display-zone hour of placement.
//
// An order enters or leaves the set as updates change its status (delivered, then cancelled), so
// every figure is an integer sum (minutes in thousandths) that onOrderUpdated retracts and
// re-applies. Memory is bounded: the histograms are fixed-size or log-bucketed, and the
// per-minute percentile trend keeps only the last EngineSettings::snapshotMinutes minutes.
class DeliveryAnalysis : public Analysis
{
public:
    // localHourOfDay: hour 0..23 of a UTC time in the display zone (for late rate by hour).
    DeliveryAnalysis(const EngineSettings &settings, std::function<int(TimestampMs)> localHourOfDay);

    void onOrderPlaced(const OrderEvent &order, const EventContext &context) override;
    void onOrderUpdated(const OrderEvent &before, const OrderEvent &after,
                        const EventContext &context) override;
    void fillReport(Report &report) const override;
    void fillSnapshot(Snapshot &snapshot) const override;

    // The 5-minute histogram stops at one week; slower deliveries count in the last bucket.
    static constexpr std::int64_t kMaxHistogramBuckets = std::int64_t{7} * 24 * 12;

private:
    static constexpr std::size_t kDistanceBuckets = 5;
    static int distanceBucket(double km);
    static std::int64_t histogramBucket(double minutes);
    void apply(const OrderEvent &order, int sign);
    void applyTrend(const OrderEvent &order, std::int64_t thousandths, int sign);
    DeliveryReport build() const;

    std::function<int(TimestampMs)> m_hourOfDay;
    TimestampMs m_trendSpanMs;

    std::int64_t m_count = 0;
    std::int64_t m_sumThousandths = 0;
    PercentileHistogram m_percentiles;
    std::vector<std::int64_t> m_histogram; // 5-minute buckets, grown to the largest used
    std::array<std::int64_t, kDistanceBuckets> m_distanceCount{};
    std::array<std::int64_t, kDistanceBuckets> m_distanceThousandths{};
    std::array<std::int64_t, 24> m_lateBase{};
    std::array<std::int64_t, 24> m_late{};

    // Percentiles per placement minute for the snapshot trend; minutes before m_trendFloor are gone.
    std::map<TimestampMs, PercentileHistogram> m_trend;
    // The minute the last order went to (most orders share their neighbour's minute); end() when
    // unknown. Reset whenever a minute leaves the map.
    std::map<TimestampMs, PercentileHistogram>::iterator m_lastMinute = m_trend.end();
    // Pruned minutes kept for reuse (cleared, buffers kept); a handful is enough.
    static constexpr std::size_t kMaxSpareMinutes = 16;
    std::vector<std::map<TimestampMs, PercentileHistogram>::node_type> m_spareMinutes;
    TimestampMs m_trendFloor = 0;
    bool m_trendStarted = false;
};

} // namespace op
