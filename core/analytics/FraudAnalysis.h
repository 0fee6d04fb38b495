#pragma once

#include "analytics/Analysis.h"
#include "analytics/EngineSettings.h"
#include "analytics/FlatStringMap.h"

#include <deque>
#include <string>
#include <vector>

namespace op {

// Fraud rules (DESIGN.md "fraud", ENGINE_SEMANTICS.md):
// - ip_velocity: per IP and epoch-aligned window (1 min) over non-late orders with an ip. The
//   live alert fires when the IP's count reaches the threshold, once per IP and window, with
//   the arriving order's time. When the window closes the alert is settled: attributed to the
//   threshold-th order in (event_time, order_id) order, value = the final count.
// - high_value: every order (late ones too) with amount >= the threshold, at once.
// RealtimeStatsAnalysis asks for the settled IP alerts of its windows (ipAlertCount).
class FraudAnalysis : public Analysis
{
public:
    explicit FraudAnalysis(const EngineSettings &settings);

    void onOrderPlaced(const OrderEvent &order, const EventContext &context) override;
    void onWatermark(TimestampMs watermark) override;
    void finish() override;
    void fillReport(Report &report) const override;
    void fillSnapshot(Snapshot &snapshot) const override;

    // Settled ip_velocity alerts with event_time in [from, to); with includeOpen, also the
    // alerts that open IP windows would settle to if they closed now.
    std::int64_t ipAlertCount(TimestampMs from, TimestampMs to, bool includeOpen) const;
    TimestampMs ipWindowMs() const { return m_ipWindowMs; }

private:
    struct IpEntry
    {
        TimestampMs time;
        std::uint32_t idOffset; // into IpWindow::orderIds
        std::uint32_t idLength;
        std::uint32_t next; // previous entry of the same IP + 1; 0 ends the list
    };
    struct IpCounter
    {
        std::uint32_t count = 0;
        std::uint32_t head = 0; // latest entry + 1
    };
    struct IpWindow
    {
        TimestampMs start = 0;
        FlatStringMap<IpCounter> ips;
        std::vector<IpEntry> entries;
        std::string orderIds;
        std::vector<std::uint32_t> fired; // IPs (entry indices of `ips`) that reached the threshold
    };

    IpWindow &windowFor(TimestampMs start);
    // The settled form of a fired IP's alert in an (open or closing) window.
    Alert settle(const IpWindow &window, std::uint32_t ipIndex) const;
    void closeFront();
    void remember(const Alert &alert);

    const std::uint32_t m_threshold;
    const TimestampMs m_ipWindowMs;
    const Money m_highValue;
    const std::size_t m_recentCap;

    std::vector<IpWindow> m_open; // by start; few (vector: no allocation once grown) // by start
    std::vector<IpWindow> m_spare;
    std::vector<Alert> m_settledIp; // by window start (windows settle in order)
    std::vector<Alert> m_highValueAlerts;
    std::deque<Alert> m_recent; // live alerts, newest last
    std::int64_t m_liveCount = 0;
};

} // namespace op
