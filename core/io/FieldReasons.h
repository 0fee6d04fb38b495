#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// Quarantine reasons about one field's value, shared by the NDJSON, XML and log decoders so that
// the same fault reads the same in every format. Tests and the malformed corpora
// (tests/data/malformed/*/cases.tsv) check these exact texts.
namespace op::reason {

// A record whose bytes are not valid UTF-8 (every decoder checks before reading values).
constexpr std::string_view kInvalidUtf8 = "invalid UTF-8";

// Reasons are cut to about this many bytes, quoted values to kMaxQuotedBytes.
constexpr std::size_t kMaxReasonBytes = 200;
constexpr std::size_t kMaxQuotedBytes = 64;

std::string notANumber(std::string_view field);       // field 'amount' is not a number
std::string notWholeWon(std::string_view field);      // field 'amount' is not a whole number of won
std::string notWholeNumber(std::string_view field);   // field 'qty' is not a whole number
std::string outOfRange(std::string_view field);       // field 'amount' is out of range
std::string notAString(std::string_view field);       // field 'order_id' is not a string
std::string notAnArray(std::string_view field);       // field 'items' is not an array
std::string notAnObject(std::string_view field);      // field 'items' holds something that is not an object
std::string unknownType(std::string_view value);      // unknown type 'refund'
std::string unknownStatus(std::string_view value);    // unknown status 'lost'
std::string invalidEventTime(std::string_view value); // invalid event_time 'yesterday'

// `value` cut to kMaxQuotedBytes on a character boundary ("..." marks the cut), control
// characters shown as spaces, so a reason stays one short readable line.
std::string quoted(std::string_view value);
// Cuts a reason to kMaxReasonBytes on a character boundary.
void limitReason(std::string &reason);

} // namespace op::reason
