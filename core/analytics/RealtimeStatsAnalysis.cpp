#include "analytics/RealtimeStatsAnalysis.h"

#include "analytics/FraudAnalysis.h"
#include "analytics/Snapshot.h"

#include <algorithm>
#include <limits>

namespace op {

RealtimeStatsAnalysis::RealtimeStatsAnalysis(const EngineSettings &settings, const FraudAnalysis &fraud)
    : m_fraud(fraud)
    , m_windowMs(std::max<TimestampMs>(1, settings.realtimeWindowMs))
    , m_snapshotWindows(static_cast<std::size_t>(std::max(0, settings.snapshotWindows)))
{
}

TimestampMs RealtimeStatsAnalysis::closesAt(TimestampMs start) const
{
    const TimestampMs end = start + m_windowMs;
    const TimestampMs ipWindow = m_fraud.ipWindowMs();
    // The last IP window overlapping [start, end) is the one holding end - 1.
    return std::max(end, floorTo(end - 1, ipWindow) + ipWindow);
}

void RealtimeStatsAnalysis::onOrderPlaced(const OrderEvent &order, const EventContext &context)
{
    if (context.late)
        return;
    const TimestampMs start = floorTo(order.eventTime, m_windowMs);
    OpenWindow *w = nullptr;
    for (auto it = m_open.rbegin(); it != m_open.rend() && w == nullptr; ++it)
        if (it->start == start)
            w = &*it;
    if (w == nullptr) {
        const auto pos = std::upper_bound(m_open.begin(), m_open.end(), start,
                                          [](TimestampMs s, const OpenWindow &o) { return s < o.start; });
        w = &*m_open.insert(pos, OpenWindow{start});
    }
    ++w->orders;
    w->sales += order.amount.value_or(0);
    if (w == &m_open.front())
        m_nextClose = closesAt(start);
}

RealtimeStatsRow RealtimeStatsAnalysis::rowOf(const OpenWindow &w, bool settledOnly) const
{
    const TimestampMs end = w.start + m_windowMs;
    return RealtimeStatsRow{w.start, end, w.orders, w.sales, roundDiv(w.sales, w.orders),
                            m_fraud.ipAlertCount(w.start, end, !settledOnly)};
}

void RealtimeStatsAnalysis::closeFront()
{
    m_closed.push_back(rowOf(m_open.front(), true));
    m_open.erase(m_open.begin());
}

void RealtimeStatsAnalysis::onWatermark(TimestampMs watermark)
{
    if (watermark < m_nextClose) // called on nearly every event: keep the common case cheap
        return;
    while (!m_open.empty() && closesAt(m_open.front().start) <= watermark)
        closeFront();
    m_nextClose = m_open.empty() ? std::numeric_limits<TimestampMs>::max() : closesAt(m_open.front().start);
}

void RealtimeStatsAnalysis::finish()
{
    while (!m_open.empty())
        closeFront();
    m_nextClose = std::numeric_limits<TimestampMs>::max();
}

void RealtimeStatsAnalysis::fillReport(Report &report) const
{
    report.realtimeStats = m_closed;
    for (const OpenWindow &w : m_open)
        report.realtimeStats.push_back(rowOf(w, false));
}

void RealtimeStatsAnalysis::fillSnapshot(Snapshot &snapshot) const
{
    const std::size_t from = m_closed.size() > m_snapshotWindows ? m_closed.size() - m_snapshotWindows : 0;
    snapshot.recentWindows.assign(m_closed.begin() + static_cast<std::ptrdiff_t>(from), m_closed.end());
    for (const OpenWindow &w : m_open)
        snapshot.recentWindows.push_back(rowOf(w, false));
}

} // namespace op
