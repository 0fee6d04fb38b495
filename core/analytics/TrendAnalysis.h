#pragma once

#include "analytics/Analysis.h"
#include "analytics/EngineSettings.h"
#include "analytics/Report.h"

#include <limits>
#include <map>
#include <vector>

namespace op {

class DisplayZone;

// Orders and sales per UTC minute (snapshots only, the last snapshotMinutes minutes), per UTC
// hour, per display-zone day, and the display-zone hour-of-week grid. Cumulative: late orders
// count too. Buckets live in ordered maps with the last-used bucket cached, since consecutive
// orders nearly always fall in the same minute, hour and day.
class TrendAnalysis : public Analysis
{
public:
    // Snapshots carry at most this many of the latest hours (the report has them all).
    static constexpr std::size_t kSnapshotHours = 24 * 92;

    TrendAnalysis(const EngineSettings &settings, const DisplayZone &zone);

    void onOrderPlaced(const OrderEvent &order, const EventContext &context) override;
    void fillReport(Report &report) const override;
    void fillSnapshot(Snapshot &snapshot) const override;

private:
    struct Bucket
    {
        std::int64_t orders = 0;
        Money sales = 0;
    };
    using BucketMap = std::map<std::int64_t, Bucket>;

    static Bucket &bucketFor(BucketMap &map, BucketMap::iterator &cache, std::int64_t key);

    const DisplayZone &m_zone;

    struct MinuteSlot
    {
        TimestampMs minute = std::numeric_limits<TimestampMs>::min();
        Bucket bucket;
    };

    // The last snapshotMinutes minutes in a ring indexed by minute number: O(1), no allocation.
    std::vector<MinuteSlot> m_minutes;
    BucketMap m_hours; // UTC hour start
    BucketMap m_days;    // local day number
    BucketMap::iterator m_lastHour = m_hours.end();
    BucketMap::iterator m_lastDay = m_days.end();
    TimestampMs m_latestMinute = std::numeric_limits<TimestampMs>::min();
    HourOfWeekGrid m_hourOfWeek{};
};

} // namespace op
