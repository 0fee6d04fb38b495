#include "analytics/FraudAnalysis.h"

#include "analytics/Report.h"
#include "analytics/Snapshot.h"

#include <algorithm>
#include <string_view>

namespace op {

FraudAnalysis::FraudAnalysis(const EngineSettings &settings)
    : m_threshold(static_cast<std::uint32_t>(std::max(1, settings.ipVelocityThreshold)))
    , m_ipWindowMs(std::max<TimestampMs>(1, settings.ipVelocityWindowMs))
    , m_highValue(settings.highValueThreshold)
    , m_recentCap(static_cast<std::size_t>(std::max(0, settings.snapshotAlerts)))
{
}

FraudAnalysis::IpWindow &FraudAnalysis::windowFor(TimestampMs start)
{
    for (auto it = m_open.rbegin(); it != m_open.rend(); ++it) {
        if (it->start == start)
            return *it;
        if (it->start < start)
            break;
    }
    // A recycled window keeps its buffers; a new one would allocate its hash table.
    IpWindow fresh = m_spare.empty() ? IpWindow{} : std::move(m_spare.back());
    if (!m_spare.empty())
        m_spare.pop_back();
    fresh.start = start;
    auto pos = std::upper_bound(m_open.begin(), m_open.end(), start,
                                [](TimestampMs s, const IpWindow &w) { return s < w.start; });
    return *m_open.insert(pos, std::move(fresh));
}

void FraudAnalysis::remember(const Alert &alert)
{
    ++m_liveCount;
    if (m_recentCap == 0)
        return;
    if (m_recent.size() == m_recentCap)
        m_recent.pop_front();
    m_recent.push_back(alert);
}

void FraudAnalysis::onOrderPlaced(const OrderEvent &order, const EventContext &context)
{
    const Money amount = order.amount.value_or(0);
    if (order.amount && amount >= m_highValue) {
        Alert alert;
        alert.rule = AlertRule::HighValue;
        alert.entity = order.orderId;
        alert.value = amount;
        alert.eventTime = order.eventTime;
        alert.severity = amount >= 2 * m_highValue ? AlertSeverity::Critical : AlertSeverity::Warning;
        alert.orderId = order.orderId;
        m_highValueAlerts.push_back(alert);
        remember(alert);
        if (context.emitAlert && *context.emitAlert)
            (*context.emitAlert)(alert);
    }

    if (context.late || order.ip.empty())
        return;
    IpWindow &w = windowFor(floorTo(order.eventTime, m_ipWindowMs));
    const std::uint32_t ipIndex = w.ips.tryEmplace(order.ip).first;
    IpCounter &counter = w.ips.valueAt(ipIndex);
    w.entries.push_back(IpEntry{order.eventTime, static_cast<std::uint32_t>(w.orderIds.size()),
                                static_cast<std::uint32_t>(order.orderId.size()), counter.head});
    w.orderIds.append(order.orderId);
    counter.head = static_cast<std::uint32_t>(w.entries.size());
    if (++counter.count != m_threshold)
        return;
    w.fired.push_back(ipIndex);
    Alert alert;
    alert.rule = AlertRule::IpVelocity;
    alert.entity = order.ip;
    alert.value = counter.count;
    alert.windowStart = w.start;
    alert.eventTime = order.eventTime;
    alert.severity = counter.count >= 2 * m_threshold ? AlertSeverity::Critical : AlertSeverity::Warning;
    alert.orderId = order.orderId;
    remember(alert);
    if (context.emitAlert && *context.emitAlert)
        (*context.emitAlert)(alert);
}

Alert FraudAnalysis::settle(const IpWindow &w, std::uint32_t ipIndex) const
{
    const IpCounter &counter = w.ips.valueAt(ipIndex);
    struct Candidate
    {
        TimestampMs time;
        std::string_view orderId;
    };
    std::vector<Candidate> candidates;
    candidates.reserve(counter.count);
    const std::string_view ids(w.orderIds);
    for (std::uint32_t e = counter.head; e != 0; e = w.entries[e - 1].next) {
        const IpEntry &entry = w.entries[e - 1];
        candidates.push_back(Candidate{entry.time, ids.substr(entry.idOffset, entry.idLength)});
    }
    const auto nth = candidates.begin() + (m_threshold - 1);
    std::nth_element(candidates.begin(), nth, candidates.end(), [](const Candidate &a, const Candidate &b) {
        return a.time != b.time ? a.time < b.time : a.orderId < b.orderId;
    });
    Alert alert;
    alert.rule = AlertRule::IpVelocity;
    alert.entity = std::string(w.ips.keyAt(ipIndex));
    alert.value = counter.count;
    alert.windowStart = w.start;
    alert.eventTime = nth->time;
    alert.severity = counter.count >= 2 * m_threshold ? AlertSeverity::Critical : AlertSeverity::Warning;
    alert.orderId = std::string(nth->orderId);
    return alert;
}

void FraudAnalysis::closeFront()
{
    IpWindow &w = m_open.front();
    // IPs in the order they fired; the report sorts alerts anyway.
    for (const std::uint32_t ipIndex : w.fired)
        m_settledIp.push_back(settle(w, ipIndex));
    w.ips.clear();
    w.entries.clear();
    w.orderIds.clear();
    w.fired.clear();
    m_spare.push_back(std::move(w));
    m_open.erase(m_open.begin());
}

void FraudAnalysis::onWatermark(TimestampMs watermark)
{
    // The front window is the first to close; most calls find it still open.
    while (!m_open.empty() && m_open.front().start + m_ipWindowMs <= watermark)
        closeFront();
}

void FraudAnalysis::finish()
{
    while (!m_open.empty())
        closeFront();
}

std::int64_t FraudAnalysis::ipAlertCount(TimestampMs from, TimestampMs to, bool includeOpen) const
{
    // An IP window [s, s + W) can hold times in [from, to) only if from - W < s < to.
    std::int64_t n = 0;
    auto it = std::upper_bound(m_settledIp.begin(), m_settledIp.end(), from - m_ipWindowMs,
                               [](TimestampMs v, const Alert &a) { return v < *a.windowStart; });
    for (; it != m_settledIp.end() && *it->windowStart < to; ++it)
        n += (it->eventTime >= from && it->eventTime < to) ? 1 : 0;
    if (!includeOpen)
        return n;
    for (const IpWindow &w : m_open) {
        if (w.start + m_ipWindowMs <= from || w.start >= to)
            continue;
        for (const std::uint32_t ipIndex : w.fired) {
            const Alert a = settle(w, ipIndex);
            n += (a.eventTime >= from && a.eventTime < to) ? 1 : 0;
        }
    }
    return n;
}

void FraudAnalysis::fillReport(Report &report) const
{
    report.alerts.reserve(report.alerts.size() + m_settledIp.size() + m_highValueAlerts.size());
    report.alerts.insert(report.alerts.end(), m_settledIp.begin(), m_settledIp.end());
    for (const IpWindow &w : m_open) // a partial report: what open windows would settle to now
        for (const std::uint32_t ipIndex : w.fired)
            report.alerts.push_back(settle(w, ipIndex));
    report.alerts.insert(report.alerts.end(), m_highValueAlerts.begin(), m_highValueAlerts.end());
    // The engine sorts the list by (event_time, entity, rule).
}

void FraudAnalysis::fillSnapshot(Snapshot &snapshot) const
{
    snapshot.recentAlerts.assign(m_recent.begin(), m_recent.end());
    // The engine does not track acknowledgements (the GUI does): every alert fired is open here.
    snapshot.openAlerts = m_liveCount;
}

} // namespace op
