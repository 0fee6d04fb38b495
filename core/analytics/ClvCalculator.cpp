#include "analytics/ClvCalculator.h"

#include <algorithm>
#include <limits>

namespace op {

Int128 roundDiv128(Int128 num, Int128 den)
{
    if (den <= 0)
        return 0;
    const Int128 half = den / 2;
    return num >= 0 ? (num + half) / den : -((-num + half) / den);
}

Money customerLifetimeValue(Money monetary, TimestampMs firstOrder, TimestampMs lastOrder, int lifetimeMonths)
{
    constexpr TimestampMs kThirtyDays = 30 * kMsPerDay;
    const TimestampMs span = std::max<TimestampMs>(lastOrder - firstOrder, kThirtyDays);
    // |M| < 2^63, 30 days < 2^32, months < 2^31: the product stays below 2^126.
    const Int128 num = static_cast<Int128>(monetary) * kThirtyDays * lifetimeMonths;
    const Int128 clv = roundDiv128(num, span);
    constexpr auto kMax = std::numeric_limits<Money>::max();
    constexpr auto kMin = std::numeric_limits<Money>::min();
    return static_cast<Money>(std::clamp<Int128>(clv, kMin, kMax));
}

} // namespace op
