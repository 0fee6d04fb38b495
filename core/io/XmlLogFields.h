#pragma once

#include "io/OrderFields.h"
#include "model/OrderEvent.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// What the XML and log-line codecs share: both carry the OrderEvent fields as text under their
// DESIGN.md (JSON) names, so both parse and format them the same way and give the same
// quarantine reasons as the NDJSON decoder (io/FieldReasons.h).
namespace op::xmllog {

// Sets one field other than items and event_time from its text. Text fields are taken exactly
// (an empty text leaves them absent); numbers, type and status are trimmed of ASCII white
// space first, and an empty result leaves the field absent. Returns the reason on failure.
std::optional<std::string> setField(OrderEvent &event, OrderField field, std::string_view text);

// Number parsers behind setField, also used for items. `name` is the field named in the reason.
std::optional<std::string> parseMoney(std::string_view name, std::string_view text, Money &out);
std::optional<std::string> parseInt32(std::string_view name, std::string_view text, std::int32_t &out);
std::optional<std::string> parseDouble(std::string_view name, std::string_view text, double &out);

std::string_view trimmed(std::string_view text);

// Length of the valid UTF-8 sequence starting at text[i], or 0 when it is not valid there.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i);

void appendInteger(std::string &out, std::int64_t value);
// Shortest text that reads back as the same double (std::to_chars).
void appendDouble(std::string &out, double value);
// ISO-8601 with milliseconds and the offset ("2026-03-01T12:34:56.789+09:00"), or epoch
// milliseconds when the local date falls outside years 0000-9999 (which ISO cannot carry)
// or the offset is not a valid one (a day or more).
void appendEventTime(std::string &out, TimestampMs t, int offsetMinutes);
// True when t, shown with that offset, falls in years 0000-9999.
bool isoRepresentable(TimestampMs t, int offsetMinutes);

} // namespace op::xmllog
