#pragma once

#include <string>
#include <string_view>

// Quarantine reasons of the NDJSON decoder for JSON syntax, in words a person understands;
// reasons about a field's value are in io/FieldReasons.h. Tests and the
// malformed corpus (tests/data/malformed/ndjson/cases.tsv) check these exact texts. Rule
// violations found after decoding use op::validateEvent's reasons, and an oversized line
// op::tooLongReason.
namespace op::ndjson {

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
// Diagnosis of records simdjson rejected, to name the problem in plain words (error path only;
// brackets inside strings are ignored):
// the deepest bracket nesting in `record`,
int nestingDepth(std::string_view record);
// and whether it starts with a complete object or array followed by more than whitespace
// (On-Demand reports that as an incomplete object: its last token is not the closing brace).
bool hasTrailingContent(std::string_view record);

// The reason for a record simdjson rejected with `simdjsonError` (a simdjson::error_code, passed
// as an int to keep simdjson out of this header), in plain words.
std::string_view syntaxReason(int simdjsonError, std::string_view record);

} // namespace op::ndjson
