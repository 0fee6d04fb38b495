#include "io/LogTimeZone.h"

#include <QDateTime>

namespace op {

LogTimeZone LogTimeZone::fixedOffset(int minutesEastOfUtc)
{
    LogTimeZone zone;
    zone.m_fixedMinutes = minutesEastOfUtc;
    return zone;
}

LogTimeZone::LogTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid()) {
        m_fixedMinutes = 0;
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // No DST and one standard offset: the fast path, exact for any instant that matters here.
    if (!zone.hasDaylightTime() && !zone.hasTransitions() && zone.offsetFromUtc(now) % 60 == 0) {
        m_fixedMinutes = zone.offsetFromUtc(now) / 60;
        return;
    }
    m_zone = zone;
}

int LogTimeZone::offsetSecondsAt(TimestampMs utc) const
{
    if (!m_zone)
        return m_fixedMinutes * 60;
    return m_zone->offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utc, Qt::UTC));
}

TimestampMs LogTimeZone::toUtc(TimestampMs wall) const
{
    if (!m_zone)
        return wall - static_cast<TimestampMs>(m_fixedMinutes) * kMsPerMinute;
    // Two steps settle on an instant whose offset is the one in force at that instant.
    const TimestampMs guess = wall - static_cast<TimestampMs>(offsetSecondsAt(wall)) * kMsPerSecond;
    return wall - static_cast<TimestampMs>(offsetSecondsAt(guess)) * kMsPerSecond;
}

} // namespace op
