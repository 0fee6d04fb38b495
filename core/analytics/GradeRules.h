#pragma once

#include "model/Money.h"

#include <cstdint>

namespace op {

// Seed 003's customer grades over the recent horizon (default 183 days): VIP if sales >= 3,000,000
// and orders >= 15; GOLD >= 1,000,000 and >= 8; SILVER >= 300,000 and >= 3; otherwise BRONZE.
// Returns an index into kGradeNames (Report.h): 0 VIP, 1 GOLD, 2 SILVER, 3 BRONZE.
int gradeIndex(Money horizonSales, std::int64_t horizonOrders);

inline constexpr int kGradeBronze = 3;

} // namespace op
