#include "analytics/RealtimeStatsAnalysis.h"

#include "analytics/FraudAnalysis.h"
#include "analytics/Snapshot.h"

#include <algorithm>

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
    for (auto it = m_open.rbegin(); it != m_open.rend(); ++it) {
        if (it->start == start) {
            w = &*it;
            break;
        }
        if (it->start < start) {
            w = &*m_open.insert(it.base(), OpenWindow{start});
            break;
        }
    }
    if (w == nullptr) {
        m_open.push_front(OpenWindow{start});
        w = &m_open.front();
    }
    ++w->orders;
    w->sales += order.amount.value_or(0);
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
    m_open.pop_front();
}

void RealtimeStatsAnalysis::onWatermark(TimestampMs watermark)
{
    while (!m_open.empty() && closesAt(m_open.front().start) <= watermark)
        closeFront();
}

void RealtimeStatsAnalysis::finish()
{
    while (!m_open.empty())
        closeFront();
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
