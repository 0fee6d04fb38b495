#include "analytics/TrendAnalysis.h"

#include "analytics/DisplayZone.h"
#include "analytics/Snapshot.h"

namespace op {

TrendAnalysis::TrendAnalysis(const EngineSettings &settings, const DisplayZone &zone)
    : m_zone(zone)
    , m_minuteSpan(static_cast<TimestampMs>(std::max(1, settings.snapshotMinutes)) * kMsPerMinute)
{
}

TrendAnalysis::Bucket &TrendAnalysis::bucketFor(BucketMap &map, BucketMap::iterator &cache, std::int64_t key)
{
    if (cache == map.end() || cache->first != key)
        cache = map.try_emplace(key).first;
    return cache->second;
}

void TrendAnalysis::onOrderPlaced(const OrderEvent &order, const EventContext &context)
{
    (void)context;
    const TimestampMs t = order.eventTime;
    const Money amount = order.amount.value_or(0);

    Bucket &hour = bucketFor(m_hours, m_lastHour, floorTo(t, kMsPerHour));
    ++hour.orders;
    hour.sales += amount;

    const DisplayZone::LocalTime local = m_zone.local(t);
    Bucket &day = bucketFor(m_days, m_lastDay, local.day);
    ++day.orders;
    day.sales += amount;
    ++m_hourOfWeek[static_cast<std::size_t>(local.weekday)][static_cast<std::size_t>(local.hour)];

    // The minute trend only feeds live charts: keep the latest m_minuteSpan.
    const TimestampMs minute = floorTo(t, kMsPerMinute);
    if (minute > m_latestMinute) {
        m_latestMinute = minute;
        const TimestampMs oldest = m_latestMinute - m_minuteSpan + kMsPerMinute;
        while (!m_minutes.empty() && m_minutes.begin()->first < oldest) {
            if (m_lastMinute == m_minutes.begin())
                m_lastMinute = m_minutes.end();
            m_minutes.erase(m_minutes.begin());
        }
    }
    if (minute > m_latestMinute - m_minuteSpan) {
        Bucket &b = bucketFor(m_minutes, m_lastMinute, minute);
        ++b.orders;
        b.sales += amount;
    }
}

void TrendAnalysis::fillReport(Report &report) const
{
    Trends &trends = report.trends;
    trends.hourly.clear();
    trends.hourly.reserve(m_hours.size());
    for (const auto &[start, b] : m_hours)
        trends.hourly.push_back(TrendPoint{start, b.orders, b.sales});
    trends.daily.clear();
    trends.daily.reserve(m_days.size());
    for (const auto &[day, b] : m_days)
        trends.daily.push_back(DailyTrendRow{DisplayZone::dayName(day), b.orders, b.sales});
    trends.hourOfWeek = m_hourOfWeek;
}

void TrendAnalysis::fillSnapshot(Snapshot &snapshot) const
{
    snapshot.minuteTrend.clear();
    snapshot.minuteTrend.reserve(m_minutes.size());
    for (const auto &[start, b] : m_minutes)
        snapshot.minuteTrend.push_back(TrendPoint{start, b.orders, b.sales});

    snapshot.hourlyTrend.clear();
    auto from = m_hours.begin();
    if (m_hours.size() > kSnapshotHours)
        std::advance(from, static_cast<std::ptrdiff_t>(m_hours.size() - kSnapshotHours));
    for (auto it = from; it != m_hours.end(); ++it)
        snapshot.hourlyTrend.push_back(TrendPoint{it->first, it->second.orders, it->second.sales});

    snapshot.dailyTrend.clear();
    snapshot.dailyTrend.reserve(m_days.size());
    for (const auto &[day, b] : m_days)
        snapshot.dailyTrend.push_back(DailyTrendRow{DisplayZone::dayName(day), b.orders, b.sales});
    snapshot.hourOfWeek = m_hourOfWeek;
}

} // namespace op
