#pragma once

#include "model/Timestamp.h"

#include <optional>
#include <string>

namespace op {

// What the global filter bar asks for: orders of one region, category and/or merchant, placed in
// [from, to). Empty fields match everything. The figures under a filter are the engine's own,
// computed over the matching orders only (OrderFilter decides which events those are).
struct EventFilter
{
    std::string region;
    std::string category;
    std::string merchantId;
    std::optional<TimestampMs> from; // placement time, UTC ms, inclusive
    std::optional<TimestampMs> to;   // exclusive

    bool isEmpty() const { return region.empty() && category.empty() && merchantId.empty() && !from && !to; }
    friend bool operator==(const EventFilter &, const EventFilter &) = default;
};

} // namespace op
