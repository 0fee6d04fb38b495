#pragma once

#include "model/Timestamp.h"

#include <QTimeZone>

#include <cstdint>
#include <string>
#include <vector>

namespace op {

// Maps UTC milliseconds to the display time zone's local date, hour and weekday on the hot path.
// QTimeZone is asked only once per offset interval (the span between two transitions); the
// intervals are cached, so an event costs a range check and some arithmetic. Correct across
// DST changes because an interval never contains a transition.
class DisplayZone
{
public:
    struct LocalTime
    {
        std::int64_t day = 0; // days since 1970-01-01 in local time
        int hour = 0;         // 0..23
        int weekday = 0;      // Monday = 0 .. Sunday = 6
    };

    // An unknown zone name falls back to UTC (isValid() then says false).
    explicit DisplayZone(const std::string &ianaName = "Asia/Seoul");

    bool isValid() const { return m_valid; }
    const std::string &name() const { return m_name; }

    // Offset from UTC in milliseconds at the UTC instant t.
    std::int64_t offsetMs(TimestampMs t) const;
    LocalTime local(TimestampMs t) const;
    int localHourOfDay(TimestampMs t) const { return local(t).hour; }

    // "YYYY-MM-DD" for a local day number.
    static std::string dayName(std::int64_t localDay);

private:
    struct Interval
    {
        TimestampMs from; // inclusive
        TimestampMs to;   // exclusive
        std::int64_t offsetMs;
    };

    const Interval &intervalFor(TimestampMs t) const;

    std::string m_name;
    QTimeZone m_zone;
    bool m_valid = false;
    // Sorted by `from`, never overlapping. Mutable: a lookup cache on the (single) ingest thread.
    mutable std::vector<Interval> m_intervals;
    mutable std::size_t m_last = 0;
};

} // namespace op
