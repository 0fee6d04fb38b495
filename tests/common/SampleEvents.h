#pragma once

// Hand-made OrderEvents and fixed clocks shared by the codec tests.
// moc reads this file too: no digit separators or raw string literals, which it misreads.

#include "io/Validation.h"
#include "model/OrderEvent.h"

namespace optest {

// 2026-03-02T00:00:00Z: "now" for the future-time rule, so results do not depend on the clock.
inline constexpr op::TimestampMs kTestNow = 1772409600000;
inline constexpr op::TimestampMs kSeoulNoon = 1772336096789; // 2026-03-01T12:34:56.789+09:00

inline op::ValidationRules rulesAt(op::TimestampMs now = kTestNow)
{
    op::ValidationRules rules;
    rules.nowMs = now;
    return rules;
}

// An order with every field set (two items).
inline op::OrderEvent fullOrder()
{
    op::OrderEvent e;
    e.type = op::EventType::Order;
    e.orderId = "O-0000001";
    e.eventTime = kSeoulNoon;
    e.customerId = "C-00042";
    e.merchantId = "R-0007";
    e.merchantName = "Kyochon Gangnam";
    e.category = "chicken";
    e.region = "Gangnam-gu";
    e.items = {{"Fried chicken", 1, 18000}, {"Cola", 2, 1500}};
    e.amount = 21000;
    e.deliveryFee = 3000;
    e.distanceKm = 2.4;
    e.promisedMin = 40;
    e.deliveryMin = 37.5;
    e.status = op::OrderStatus::Delivered;
    e.rating = 4.5;
    e.ip = "203.0.113.7";
    e.payment = "card";
    return e;
}

} // namespace optest
