#pragma once

#include "io/Generator.h"
#include "model/OrderEvent.h"
#include "model/Timestamp.h"

#include <vector>

// Helpers shared by the generator tests.
namespace optest {

constexpr op::TimestampMs kSeoulOffset = 9 * op::kMsPerHour;

inline std::vector<op::GeneratedRecord> generateAll(const op::GeneratorOptions &options)
{
    op::Generator g(options);
    std::vector<op::GeneratedRecord> out;
    op::GeneratedRecord r;
    while (g.next(r))
        out.push_back(r);
    return out;
}

inline std::vector<op::OrderEvent> goodEvents(const std::vector<op::GeneratedRecord> &records)
{
    std::vector<op::OrderEvent> out;
    for (const auto &r : records)
        if (r.bad == op::BadKind::None)
            out.push_back(r.event);
    return out;
}

inline op::TimestampMs floorDivMs(op::TimestampMs a, op::TimestampMs b)
{
    return op::floorTo(a, b) / b;
}

inline int seoulHour(op::TimestampMs t)
{
    return static_cast<int>((t + kSeoulOffset - op::floorTo(t + kSeoulOffset, op::kMsPerDay)) /
                            op::kMsPerHour);
}

// 0 = Monday (1970-01-01 was a Thursday).
inline int seoulWeekday(op::TimestampMs t)
{
    const op::TimestampMs day = floorDivMs(t + kSeoulOffset, op::kMsPerDay);
    return static_cast<int>(((day + 3) % 7 + 7) % 7);
}

// 100,000 orders over the default 30 days: enough for stable shares.
inline op::GeneratorOptions realisticOptions()
{
    op::GeneratorOptions o;
    o.orders = 100000;
    o.seed = 2026;
    return o;
}

} // namespace optest
