#include "io/XmlLogFields.h"

#include "io/FieldReasons.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace op::xmllog {

namespace {

// Integral doubles within this range convert to int64 exactly enough for money.
constexpr double kMaxWholeDouble = 9.0e18;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// from_chars does not take a leading '+'; a number written "+5" is still a number.
std::string_view withoutPlus(std::string_view t)
{
    if (t.size() >= 2 && t[0] == '+' && t[1] != '-' && t[1] != '+')
        t.remove_prefix(1);
    return t;
}

enum class DoubleParse : std::uint8_t
{
    Ok,
    NotANumber,
    OutOfRange
};

DoubleParse readDouble(std::string_view t, double &out)
{
    if (t.empty())
        return DoubleParse::NotANumber;
    const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), out, std::chars_format::general);
    if (ptr != t.data() + t.size())
        return DoubleParse::NotANumber;
    if (ec == std::errc::result_out_of_range)
        return DoubleParse::OutOfRange;
    if (ec != std::errc() || !std::isfinite(out)) // "nan", "inf": not order data
        return DoubleParse::NotANumber;
    return DoubleParse::Ok;
}

std::optional<std::string> parseWhole(std::string_view name, std::string_view text, std::int64_t min,
                                      std::int64_t max, bool won, std::int64_t &out)
{
    const std::string_view t = withoutPlus(trimmed(text));
    if (t.empty())
        return reason::notANumber(name);
    std::int64_t v = 0;
    const auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ptr == t.data() + t.size()) {
        if (ec == std::errc::result_out_of_range || (ec == std::errc() && (v < min || v > max)))
            return reason::outOfRange(name);
        if (ec == std::errc()) {
            out = v;
            return std::nullopt;
        }
    }
    // Not a plain integer: "21000.0" and "2.1e4" are whole numbers written another way.
    double d = 0;
    switch (readDouble(t, d)) {
    case DoubleParse::NotANumber:
        return reason::notANumber(name);
    case DoubleParse::OutOfRange:
        return reason::outOfRange(name);
    case DoubleParse::Ok:
        break;
    }
    if (d != std::trunc(d))
        return won ? reason::notWholeWon(name) : reason::notWholeNumber(name);
    if (!(d >= -kMaxWholeDouble && d <= kMaxWholeDouble))
        return reason::outOfRange(name);
    v = static_cast<std::int64_t>(d);
    if (v < min || v > max)
        return reason::outOfRange(name);
    out = v;
    return std::nullopt;
}

std::optional<std::string> setMoney(std::optional<Money> &field, std::string_view name, std::string_view text)
{
    const std::string_view t = trimmed(text);
    if (t.empty()) {
        field.reset();
        return std::nullopt;
    }
    Money m = 0;
    if (auto reason = parseMoney(name, t, m))
        return reason;
    field = m;
    return std::nullopt;
}

std::optional<std::string> setDouble(std::optional<double> &field, std::string_view name,
                                     std::string_view text)
{
    const std::string_view t = trimmed(text);
    if (t.empty()) {
        field.reset();
        return std::nullopt;
    }
    double d = 0;
    if (auto reason = parseDouble(name, t, d))
        return reason;
    field = d;
    return std::nullopt;
}

} // namespace

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

std::optional<std::string> setField(OrderEvent &e, OrderField field, std::string_view text)
{
    switch (field) {
    case OrderField::Type: {
        const std::string_view t = trimmed(text);
        if (t.empty()) {
            e.type = EventType::Order;
            return std::nullopt;
        }
        const auto type = eventTypeFromName(t);
        if (!type)
            return reason::unknownType(t);
        e.type = *type;
        return std::nullopt;
    }
    case OrderField::Status: {
        const std::string_view t = trimmed(text);
        if (t.empty()) {
            e.status.reset();
            return std::nullopt;
        }
        const auto status = orderStatusFromName(t);
        if (!status)
            return reason::unknownStatus(t);
        e.status = *status;
        return std::nullopt;
    }
    case OrderField::OrderId:
        e.orderId.assign(text);
        return std::nullopt;
    case OrderField::CustomerId:
        e.customerId.assign(text);
        return std::nullopt;
    case OrderField::MerchantId:
        e.merchantId.assign(text);
        return std::nullopt;
    case OrderField::MerchantName:
        e.merchantName.assign(text);
        return std::nullopt;
    case OrderField::Category:
        e.category.assign(text);
        return std::nullopt;
    case OrderField::Region:
        e.region.assign(text);
        return std::nullopt;
    case OrderField::Ip:
        e.ip.assign(text);
        return std::nullopt;
    case OrderField::Payment:
        e.payment.assign(text);
        return std::nullopt;
    case OrderField::Amount:
        return setMoney(e.amount, "amount", text);
    case OrderField::DeliveryFee:
        return setMoney(e.deliveryFee, "delivery_fee", text);
    case OrderField::DistanceKm:
        return setDouble(e.distanceKm, "distance_km", text);
    case OrderField::PromisedMin:
        return setDouble(e.promisedMin, "promised_min", text);
    case OrderField::DeliveryMin:
        return setDouble(e.deliveryMin, "delivery_min", text);
    case OrderField::Rating:
        return setDouble(e.rating, "rating", text);
    case OrderField::EventTime: // each codec reads the time with its own default zone
    case OrderField::Items:     // structured differently in each format
    case OrderField::Unknown:
        return std::nullopt;
    }
    return std::nullopt;
}

