#include "io/CsvNumbers.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace op {

namespace {

// __extension__: -Wpedantic knows no __int128 (and no alias declaration takes __extension__).
__extension__ typedef unsigned __int128 U128; // NOLINT(modernize-use-using)

constexpr int kMaxDecimals = 18;

U128 pow10(int n)
{
    U128 v = 1;
    for (int i = 0; i < n; ++i)
        v *= 10;
    return v;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

std::string_view trimCsvSpaces(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

std::string_view decimalErrorText(DecimalError error)
{
    switch (error) {
    case DecimalError::NotANumber:
        return "is not a number";
    case DecimalError::OutOfRange:
        return "is out of range";
    case DecimalError::TooManyDecimals:
        return "has more than 18 decimal places";
    }
    return "is not a number";
}

ScaledDecimal parseScaledDecimal(std::string_view text, std::int64_t scale)
{
    ScaledDecimal out;
    std::string_view s = trimCsvSpaces(text);
    bool negative = false;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    std::size_t i = 0;
    const std::size_t intStart = i;
    while (i < s.size() && isDigit(s[i]))
        ++i;
    std::string_view intDigits = s.substr(intStart, i - intStart);
    std::string_view fracDigits;
    if (i < s.size() && s[i] == '.') {
        const std::size_t fracStart = ++i;
        while (i < s.size() && isDigit(s[i]))
            ++i;
        fracDigits = s.substr(fracStart, i - fracStart);
    }
    if (i != s.size() || (intDigits.empty() && fracDigits.empty()) || scale < 1) {
        out.error = DecimalError::NotANumber;
        return out;
    }
    while (!intDigits.empty() && intDigits.front() == '0')
        intDigits.remove_prefix(1);
    while (!fracDigits.empty() && fracDigits.back() == '0')
        fracDigits.remove_suffix(1);
    if (intDigits.size() > 19) {
        out.error = DecimalError::OutOfRange;
        return out;
    }
    if (fracDigits.size() > static_cast<std::size_t>(kMaxDecimals)) {
        out.error = DecimalError::TooManyDecimals;
        return out;
    }
    // value = mantissa / 10^f, exactly; mantissa < 10^19 * 10^18 fits in 128 bits.
    U128 mantissa = 0;
    for (const char c : intDigits)
        mantissa = mantissa * 10 + static_cast<unsigned>(c - '0');
    for (const char c : fracDigits)
        mantissa = mantissa * 10 + static_cast<unsigned>(c - '0');
    const int f = static_cast<int>(fracDigits.size());
    const auto uscale = static_cast<U128>(scale);
    if (mantissa != 0 && uscale > std::numeric_limits<U128>::max() / mantissa) {
        out.error = DecimalError::OutOfRange;
        return out;
    }
    const U128 product = mantissa * uscale;
    const U128 unit = pow10(f);
    U128 q = product / unit;
    const U128 r = product % unit;
    if (r * 2 >= unit) // half away from zero: the sign is applied afterwards
        ++q;
    if (q > static_cast<U128>(std::numeric_limits<std::int64_t>::max())) {
        out.error = DecimalError::OutOfRange;
        return out;
    }
    const auto magnitude = static_cast<std::int64_t>(q);
    out.value = negative ? -magnitude : magnitude;
    return out;
}

std::optional<std::int32_t> parseCsvInt32(std::string_view text)
{
    std::string_view s = trimCsvSpaces(text);
    if (!s.empty() && s.front() == '+') {
        s.remove_prefix(1);
        if (!s.empty() && s.front() == '-')
            return std::nullopt;
    }
    std::int32_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty())
        return std::nullopt;
    return v;
}

std::optional<double> parseCsvDouble(std::string_view text)
{
    std::string_view s = trimCsvSpaces(text);
    if (!s.empty() && s.front() == '+') {
        s.remove_prefix(1);
        if (!s.empty() && s.front() == '-')
            return std::nullopt;
    }
    double v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

} // namespace op
