#pragma once

#include <string>
#include <string_view>

// Quarantine reasons of the NDJSON decoder, in words a person understands. Tests and the
// malformed corpus (tests/data/malformed/ndjson/cases.tsv) check these exact texts. Rule
// violations found after decoding use op::validateEvent's reasons, and an oversized line
// op::tooLongReason.
namespace op::ndjson {

constexpr std::string_view kInvalidUtf8 = "invalid UTF-8";
constexpr std::string_view kNotAnObject = "not a JSON object";
constexpr std::string_view kEmptyRecord = "empty record";

constexpr std::string_view kUnexpectedEnd = "malformed JSON: unexpected end of record";
constexpr std::string_view kNestingTooDeep = "malformed JSON: nesting too deep";
constexpr std::string_view kTrailingContent = "malformed JSON: trailing content after the object";
constexpr std::string_view kUnclosedString = "malformed JSON: unclosed string";
constexpr std::string_view kControlCharacter = "malformed JSON: unescaped control character in a string";
constexpr std::string_view kBadEscape = "malformed JSON: invalid escape sequence in a string";
constexpr std::string_view kBadLiteral = "malformed JSON: invalid literal (expected true, false or null)";
constexpr std::string_view kBadNumber = "malformed JSON: invalid number";
constexpr std::string_view kBadStructure =
    "malformed JSON: missing or misplaced comma, colon, bracket or key";
constexpr std::string_view kUnreadable = "malformed JSON: unreadable record";

// Deeper nesting than this is rejected (simdjson's default DOM limit).
constexpr int kMaxDepth = 1024;
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

// Diagnosis of records simdjson rejected, to name the problem in plain words (error path only;
// brackets inside strings are ignored):
// the deepest bracket nesting in `record`,
int nestingDepth(std::string_view record);
// and whether it starts with a complete object or array followed by more than whitespace
// (On-Demand reports that as an incomplete object: its last token is not the closing brace).
bool hasTrailingContent(std::string_view record);

} // namespace op::ndjson
