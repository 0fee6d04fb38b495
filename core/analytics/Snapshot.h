#pragma once

#include "analytics/Report.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace op {

// Per-source health, for the Sources & Health page. Sources fill it; the engine carries it.
struct PartitionLag
{
    std::string topic;
    int partition = 0;
    std::int64_t lag = 0;
    std::int64_t offset = 0;
};

struct SourceHealth
{
    std::string name;  // "file replay", "kafka", ...
    std::string state; // "running", "reconnecting", "finished", "error"
    std::string lastError;
    double messagesPerSecond = 0;
    double bytesPerSecond = 0;
    double progress = -1; // 0..1 for files, -1 when unknown
    std::int64_t rebalances = 0;
    std::vector<PartitionLag> lag;
};

// An immutable picture of everything a page needs, made by the engine on the ingest thread and
// handed to the GUI as std::shared_ptr<const Snapshot>. Cheap to make often (>= 10 per second at
// full ingest speed): sections that are expensive at a million customers (the customer table,
// RFM) are recomputed at a lower rate and shared between snapshots through shared_ptr.
struct CustomerSummary
{
    std::array<std::int64_t, 10> segmentCounts{};  // kSegmentNames order
    std::array<Money, 10> segmentRevenue{};
    std::array<std::array<std::int64_t, 5>, 5> rfGrid{}; // [r-1][f-1] customer counts
    std::array<std::int64_t, 4> gradeCounts{};          // kGradeNames order
    std::vector<HistogramBucket> clvHistogram;
    std::shared_ptr<const std::vector<CustomerRow>> table; // by customer_id
    TimestampMs computedAtEventTime = 0;                  // "as of"
};

// Delivery-time percentiles of the delivered orders placed in one UTC minute, for the Delivery
// page's "percentiles over time" chart (within ~1.6 %; they change while those orders are delivered).
struct DeliveryPercentilePoint
{
    TimestampMs start = 0; // minute start
    std::int64_t count = 0;
    double p50 = 0;
    double p90 = 0;
    friend bool operator==(const DeliveryPercentilePoint &, const DeliveryPercentilePoint &) = default;
};

// What a filter bar can offer: every region, category and merchant (id, name) the source has
// seen, whatever filter is on, so the choices do not vanish once one is picked. Sorted.
struct FilterChoices
{
    std::vector<std::string> regions;
    std::vector<std::string> categories;
    std::vector<std::pair<std::string, std::string>> merchants; // (merchant_id, name) by id
};

struct Snapshot
{
    std::int64_t sequence = 0;     // increases by one per snapshot
    std::int64_t wallTimeMs = 0;   // when it was made
    TimestampMs watermark = 0;
    TimestampMs maxEventTime = 0;
    EventCounts events;
    Totals totals;

    std::vector<RealtimeStatsRow> recentWindows; // last EngineSettings::snapshotWindows closed + the open one
    std::vector<PopularItemRow> topItemsNow;     // the latest closed items window
    std::vector<PopularItemRow> topItemsAllTime;
    std::vector<TrendPoint> minuteTrend;         // last snapshotMinutes minutes
    std::vector<TrendPoint> hourlyTrend;
    std::vector<DailyTrendRow> dailyTrend;
    HourOfWeekGrid hourOfWeek{};

    CustomerSummary customers;
    std::vector<MerchantRow> merchants;
    DeliveryReport delivery;
    std::vector<DeliveryPercentilePoint> deliveryPercentiles; // last snapshotMinutes placement minutes
    std::vector<Alert> recentAlerts; // newest last
    std::int64_t openAlerts = 0;

    std::vector<SourceHealth> sources;

    // Set by the source (ReplayWorker): the choices above, and which filter request the figures
    // follow (0: none yet; ReplayWorker::setFilter returns the number).
    std::shared_ptr<const FilterChoices> filterChoices;
    std::int64_t filterGeneration = 0;
};

} // namespace op
