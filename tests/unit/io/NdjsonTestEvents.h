#pragma once

// Hand-made OrderEvents and small helpers shared by the NDJSON encoder and decoder tests.
// moc reads this file too: no digit separators or raw string literals, which it misreads.

#include "ChunkedFeed.h"
#include "SampleEvents.h"
#include "io/NdjsonEncoder.h"
#include "model/OrderEvent.h"

#include <QByteArray>
#include <QString>
#include <string>
#include <vector>

namespace ndjsontest {

using namespace op;

inline constexpr TimestampMs kNow = optest::kTestNow;
inline constexpr TimestampMs kT0 = optest::kSeoulNoon;

inline std::string encodeLine(const OrderEvent &e, int offsetMinutes = NdjsonEncoder::kDefaultOffsetMinutes)
{
    std::string out;
    NdjsonEncoder(offsetMinutes).encode(e, out);
    return out;
}

inline QByteArray describe(const OrderEvent &e)
{
    return QByteArray::fromStdString(encodeLine(e, 0));
}

inline QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// fullOrder() with one item.
inline OrderEvent fullEvent()
{
    OrderEvent e = optest::fullOrder();
    e.items = {{"Fried chicken", 1, 18000}};
    return e;
}

inline OrderEvent minimalEvent(std::string id, TimestampMs t = kT0)
{
    OrderEvent e;
    e.orderId = std::move(id);
    e.eventTime = t;
    e.customerId = "C-1";
    e.amount = 1000;
    return e;
}

// Hand-made events covering every field, absent optionals, lifecycle types and awkward text.
inline std::vector<OrderEvent> sampleEvents()
{
    using namespace std::string_literals;
    std::vector<OrderEvent> v;
    v.push_back(fullEvent());
    v.push_back(minimalEvent("O-min"));
    OrderEvent korean = fullEvent();
    korean.orderId = "O-한글";
    korean.merchantName = "교촌치킨 강남역점 🍗";
    korean.region = "서울특별시 강남구";
    korean.items = {{"허니콤보 (순살) 두 마리 세트", 2, 23000}, {"콜라 1.25L", 1, 2500}, {"치즈볼", 3, 4000}};
    korean.payment = "카카오페이";
    v.push_back(korean);
    OrderEvent escapes = minimalEvent("O-\"quoted\"\\back\\slash");
    escapes.merchantName = "tab\there, newline\nthere, cr\r, nul\0, bell\a, del\x7f"s;
    escapes.items = {{"a/b \\u0041 \"x\"", 1, 0}};
    v.push_back(escapes);
    for (EventType t : {EventType::Placed, EventType::Delivered, EventType::Cancelled, EventType::Rated}) {
        OrderEvent e;
        e.type = t;
        e.orderId = "O-life-" + std::string(eventTypeName(t));
        e.eventTime = kT0 + 60000;
        if (t == EventType::Placed) {
            e.customerId = "C-9";
            e.amount = 0;
            e.status = OrderStatus::Placed;
        } else if (t == EventType::Delivered) {
            e.status = OrderStatus::Delivered;
            e.deliveryMin = 31.25;
        } else if (t == EventType::Cancelled) {
            e.status = OrderStatus::Cancelled;
        } else {
            e.rating = 0;
        }
        v.push_back(e);
    }
    OrderEvent doubles = minimalEvent("O-doubles");
    doubles.distanceKm = 0.1 + 0.2;
    doubles.promisedMin = 1e-300;
    doubles.deliveryMin = 123456789.123456789;
    doubles.rating = 1.0 / 3.0;
    v.push_back(doubles);
    v.push_back(minimalEvent("O-1969", -1));                    // before the epoch
    v.push_back(minimalEvent("O-year1", -62135596800000));      // 0001-01-01T00:00:00Z
    v.push_back(minimalEvent("O-far-past", -9000000000000000)); // no ISO form: epoch ms
    OrderEvent money = minimalEvent("O-money");
    money.amount = 9000000000000000;
    money.deliveryFee = 0;
    money.items = {{"x", 2147483647, 9000000000000000}};
    v.push_back(money);
    return v;
}

inline std::string encodeAll(const std::vector<OrderEvent> &events)
{
    NdjsonEncoder encoder;
    return optest::encodeAll(encoder, events);
}

} // namespace ndjsontest
