#include "io/NdjsonEncoder.h"

#include "io/JsonWriter.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace op {

namespace {

void appendDigits(char *&p, unsigned value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        p[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
    p += width;
}

void textField(JsonWriter &w, std::string_view name, const std::string &value)
{
    if (value.empty())
        return;
    w.key(name);
    w.string(value);
}

void moneyField(JsonWriter &w, std::string_view name, const std::optional<Money> &value)
{
    if (!value)
        return;
    w.key(name);
    w.integer(*value);
}

void doubleField(JsonWriter &w, std::string_view name, const std::optional<double> &value)
{
    if (!value || !std::isfinite(*value)) // JSON has no NaN: absent is the honest encoding
        return;
    w.key(name);
    w.number(*value);
}

} // namespace

NdjsonEncoder::NdjsonEncoder(int offsetMinutes)
    : m_offsetMinutes(offsetMinutes)
{
}

void NdjsonEncoder::appendEventTime(std::string &out, TimestampMs t, int offsetMinutes)
{
    char buf[kEventTimeBytes];
    out.append(buf, formatEventTime(buf, t, offsetMinutes));
}

std::size_t NdjsonEncoder::formatEventTime(char (&buf)[kEventTimeBytes], TimestampMs t, int offsetMinutes)
{
    // Written by hand rather than with formatIsoWithOffset: this runs once per Kafka message.
    // Far outside years 0-9999 the date arithmetic below could overflow: use the number form.
    constexpr TimestampMs kFarPast = -62'300'000'000'000;   // before year 0
    constexpr TimestampMs kFarFuture = 253'500'000'000'000; // after year 9999
    if (t < kFarPast || t > kFarFuture || std::abs(offsetMinutes) >= 24 * 60) {
        const auto res = std::to_chars(buf, buf + kEventTimeBytes, t);
        return static_cast<std::size_t>(res.ptr - buf);
    }
    const TimestampMs local = t + static_cast<TimestampMs>(offsetMinutes) * kMsPerMinute;
    const TimestampMs dayStart = floorTo(local, kMsPerDay);
    const CivilDate d = civilFromDays(dayStart / kMsPerDay);
    if (d.year < 0 || d.year > 9999) {
        const auto res = std::to_chars(buf, buf + kEventTimeBytes, t);
        return static_cast<std::size_t>(res.ptr - buf);
    }
    const auto rest = static_cast<unsigned>(local - dayStart); // < 86,400,000
    const auto absOffset = static_cast<unsigned>(std::abs(offsetMinutes));
    constexpr unsigned kSecond = 1000;
    constexpr unsigned kMinute = 60 * kSecond;
    constexpr unsigned kHour = 60 * kMinute;
    char *p = buf;
    *p++ = '"';
    appendDigits(p, static_cast<unsigned>(d.year), 4);
    *p++ = '-';
    appendDigits(p, d.month, 2);
    *p++ = '-';
    appendDigits(p, d.day, 2);
    *p++ = 'T';
    appendDigits(p, rest / kHour, 2);
    *p++ = ':';
    appendDigits(p, rest / kMinute % 60, 2);
    *p++ = ':';
    appendDigits(p, rest / kSecond % 60, 2);
    *p++ = '.';
    appendDigits(p, rest % kSecond, 3);
    *p++ = offsetMinutes < 0 ? '-' : '+';
    appendDigits(p, absOffset / 60, 2);
    *p++ = ':';
    appendDigits(p, absOffset % 60, 2);
    *p++ = '"';
    return static_cast<std::size_t>(p - buf);
}

void NdjsonEncoder::encode(const OrderEvent &e, std::string &out) const
{
    JsonWriter w(out);
    w.beginObject();
    w.key("type");
    w.string(eventTypeName(e.type));
    textField(w, "order_id", e.orderId);
    w.key("event_time");
    char time[kEventTimeBytes];
    w.raw({time, formatEventTime(time, e.eventTime, m_offsetMinutes)});
    textField(w, "customer_id", e.customerId);
    textField(w, "merchant_id", e.merchantId);
    textField(w, "merchant_name", e.merchantName);
    textField(w, "category", e.category);
    textField(w, "region", e.region);
    if (!e.items.empty()) {
        w.key("items");
        w.beginArray();
        for (const OrderItem &item : e.items) {
            w.beginObject();
            w.key("name");
            w.string(item.name);
            w.key("qty");
            w.integer(item.qty);
            w.key("unit_price");
            w.integer(item.unitPrice);
            w.endObject();
        }
        w.endArray();
    }
    moneyField(w, "amount", e.amount);
    moneyField(w, "delivery_fee", e.deliveryFee);
    doubleField(w, "distance_km", e.distanceKm);
    doubleField(w, "promised_min", e.promisedMin);
    doubleField(w, "delivery_min", e.deliveryMin);
    if (e.status) {
        w.key("status");
        w.string(orderStatusName(*e.status));
    }
    doubleField(w, "rating", e.rating);
    textField(w, "ip", e.ip);
    textField(w, "payment", e.payment);
    w.endObject();
}

void NdjsonEncoder::encodeRecord(const OrderEvent &event, std::string &out)
{
    encode(event, out);
    out += '\n';
}

} // namespace op