std::optional<std::string> parseMoney(std::string_view name, std::string_view text, Money &out)
{
    return parseWhole(name, text, std::numeric_limits<Money>::min(), std::numeric_limits<Money>::max(), true,
                      out);
}

std::optional<std::string> parseInt32(std::string_view name, std::string_view text, std::int32_t &out)
{
    std::int64_t v = 0;
    if (auto reason = parseWhole(name, text, std::numeric_limits<std::int32_t>::min(),
                                 std::numeric_limits<std::int32_t>::max(), false, v))
        return reason;
    out = static_cast<std::int32_t>(v);
    return std::nullopt;
}

std::optional<std::string> parseDouble(std::string_view name, std::string_view text, double &out)
{
    switch (readDouble(withoutPlus(trimmed(text)), out)) {
    case DoubleParse::Ok:
        return std::nullopt;
    case DoubleParse::OutOfRange:
        return reason::outOfRange(name);
    case DoubleParse::NotANumber:
        break;
    }
    return reason::notANumber(name);
}

std::size_t utf8SequenceLength(std::string_view s, std::size_t i)
{
    const auto byte = [&](std::size_t k) {
        return static_cast<unsigned char>(s[k]);
    };
    const auto cont = [&](std::size_t k) {
        return k < s.size() && (byte(k) & 0xC0) == 0x80;
    };
    const unsigned char c = byte(i);
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (i + 1 >= s.size())
            return 0;
        const unsigned char c1 = byte(i + 1);
        const bool ok1 = c == 0xE0   ? (c1 >= 0xA0 && c1 <= 0xBF)
                         : c == 0xED ? (c1 >= 0x80 && c1 <= 0x9F)
                                     : (c1 & 0xC0) == 0x80;
        return ok1 && cont(i + 2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (i + 1 >= s.size())
            return 0;
        const unsigned char c1 = byte(i + 1);
        const bool ok1 = c == 0xF0   ? (c1 >= 0x90 && c1 <= 0xBF)
                         : c == 0xF4 ? (c1 >= 0x80 && c1 <= 0x8F)
                                     : (c1 & 0xC0) == 0x80;
        return ok1 && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    return 0;
}

void appendInteger(std::string &out, std::int64_t value)
{
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, res.ptr);
}

void appendDouble(std::string &out, double value)
{
    char buf[32];
    const auto res = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, res.ptr);
}

bool isoRepresentable(TimestampMs t, int offsetMinutes)
{
    // Far outside years 0-9999 the date arithmetic could overflow: decide on the raw value first.
    constexpr TimestampMs kFarPast = -62'300'000'000'000;   // before year 0
    constexpr TimestampMs kFarFuture = 253'500'000'000'000; // after year 9999
    if (t < kFarPast || t > kFarFuture || offsetMinutes <= -24 * 60 || offsetMinutes >= 24 * 60)
        return false;
    const TimestampMs local = t + static_cast<TimestampMs>(offsetMinutes) * kMsPerMinute;
    const CivilDate d = civilFromDays(floorTo(local, kMsPerDay) / kMsPerDay);
    return d.year >= 0 && d.year <= 9999;
}

void appendEventTime(std::string &out, TimestampMs t, int offsetMinutes)
{
    if (isoRepresentable(t, offsetMinutes))
        out += formatIsoWithOffset(t, offsetMinutes);
    else
        appendInteger(out, t);
}

} // namespace op::xmllog
