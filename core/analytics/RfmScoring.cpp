#include "analytics/RfmScoring.h"

#include <algorithm>

namespace op {

int ntileGroup(std::size_t position, std::size_t rowCount, int groups)
{
    const auto g = static_cast<std::size_t>(groups);
    const std::size_t base = rowCount / g;
    const std::size_t extra = rowCount % g;
    const std::size_t bigRows = extra * (base + 1); // rows in the first `extra`, larger groups
    if (position < bigRows)
        return static_cast<int>(position / (base + 1)) + 1;
    return static_cast<int>(extra + (position - bigRows) / base) + 1;
}

std::vector<std::uint8_t> ntileScores(const std::vector<std::int64_t> &metric,
                                      const std::vector<std::uint32_t> &idRank, int groups)
{
    // 16-byte keys sort several times faster than comparing customer_id strings.
    struct Key
    {
        std::int64_t metric;
        std::uint32_t idRank;
        std::uint32_t index;
    };
    std::vector<Key> keys(metric.size());
    for (std::size_t i = 0; i < metric.size(); ++i)
        keys[i] = Key{metric[i], idRank[i], static_cast<std::uint32_t>(i)};
    std::sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) {
        return a.metric != b.metric ? a.metric < b.metric : a.idRank < b.idRank;
    });
    std::vector<std::uint8_t> scores(metric.size());
    for (std::size_t pos = 0; pos < keys.size(); ++pos)
        scores[keys[pos].index] = static_cast<std::uint8_t>(ntileGroup(pos, keys.size(), groups));
    return scores;
}

int segmentIndex(int r, int f)
{
    // Indices into kSegmentNames: 0 Hibernating, 1 At Risk, 2 Can't Lose Them, 3 About to Sleep,
    // 4 Need Attention, 5 Loyal, 6 Promising, 7 New, 8 Potential Loyalist, 9 Champions.
    if (r <= 2)
        return f <= 2 ? 0 : (f <= 4 ? 1 : 2);
    if (r == 3)
        return f <= 2 ? 3 : (f == 3 ? 4 : 5);
    if (f == 1)
        return r == 4 ? 6 : 7;
    if (f <= 3)
        return 8;
    return r == 4 ? 5 : 9;
}

} // namespace op
