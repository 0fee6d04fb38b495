#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace op {

// Cell conversions for CSV columns. Surrounding spaces and tabs are ignored; anything else
// that is not part of the number makes the cell invalid.

enum class DecimalError : std::uint8_t
{
    NotANumber,
    OutOfRange,
    TooManyDecimals
};

// Result of parseScaledDecimal: a value, or why there is none.
struct ScaledDecimal
{
    std::int64_t value = 0;
    std::optional<DecimalError> error;
};

// Reads plain decimal text ("2.55", "-3", "+1.", ".5"; no exponent, no grouping) exactly,
// multiplies it by `scale` (>= 1) and rounds half away from zero: ("2.55", 100) -> 255,
// ("0.125", 100) -> 13, ("-0.125", 100) -> -13. The text is never turned into a double, so
// money keeps every digit. At most 18 decimal places (trailing zeros aside).
ScaledDecimal parseScaledDecimal(std::string_view text, std::int64_t scale);

// "3", "-2", "+7"; nothing else.
std::optional<std::int32_t> parseCsvInt32(std::string_view text);

// A finite decimal number in any form std::from_chars accepts ("2.4", "1e3"); no inf or nan.
std::optional<double> parseCsvDouble(std::string_view text);

// Words for a DecimalError, e.g. "is not a number".
std::string_view decimalErrorText(DecimalError error);

std::string_view trimCsvSpaces(std::string_view text);

} // namespace op
