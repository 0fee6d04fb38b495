#include "io/Validation.h"

#include <simdjson.h>

#include <chrono>

namespace op {

namespace {

// The future-time rule has a tolerance of a day, so a clock read every few thousand records is
// exact enough and keeps the system clock off the per-record path.
TimestampMs systemNowMs()
{
    using namespace std::chrono;
    thread_local TimestampMs cached = 0;
    thread_local unsigned calls = 0;
    if ((calls++ & 0xFFF) == 0)
        cached = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    return cached;
}

} // namespace

std::optional<std::string> validateEvent(const OrderEvent &e, const ValidationRules &rules)
{
    if (e.orderId.empty())
        return std::string("missing order_id");
    if (e.eventTime == 0)
        return std::string("missing event_time");
    const TimestampMs now = rules.nowMs != 0 ? rules.nowMs : systemNowMs();
    if (e.eventTime > now + rules.maxFutureMs)
        return std::string("event_time more than 1 day in the future");
    const bool full = e.type == EventType::Order || e.type == EventType::Placed;
    if (full && e.customerId.empty())
        return std::string("missing customer_id");
    if (full && !e.amount)
        return std::string("missing amount");
    if (e.amount && *e.amount < 0)
        return std::string("negative amount");
    if (e.deliveryFee && *e.deliveryFee < 0)
        return std::string("negative delivery_fee");
    for (const OrderItem &item : e.items) {
        if (item.name.empty())
            return std::string("missing item name");
        if (item.qty <= 0)
            return "non-positive qty for item '" + item.name + "'";
        if (item.unitPrice < 0)
            return "negative unit_price for item '" + item.name + "'";
    }
    if (e.distanceKm && !(*e.distanceKm >= 0))
        return std::string("negative distance_km");
    if (e.deliveryMin && !(*e.deliveryMin >= 0))
        return std::string("negative delivery_min");
    if (e.promisedMin && !(*e.promisedMin >= 0))
        return std::string("negative promised_min");
    if (e.rating && !(*e.rating >= 0 && *e.rating <= 5))
        return std::string("rating out of range 0-5");
    return std::nullopt;
}

bool isValidUtf8(std::string_view bytes)
{
    return simdjson::validate_utf8(bytes.data(), bytes.size());
}

std::string tooLongReason(std::size_t bytes)
{
    return "record too long (" + std::to_string(bytes) + " bytes, limit 1 MiB)";
}

} // namespace op
