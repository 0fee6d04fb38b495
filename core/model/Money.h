#pragma once

#include <cstdint>
#include <string>

namespace op {

// An amount of money in whole Korean won. Never a floating-point number.
using Money = std::int64_t;

// 128-bit intermediate for exact products of money and time (e.g. CLV); a GCC/Clang extension.
__extension__ typedef __int128 Int128;

// Rounds num / den to the nearest integer, halves away from zero (den > 0).
constexpr std::int64_t roundDiv(std::int64_t num, std::int64_t den)
{
    if (den <= 0)
        return 0;
    const std::int64_t half = den / 2;
    return num >= 0 ? (num + half) / den : -((-num + half) / den);
}

// "₩1,234,000" style grouping without the currency sign: "1,234,000".
std::string groupThousands(Money value);

} // namespace op
