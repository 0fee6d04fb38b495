#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace op {

// RFM scoring as SQL computes it (ENGINE_SEMANTICS.md): NTILE(5) OVER (ORDER BY metric ASC,
// customer_id ASC). n rows are split into `groups` groups in order; the first (n mod groups) groups
// get one extra row; the 1-based group number is the score. With n < groups, scores are 1..n.
int ntileGroup(std::size_t position, std::size_t rowCount, int groups = 5);

// Scores for every customer: metric[i] is customer i's metric, idRank[i] the position of its
// customer_id in byte order (the tie-breaker). Returns score[i] in 1..5.
std::vector<std::uint8_t> ntileScores(const std::vector<std::int64_t> &metric,
                                      const std::vector<std::uint32_t> &idRank, int groups = 5);

// The segment of an (r, f) score pair (1..5 each), as an index into kSegmentNames (Report.h).
// DESIGN.md's table covers all 25 pairs.
int segmentIndex(int r, int f);

} // namespace op
