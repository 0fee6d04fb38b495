#include "model/Timestamp.h"

#include <array>
#include <cstdio>

namespace op {

std::int64_t daysFromCivil(int year, unsigned month, unsigned day)
{
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate civilFromDays(std::int64_t z)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

namespace {

bool digits(std::string_view s, std::size_t pos, std::size_t count, int &out)
{
    if (pos + count > s.size())
        return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

unsigned daysInMonth(int y, unsigned m)
{
    static constexpr std::array<unsigned, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

} // namespace

std::optional<TimestampMs> parseIsoTimestamp(std::string_view s, int defaultOffsetMinutes)
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(s, 0, 4, year) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, month) || s[7] != '-'
        || !digits(s, 8, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || static_cast<unsigned>(day) > daysInMonth(year, month))
        return std::nullopt;
    std::size_t pos = 10;
    int millis = 0;
    if (pos < s.size() && (s[pos] == 'T' || s[pos] == 't' || s[pos] == ' ')) {
        if (!digits(s, pos + 1, 2, hour) || pos + 3 >= s.size() || s[pos + 3] != ':'
            || !digits(s, pos + 4, 2, minute))
            return std::nullopt;
        pos += 6;
        if (pos < s.size() && s[pos] == ':') {
            if (!digits(s, pos + 1, 2, second))
                return std::nullopt;
            pos += 3;
            if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
                ++pos;
                int scale = 100;
                const std::size_t start = pos;
                while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
                    millis += (s[pos] - '0') * scale;
                    scale /= 10;
                    ++pos;
                }
                if (pos == start)
                    return std::nullopt;
            }
        }
        if (hour > 23 || minute > 59 || second > 60)
            return std::nullopt;
        if (second == 60) // leap second: clamp, as most order systems do
            second = 59;
    } else if (pos != s.size()) {
        return std::nullopt;
    }
    int offset = defaultOffsetMinutes;
    if (pos < s.size()) {
        const char c = s[pos];
        if ((c == 'Z' || c == 'z') && pos + 1 == s.size()) {
            offset = 0;
        } else if (c == '+' || c == '-') {
            int oh = 0, om = 0;
            if (!digits(s, pos + 1, 2, oh))
                return std::nullopt;
            std::size_t p = pos + 3;
            if (p < s.size() && s[p] == ':')
                ++p;
            if (p < s.size()) {
                if (!digits(s, p, 2, om) || p + 2 != s.size())
                    return std::nullopt;
            }
            if (oh > 23 || om > 59)
                return std::nullopt;
            offset = (c == '-' ? -1 : 1) * (oh * 60 + om);
        } else {
            return std::nullopt;
        }
    }
    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    return days * kMsPerDay + hour * kMsPerHour + minute * kMsPerMinute + second * kMsPerSecond + millis
           - static_cast<TimestampMs>(offset) * kMsPerMinute;
}

std::optional<TimestampMs> parseEpochMillis(std::string_view s)
{
    if (s.empty() || s.size() > 16)
        return std::nullopt;
    std::size_t i = 0;
    bool negative = false;
    if (s[0] == '-') {
        negative = true;
        i = 1;
        if (s.size() == 1)
            return std::nullopt;
    }
    TimestampMs v = 0;
    for (; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '9')
            return std::nullopt;
        v = v * 10 + (s[i] - '0');
    }
    return negative ? -v : v;
}

std::optional<TimestampMs> parseEventTime(std::string_view text, int defaultOffsetMinutes)
{
    if (text.size() >= 10 && text[4] == '-')
        return parseIsoTimestamp(text, defaultOffsetMinutes);
    return parseEpochMillis(text);
}

namespace {

std::string format(TimestampMs t, int offsetMinutes, bool alwaysMillis, bool zulu)
{
    const TimestampMs local = t + static_cast<TimestampMs>(offsetMinutes) * kMsPerMinute;
    const TimestampMs dayStart = floorTo(local, kMsPerDay);
    const CivilDate d = civilFromDays(dayStart / kMsPerDay);
    TimestampMs rest = local - dayStart;
    const int hh = static_cast<int>(rest / kMsPerHour);
    rest %= kMsPerHour;
    const int mm = static_cast<int>(rest / kMsPerMinute);
    rest %= kMsPerMinute;
    const int ss = static_cast<int>(rest / kMsPerSecond);
    const int ms = static_cast<int>(rest % kMsPerSecond);
    char buf[48];
    int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", d.year, d.month, d.day, hh, mm, ss);
    if (alwaysMillis || ms != 0)
        n += std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n), ".%03d", ms);
    if (zulu) {
        buf[n++] = 'Z';
        buf[n] = '\0';
    } else {
        const int a = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
        std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n), "%c%02d:%02d",
                      offsetMinutes < 0 ? '-' : '+', a / 60, a % 60);
    }
    return buf;
}

} // namespace

std::string formatIsoUtcMillis(TimestampMs t)
{
    return format(t, 0, true, true);
}

std::string formatIsoUtc(TimestampMs t)
{
    return format(t, 0, false, true);
}

std::string formatIsoWithOffset(TimestampMs t, int offsetMinutes)
{
    return format(t, offsetMinutes, true, false);
}

} // namespace op
