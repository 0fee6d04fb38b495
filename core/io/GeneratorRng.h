#pragma once

#include <cstdint>

namespace op {

// SplitMix64 (Steele, Lea & Flood 2014) with integer-only draws. The std:: distributions differ
// between standard libraries and floating-point maths can differ between CPUs (FMA contraction,
// libm), so the generator draws only integers from this and converts at the very end.
class GeneratorRng
{
public:
    explicit GeneratorRng(std::uint64_t seed)
        : m_state(seed)
    {
    }

    static constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

    static constexpr std::uint64_t mix(std::uint64_t z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // A well-spread value for a (seed, salt, index) triple: attributes that never change
    // (a customer's home district, a day's weather) come from this instead of a stream.
    static constexpr std::uint64_t hash(std::uint64_t seed, std::uint64_t salt, std::uint64_t index = 0)
    {
        return mix(mix(seed ^ mix(salt + kGolden)) + index * kGolden);
    }

    std::uint64_t next()
    {
        m_state += kGolden;
        return mix(m_state);
    }
    // Uniform in [0, n) for n <= 2^32 (multiply-shift; the bias is below n / 2^32).
    std::uint32_t below(std::uint64_t n) { return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32); }
    // Uniform in [0, n) for any n > 0; the modulo bias is negligible for the sizes used here.
    std::uint64_t below64(std::uint64_t n) { return next() % n; }
    // Uniform in [lo, hi], both inclusive.
    std::int64_t between(std::int64_t lo, std::int64_t hi)
    {
        return lo + static_cast<std::int64_t>(below64(static_cast<std::uint64_t>(hi - lo) + 1));
    }
    // The sum of `count` draws below n: a cheap bell shape (Irwin–Hall). Summed in a loop because
    // the operands of `a() + b()` may be evaluated in either order, which would make GCC and Clang
    // builds disagree wherever the two draws differ in meaning.
    std::int64_t sumBelow(std::uint64_t n, int count)
    {
        std::int64_t sum = 0;
        for (int i = 0; i < count; ++i)
            sum += below(n);
        return sum;
    }
    // True with probability perTenThousand / 10000.
    bool chance(std::uint32_t perTenThousand) { return below(10000) < perTenThousand; }

private:
    std::uint64_t m_state;
};

} // namespace op
