#pragma once

#include <cstdint>

namespace op::generatormath {

// 128-bit intermediates keep the exact-count allocations exact for any span and order count;
// both GCC and Clang provide the type on 64-bit targets (`__extension__` silences -Wpedantic).
__extension__ using U128 = unsigned __int128;

// floor(a * b / c) without overflow, c > 0.
constexpr std::uint64_t mulDiv(std::uint64_t a, std::uint64_t b, std::uint64_t c)
{
    return static_cast<std::uint64_t>(static_cast<U128>(a) * b / c);
}

constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

constexpr std::int64_t floorMod(std::int64_t a, std::int64_t b)
{
    return a - floorDiv(a, b) * b;
}

} // namespace op::generatormath
