#pragma once

#include <cmath>
#include <cstdint>

namespace op {

// Fractional inputs are summed as integers so that sums, means and rates are the same bits in any
// arrival order (ENGINE_SEMANTICS.md "Exactness under reordering"): delivery minutes in thousandths,
// ratings in hundredths, each llround()ed once. Absurd magnitudes are clamped so that sums of many
// of them cannot overflow; NaN counts as 0.
inline constexpr std::int64_t kMaxFixedPoint = 1'000'000'000'000'000; // 10^15

inline std::int64_t toFixedPoint(double value, double scale)
{
    const double scaled = value * scale;
    if (!(scaled > 0))
        return 0; // negative (rejected by validation anyway) or NaN
    if (scaled >= static_cast<double>(kMaxFixedPoint))
        return kMaxFixedPoint;
    return std::llround(scaled);
}

inline std::int64_t toThousandths(double value)
{
    return toFixedPoint(value, 1000.0);
}

inline std::int64_t toHundredths(double value)
{
    return toFixedPoint(value, 100.0);
}

} // namespace op
