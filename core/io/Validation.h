#pragma once

#include "model/OrderEvent.h"

#include <optional>
#include <string>
#include <string_view>

namespace op {

// The rules every decoder applies once a record is decoded (DESIGN.md "OrderEvent").
struct ValidationRules
{
    static constexpr std::size_t kMaxRecordBytes = 1024 * 1024; // a line over 1 MiB is rejected
    // A record more than this far ahead of `now` is rejected.
    TimestampMs maxFutureMs = kMsPerDay;
    // Wall-clock "now" in UTC ms; 0 means the system clock.
    TimestampMs nowMs = 0;
};

// Returns a reason a person understands when the event breaks a rule, or nullopt when valid.
// Reasons (tests check these texts):
//   "missing order_id", "missing event_time", "negative amount", "negative delivery_fee",
//   "negative unit_price for item 'X'", "non-positive qty for item 'X'", "missing item name",
//   "negative distance_km", "negative delivery_min", "negative promised_min",
//   "rating out of range 0-5", "event_time more than 1 day in the future",
//   "missing customer_id" and "missing amount" (for type order/placed only).
std::optional<std::string> validateEvent(const OrderEvent &event, const ValidationRules &rules = {});

// True when the bytes are valid UTF-8 (simdjson's validator).
bool isValidUtf8(std::string_view bytes);

// Reason used by every line-oriented decoder for an oversized record.
std::string tooLongReason(std::size_t bytes);

} // namespace op
