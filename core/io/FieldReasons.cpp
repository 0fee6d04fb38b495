#include "io/FieldReasons.h"

namespace op::reason {

namespace {

// Largest n <= max such that text[0, n) does not end inside a UTF-8 sequence.
std::size_t characterBoundary(std::string_view text, std::size_t max)
{
    if (text.size() <= max)
        return text.size();
    std::size_t n = max;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80)
        --n;
    return n;
}

std::string fieldReason(std::string_view field, std::string_view what)
{
    std::string r = "field '";
    r += field;
    r += "' ";
    r += what;
    return r;
}

std::string valueReason(std::string_view what, std::string_view value)
{
    std::string r(what);
    r += " '";
    r += quoted(value);
    r += '\'';
    return r;
}

} // namespace

std::string notANumber(std::string_view field)
{
    return fieldReason(field, "is not a number");
}

std::string notWholeWon(std::string_view field)
{
    return fieldReason(field, "is not a whole number of won");
}

std::string notWholeNumber(std::string_view field)
{
    return fieldReason(field, "is not a whole number");
}

std::string outOfRange(std::string_view field)
{
    return fieldReason(field, "is out of range");
}

std::string notAString(std::string_view field)
{
    return fieldReason(field, "is not a string");
}

std::string notAnArray(std::string_view field)
{
    return fieldReason(field, "is not an array");
}

std::string notAnObject(std::string_view field)
{
    return fieldReason(field, "holds something that is not an object");
}

std::string unknownType(std::string_view value)
{
    return valueReason("unknown type", value);
}

std::string unknownStatus(std::string_view value)
{
    return valueReason("unknown status", value);
}

std::string invalidEventTime(std::string_view value)
{
    return valueReason("invalid event_time", value);
}

std::string quoted(std::string_view value)
{
    const std::size_t n = characterBoundary(value, kMaxQuotedBytes);
    std::string out(value.substr(0, n));
    for (char &c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
            c = ' ';
    if (n < value.size())
        out += "...";
    return out;
}

void limitReason(std::string &reason)
{
    const std::size_t n = characterBoundary(reason, kMaxReasonBytes);
    if (n < reason.size()) {
        reason.resize(n);
        reason += "...";
    }
}

} // namespace op::reason
