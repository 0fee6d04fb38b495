#pragma once

#include "analytics/Analysis.h"
#include "analytics/EngineSettings.h"
#include "analytics/Report.h"

#include <vector>

namespace op {

class FraudAnalysis;

// Realtime stats (seed 002's realtime_stats): per 30 s window with at least one non-late order,
// total_orders, total_sales, avg_order_value = roundDiv(sales, orders) and suspicious_ip_count =
// the settled ip_velocity alerts whose event time falls in the window. Because those settle
// when their IP window closes, a window closes only once every IP window overlapping it is
// closed; the FraudAnalysis must therefore get onWatermark/finish before this one.
class RealtimeStatsAnalysis : public Analysis
{
public:
    RealtimeStatsAnalysis(const EngineSettings &settings, const FraudAnalysis &fraud);

    void onOrderPlaced(const OrderEvent &order, const EventContext &context) override;
    void onWatermark(TimestampMs watermark) override;
    void finish() override;
    void fillReport(Report &report) const override;
    void fillSnapshot(Snapshot &snapshot) const override;

    // The watermark at which the window starting at `start` is final.
    TimestampMs closesAt(TimestampMs start) const;

private:
    struct OpenWindow
    {
        TimestampMs start = 0;
        std::int64_t orders = 0;
        Money sales = 0;
    };

    RealtimeStatsRow rowOf(const OpenWindow &w, bool settledOnly) const;
    void closeFront();

    const FraudAnalysis &m_fraud;
    const TimestampMs m_windowMs;
    const std::size_t m_snapshotWindows;
    std::vector<OpenWindow> m_open; // by start; few (vector: no allocation once grown) // by start
    std::vector<RealtimeStatsRow> m_closed;
    TimestampMs m_nextClose = 0; // closesAt(front window), or max when none is open
};

} // namespace op
