#include "io/LogEncoder.h"

#include "io/LogLineParser.h"
#include "io/XmlLogFields.h"

#include <cmath>
#include <cstdio>
#include <utility>

namespace op {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD
constexpr TimestampMs kFarPast = -62'300'000'000'000;     // before year 0
constexpr TimestampMs kFarFuture = 253'500'000'000'000;   // after year 9999

void appendWall(std::string &out, TimestampMs wall)
{
    const TimestampMs dayStart = floorTo(wall, kMsPerDay);
    const CivilDate d = civilFromDays(dayStart / kMsPerDay);
    const auto rest = static_cast<int>(wall - dayStart);
    char buf[40];
    int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d:%02d", d.year, d.month, d.day,
                          rest / 3'600'000, rest / 60'000 % 60, rest / 1000 % 60);
    if (rest % 1000 != 0)
        n += std::snprintf(buf + n, sizeof buf - static_cast<std::size_t>(n), ".%03d", rest % 1000);
    out.append(buf, static_cast<std::size_t>(n));
}

bool wallInIsoYears(TimestampMs wall)
{
    const CivilDate d = civilFromDays(floorTo(wall, kMsPerDay) / kMsPerDay);
    return d.year >= 0 && d.year <= 9999;
}

// Writes the line's timestamp; false when the time does not fit one and event_time= must follow.
bool appendTimestamp(std::string &out, TimestampMs t, const LogTimeZone &zone)
{
    if (t < kFarPast || t > kFarFuture) {
        out += t < 0 ? "0000-01-01 00:00:00Z" : "9999-12-31 23:59:59.999Z";
        return false;
    }
    const int offsetSeconds = zone.offsetSecondsAt(t);
    const TimestampMs wall = t + static_cast<TimestampMs>(offsetSeconds) * kMsPerSecond;
    if (offsetSeconds % 60 != 0 || std::abs(offsetSeconds) >= 24 * 3600) {
        // An offset ISO-8601 cannot carry (local mean time before 1900): write UTC.
        if (!wallInIsoYears(t)) {
            out += t < 0 ? "0000-01-01 00:00:00Z" : "9999-12-31 23:59:59.999Z";
            return false;
        }
        appendWall(out, t);
        out += 'Z';
        return true;
    }
    if (!wallInIsoYears(wall)) {
        out += t < 0 ? "0000-01-01 00:00:00Z" : "9999-12-31 23:59:59.999Z";
        return false;
    }
    appendWall(out, wall);
    if (!zone.isFixed() && zone.toUtc(wall) != t) {
        const int minutes = std::abs(offsetSeconds) / 60;
        char buf[8];
        const int n = std::snprintf(buf, sizeof buf, "%c%02d:%02d", offsetSeconds < 0 ? '-' : '+',
                                    minutes / 60, minutes % 60);
        out.append(buf, static_cast<std::size_t>(n));
    }
    return true;
}

bool needsQuotes(std::string_view value)
{
    for (const char ch : value) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7F || c == '"' || c == '=' || c == '\\')
            return true;
    }
    return false;
}

void pair(std::string &out, std::string_view key, std::string_view value)
{
    if (value.empty())
        return;
    out += ' ';
    out += key;
    out += '=';
    LogEncoder::appendValue(out, value);
}

void moneyPair(std::string &out, std::string_view key, const std::optional<Money> &value)
{
    if (!value)
        return;
    out += ' ';
    out += key;
    out += '=';
    xmllog::appendInteger(out, *value);
}

void doublePair(std::string &out, std::string_view key, const std::optional<double> &value)
{
    if (!value || !std::isfinite(*value)) // the decoder refuses "nan" and "inf": absent is honest
        return;
    out += ' ';
    out += key;
    out += '=';
    xmllog::appendDouble(out, *value);
}

} // namespace

LogEncoder::LogEncoder(LogTimeZone zone)
    : m_zone(std::move(zone))
{
}

void LogEncoder::encodeRecord(const OrderEvent &event, std::string &out)
{
    appendLine(out, event, m_zone);
    out += '\n';
}

void LogEncoder::appendLine(std::string &out, const OrderEvent &e, const LogTimeZone &zone)
{
    const bool timeFits = appendTimestamp(out, e.eventTime, zone);
    out += " INFO ";
    out += LogLineParser::eventName(e.type);
    if (!timeFits) {
        out += " event_time=";
        xmllog::appendInteger(out, e.eventTime);
    }
    pair(out, "order_id", e.orderId);
    pair(out, "customer_id", e.customerId);
    pair(out, "merchant_id", e.merchantId);
    pair(out, "merchant_name", e.merchantName);
    pair(out, "category", e.category);
    pair(out, "region", e.region);
    moneyPair(out, "amount", e.amount);
    moneyPair(out, "delivery_fee", e.deliveryFee);
    doublePair(out, "distance_km", e.distanceKm);
    doublePair(out, "promised_min", e.promisedMin);
    doublePair(out, "delivery_min", e.deliveryMin);
    if (e.status)
        pair(out, "status", orderStatusName(*e.status));
    doublePair(out, "rating", e.rating);
    pair(out, "ip", e.ip);
    pair(out, "payment", e.payment);
    std::string key;
    for (std::size_t i = 0; i < e.items.size(); ++i) {
        const OrderItem &item = e.items[i];
        key = "item.";
        key += std::to_string(i + 1);
        const std::size_t base = key.size();
        key += ".name";
        pair(out, key, item.name);
        key.resize(base);
        key += ".qty";
        moneyPair(out, key, Money{item.qty});
        key.resize(base);
        key += ".unit_price";
        moneyPair(out, key, item.unitPrice);
    }
}

void LogEncoder::appendValue(std::string &out, std::string_view value)
{
    const bool quote = needsQuotes(value);
    if (quote)
        out += '"';
    std::size_t i = 0;
    while (i < value.size()) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c >= 0x80) {
            const std::size_t len = xmllog::utf8SequenceLength(value, i);
            if (len == 0) {
                out += kReplacement;
                ++i;
            } else {
                out.append(value.substr(i, len));
                i += len;
            }
            continue;
        }
        ++i;
        if (!quote) {
            out += static_cast<char>(c);
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20 || c == 0x7F) {
                static constexpr char kHex[] = "0123456789abcdef";
                out += "\\x";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
            } else {
                out += static_cast<char>(c);
            }
            break;
        }
    }
    if (quote)
        out += '"';
}

} // namespace op
