#include "analytics/TrendAnalysis.h"

#include "analytics/DisplayZone.h"
#include "analytics/Snapshot.h"

namespace op {

TrendAnalysis::TrendAnalysis(const EngineSettings &settings, const DisplayZone &zone)
    : m_zone(zone)
    , m_minutes(static_cast<std::size_t>(std::max(1, settings.snapshotMinutes)))
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

    // The minute trend only feeds live charts: keep the latest m_minutes.size() minutes.
    const TimestampMs minute = floorTo(t, kMsPerMinute);
    const auto span = static_cast<TimestampMs>(m_minutes.size());
    m_latestMinute = std::max(m_latestMinute, minute);
    if (minute > m_latestMinute - span * kMsPerMinute) {
        const auto index = static_cast<std::size_t>(((minute / kMsPerMinute) % span + span) % span);
        MinuteSlot &slot = m_minutes[index];
        if (slot.minute < minute) { // the slot's minute has left the span: reuse it
            slot.minute = minute;
            slot.bucket = Bucket{};
        }
        if (slot.minute == minute) {
            ++slot.bucket.orders;
            slot.bucket.sales += amount;
        }
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
    if (m_latestMinute != std::numeric_limits<TimestampMs>::min()) {
        const auto span = static_cast<TimestampMs>(m_minutes.size());
        for (TimestampMs minute = m_latestMinute - (span - 1) * kMsPerMinute; minute <= m_latestMinute;
             minute += kMsPerMinute) {
            const auto index = static_cast<std::size_t>(((minute / kMsPerMinute) % span + span) % span);
            const MinuteSlot &slot = m_minutes[index];
            if (slot.minute == minute)
                snapshot.minuteTrend.push_back(TrendPoint{minute, slot.bucket.orders, slot.bucket.sales});
        }
    }

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
