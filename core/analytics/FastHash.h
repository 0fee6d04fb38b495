#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace op {

// A fast 64-bit hash for the short keys of the hot path (order ids, customer ids, IPs, item
// names). std::hash would do, but this one reads 8 bytes at a time and ends with the
// splitmix64 finalizer, so the low bits are good enough for power-of-two open addressing.
inline std::uint64_t fastHash(std::string_view key)
{
    constexpr std::uint64_t kMul1 = 0x9E3779B97F4A7C15ULL;
    constexpr std::uint64_t kMul2 = 0xC2B2AE3D27D4EB4FULL;
    const char *p = key.data();
    std::size_t n = key.size();
    std::uint64_t h = 0x27D4EB2F165667C5ULL ^ (static_cast<std::uint64_t>(n) * kMul1);
    while (n >= 8) {
        std::uint64_t v;
        std::memcpy(&v, p, 8);
        h ^= v * kMul2;
        h = ((h << 31) | (h >> 33)) * kMul1;
        p += 8;
        n -= 8;
    }
    if (n > 0) {
        std::uint64_t v = 0;
        std::memcpy(&v, p, n);
        h ^= v * kMul2;
        h = ((h << 31) | (h >> 33)) * kMul1;
    }
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBULL;
    h ^= h >> 31;
    return h;
}

} // namespace op
