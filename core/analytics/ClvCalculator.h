#pragma once

#include "model/Money.h"
#include "model/Timestamp.h"

namespace op {

// Customer lifetime value = AOV x orders per 30 days x lifetime months, where AOV = M / F and
// orders per 30 days = F / (span / 30 days), span = max(last - first placement, 30 days). F cancels
// out, so it is computed exactly as roundDiv(M x 30 days x months, span) in 128-bit integers
// (half away from zero), saturated to the int64 range.
Money customerLifetimeValue(Money monetary, TimestampMs firstOrder, TimestampMs lastOrder,
                            int lifetimeMonths);

// num / den rounded half away from zero, den > 0.
Int128 roundDiv128(Int128 num, Int128 den);

} // namespace op
