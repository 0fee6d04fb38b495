#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace op {

// Event times are UTC milliseconds since the Unix epoch.
using TimestampMs = std::int64_t;

constexpr TimestampMs kMsPerSecond = 1000;
constexpr TimestampMs kMsPerMinute = 60 * kMsPerSecond;
constexpr TimestampMs kMsPerHour = 60 * kMsPerMinute;
constexpr TimestampMs kMsPerDay = 24 * kMsPerHour;

// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);
struct CivilDate
{
    int year;
    unsigned month;
    unsigned day;
};
CivilDate civilFromDays(std::int64_t days);

// Parses ISO-8601 date-times as they appear in order data:
//   2026-03-01T12:34:56Z, 2026-03-01T12:34:56.789+09:00, 2026-03-01 12:34:56+0900,
//   2026-03-01T12:34:56 (no offset: interpreted with defaultOffsetMinutes).
// Fractions beyond milliseconds are truncated. Returns nullopt on anything else.
std::optional<TimestampMs> parseIsoTimestamp(std::string_view text, int defaultOffsetMinutes = 0);

// Parses an integer number of milliseconds since the epoch ("1772336096789").
std::optional<TimestampMs> parseEpochMillis(std::string_view text);

// Either of the two forms above.
std::optional<TimestampMs> parseEventTime(std::string_view text, int defaultOffsetMinutes = 0);

// "2026-03-01T03:34:56.789Z": always UTC, always milliseconds.
std::string formatIsoUtcMillis(TimestampMs t);
// "2026-03-01T03:34:56Z" when the milliseconds are zero, else with ".789".
std::string formatIsoUtc(TimestampMs t);
// "2026-03-01T12:34:56.789+09:00" in a fixed offset.
std::string formatIsoWithOffset(TimestampMs t, int offsetMinutes);

// Floor division that is correct for negative times.
constexpr TimestampMs floorTo(TimestampMs t, TimestampMs size)
{
    const TimestampMs q = t / size;
    return (t % size != 0 && ((t < 0) != (size < 0))) ? (q - 1) * size : q * size;
}

} // namespace op
