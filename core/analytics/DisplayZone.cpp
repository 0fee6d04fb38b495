#include "analytics/DisplayZone.h"

#include <QDateTime>

#include <algorithm>
#include <cstdio>
#include <limits>

namespace op {

namespace {
constexpr TimestampMs kMinTime = std::numeric_limits<TimestampMs>::min();
constexpr TimestampMs kMaxTime = std::numeric_limits<TimestampMs>::max();
} // namespace

DisplayZone::DisplayZone(const std::string &ianaName)
    : m_name(ianaName)
{
    const QByteArray id = QByteArray::fromStdString(ianaName);
    m_valid = !id.isEmpty() && QTimeZone::isTimeZoneIdAvailable(id);
    m_zone = m_valid ? QTimeZone(id) : QTimeZone(QTimeZone::utc());
    m_valid = m_valid && m_zone.isValid();
    if (!m_valid)
        m_zone = QTimeZone(QTimeZone::utc());
}

const DisplayZone::Interval &DisplayZone::intervalFor(TimestampMs t) const
{
    if (m_last < m_intervals.size()) {
        const Interval &i = m_intervals[m_last];
        if (t >= i.from && t < i.to)
            return i;
    }
    auto it = std::upper_bound(m_intervals.begin(), m_intervals.end(), t,
                               [](TimestampMs v, const Interval &i) { return v < i.from; });
    if (it != m_intervals.begin()) {
        const auto prev = std::prev(it);
        if (t < prev->to) {
            m_last = static_cast<std::size_t>(prev - m_intervals.begin());
            return *prev;
        }
    }
    // Not cached: ask QTimeZone once for the offset and the transitions around t.
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(t, QTimeZone::utc());
    Interval fresh{kMinTime, kMaxTime, static_cast<std::int64_t>(m_zone.offsetFromUtc(at)) * 1000};
    if (m_zone.hasTransitions()) {
        // previousTransition is strictly before its argument: ask for t + 1 ms so that a
        // transition exactly at t starts this interval.
        const QTimeZone::OffsetData prev = m_zone.previousTransition(at.addMSecs(1));
        if (prev.atUtc.isValid())
            fresh.from = prev.atUtc.toMSecsSinceEpoch();
        const QTimeZone::OffsetData next = m_zone.nextTransition(at);
        if (next.atUtc.isValid())
            fresh.to = next.atUtc.toMSecsSinceEpoch();
    }
    // Clip to cached neighbours so intervals never overlap (they should not anyway).
    if (it != m_intervals.begin())
        fresh.from = std::max(fresh.from, std::prev(it)->to);
    if (it != m_intervals.end())
        fresh.to = std::min(fresh.to, it->from);
    if (!(t >= fresh.from && t < fresh.to)) {
        // Defensive: an inconsistent answer still yields a one-millisecond interval.
        fresh.from = t;
        fresh.to = t + 1;
    }
    it = m_intervals.insert(it, fresh);
    m_last = static_cast<std::size_t>(it - m_intervals.begin());
    return *it;
}

std::int64_t DisplayZone::offsetMs(TimestampMs t) const
{
    return intervalFor(t).offsetMs;
}

DisplayZone::LocalTime DisplayZone::local(TimestampMs t) const
{
    const TimestampMs localMs = t + intervalFor(t).offsetMs;
    const TimestampMs dayStart = floorTo(localMs, kMsPerDay);
    LocalTime out;
    out.day = dayStart / kMsPerDay;
    out.hour = static_cast<int>((localMs - dayStart) / kMsPerHour);
    // 1970-01-01 was a Thursday (Monday = 0 makes it 3).
    out.weekday = static_cast<int>(((out.day + 3) % 7 + 7) % 7);
    return out;
}

std::string DisplayZone::dayName(std::int64_t localDay)
{
    const CivilDate d = civilFromDays(localDay);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
    return buf;
}

} // namespace op
