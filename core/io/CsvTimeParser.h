#pragma once

#include "model/Timestamp.h"

#include <QString>
#include <QTimeZone>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace op {

// Reads and writes the event time of a CSV column in a mapping's format and time zone.
// Not thread-safe: it caches the last zone offset interval and the last parsed text.
class CsvTimeParser
{
public:
    enum class Format : std::uint8_t
    {
        Iso,     // op::parseEventTime: ISO-8601 (zone-less times are in the zone) or epoch ms
        EpochMs, // milliseconds since the epoch only
        Pattern, // a Qt date-time format such as "M/d/yyyy H:mm", wall-clock time in the zone
    };

    // ISO in Asia/Seoul, the built-in profile's setting.
    CsvTimeParser();
    CsvTimeParser(Format format, QString pattern, QTimeZone zone);

    Format format() const { return m_format; }
    const QString &pattern() const { return m_pattern; }
    const QTimeZone &zone() const { return m_zone; }

    // UTC milliseconds, or nullopt when the text is not a time in this format or lies outside
    // the years 0000-9999 (which ISO-8601 text can not carry).
    std::optional<TimestampMs> parse(std::string_view text);

    // The zone's offset from UTC at a UTC instant, in seconds.
    int offsetSecondsAt(TimestampMs utc);

    // "2026-03-01T12:34:56.789+09:00": the time in the zone's offset, or in UTC ("+00:00") when
    // the offset is not whole minutes (local mean time before 1908) or the local date would
    // leave the years 0000-9999, so that parse() always reads back the same instant.
    std::string formatIso(TimestampMs utc);

    static constexpr TimestampMs kMinTime = -62167219200000; // 0000-01-01T00:00:00Z
    static constexpr TimestampMs kMaxTime = 253402300799999; // 9999-12-31T23:59:59.999Z

private:
    // A wall-clock time in the zone (as if it were UTC) to UTC. A time that the clocks skipped
    // (a spring-forward gap) maps to the instant it would be with the offset before the gap.
    TimestampMs localToUtc(TimestampMs local);
    std::optional<TimestampMs> parsePattern(std::string_view text);

    Format m_format = Format::Iso;
    QString m_pattern;
    QTimeZone m_zone;
    bool m_patternHasZone = false;

    // The offset is constant over [m_cacheFrom, m_cacheTo).
    TimestampMs m_cacheFrom = 1;
    TimestampMs m_cacheTo = 0;
    int m_cacheOffset = 0;

    std::string m_lastText; // rows of one invoice repeat the same time text
    std::optional<TimestampMs> m_lastResult;
    bool m_hasLast = false;
};

} // namespace op
