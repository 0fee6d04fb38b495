#pragma once

#include "analytics/Snapshot.h"

#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <tl/expected.hpp>

namespace op {

// The `snapshot` key: an op::Snapshot as compact JSON (docs/redis.md), so that a dashboard that
// only reads Redis (the GUI's Redis-viewer mode) draws every page as the live engine would.
// Rows are arrays, not objects, to keep the value small; times are epoch milliseconds, money
// integer won, doubles in shortest round-trip form, absent values null. decode(encode(s)) gives
// back s field for field, except that the customer table holds at most `maxCustomers` rows (the
// highest monetary value, still ordered by customer_id; "customers.rows" says how many the full
// table has).
class RedisSnapshotCodec
{
public:
    static constexpr int kVersion = 1;

    static std::string encode(const Snapshot &snapshot,
                              std::size_t maxCustomers = std::numeric_limits<std::size_t>::max());
    static tl::expected<std::shared_ptr<Snapshot>, std::string> decode(std::string_view json);
};

} // namespace op
