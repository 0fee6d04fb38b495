#include "io/NdjsonReasons.h"

#include "io/FieldReasons.h"

#include <simdjson.h>

#include <algorithm>

namespace op::ndjson {

int nestingDepth(std::string_view p)
{
    bool inString = false;
    int depth = 0;
    int deepest = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const char c = p[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

bool hasTrailingContent(std::string_view p)
{
    bool inString = false;
    int depth = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const char c = p[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0) {
                for (std::size_t j = i + 1; j < p.size(); ++j)
                    if (p[j] != ' ' && p[j] != '\t' && p[j] != '\r' && p[j] != '\n')
                        return true;
                return false;
            }
        }
    }
    return false;
}

std::string_view syntaxReason(int simdjsonError, std::string_view record)
{
    const auto error = static_cast<simdjson::error_code>(simdjsonError);
    switch (error) {
    case simdjson::UTF8_ERROR:
        return reason::kInvalidUtf8;
    case simdjson::UNCLOSED_STRING:
        return kUnclosedString;
    case simdjson::UNESCAPED_CHARS:
        return kControlCharacter;
    case simdjson::EMPTY:
        return kEmptyRecord;
    default:
        break;
    }
    // On-Demand does not track depth: a structural error inside absurd nesting is reported
    // as what it most likely is.
    if (nestingDepth(record) > kMaxDepth)
        return kNestingTooDeep;
    switch (error) {
    case simdjson::DEPTH_ERROR:
        return kNestingTooDeep;
    case simdjson::STRING_ERROR:
        return kBadEscape;
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
        return kBadLiteral;
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE:
        return kBadNumber;
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
        return hasTrailingContent(record) ? kTrailingContent : kUnexpectedEnd;
    case simdjson::TRAILING_CONTENT:
        return kTrailingContent;
    case simdjson::TAPE_ERROR:
    case simdjson::INCORRECT_TYPE:
        return kBadStructure;
    default:
        return kUnreadable;
    }
}

} // namespace op::ndjson
