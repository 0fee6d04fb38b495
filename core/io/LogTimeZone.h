#pragma once

#include "model/Timestamp.h"

#include <QTimeZone>
#include <optional>

namespace op {

// The zone in which log-line timestamps are written and read: a fixed offset (the default,
// +09:00 as in Asia/Seoul) or a QTimeZone with daylight-saving rules.
class LogTimeZone
{
public:
    LogTimeZone() = default; // +09:00
    static LogTimeZone fixedOffset(int minutesEastOfUtc);
    // A zone with a single offset (Asia/Seoul, UTC) becomes a fixed offset.
    explicit LogTimeZone(const QTimeZone &zone);

    [[nodiscard]] bool isFixed() const { return !m_zone.has_value(); }
    [[nodiscard]] int fixedOffsetMinutes() const { return m_fixedMinutes; }

    // Seconds east of UTC at the instant `utc`.
    [[nodiscard]] int offsetSecondsAt(TimestampMs utc) const;
    // The instant whose wall-clock time in this zone is `wall` (a civil date-time counted like a
    // UTC time). In a DST fold one of the two candidates is returned; encoders check the result
    // and write an explicit offset where the wall-clock time alone is ambiguous.
    [[nodiscard]] TimestampMs toUtc(TimestampMs wall) const;

private:
    int m_fixedMinutes = 9 * 60;
    std::optional<QTimeZone> m_zone;
};

} // namespace op
