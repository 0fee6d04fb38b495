#include "analytics/GradeRules.h"

#include <array>

namespace op {

namespace {
struct GradeThreshold
{
    Money sales;
    std::int64_t orders;
};
// In kGradeNames order; the first one met wins.
constexpr std::array<GradeThreshold, 3> kThresholds{{{3'000'000, 15}, {1'000'000, 8}, {300'000, 3}}};
} // namespace

int gradeIndex(Money horizonSales, std::int64_t horizonOrders)
{
    for (std::size_t i = 0; i < kThresholds.size(); ++i) {
        if (horizonSales >= kThresholds[i].sales && horizonOrders >= kThresholds[i].orders)
            return static_cast<int>(i);
    }
    return kGradeBronze;
}

} // namespace op
