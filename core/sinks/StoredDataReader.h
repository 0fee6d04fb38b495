#pragma once

#include "model/OrderEvent.h"

#include <tl/expected.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace op {

// The counters a durable sink keeps beside the stored records (docs/storage.md).
struct StoredCounters
{
    std::int64_t duplicates = 0;
    std::int64_t quarantined = 0; // rows of `quarantine`
};

// Reads back what a durable sink (PostgreSQL, SQLite) stored, for `report`.
class StoredDataReader
{
public:
    using RecordVisitor = std::function<void(OrderEvent &event, bool late)>;

    virtual ~StoredDataReader() = default;
    virtual tl::expected<StoredCounters, std::string> counters() = 0;
    // Every stored record, sorted by (event_time, order_id, kind), streamed (never all in memory).
    virtual tl::expected<void, std::string> forEachRecord(const RecordVisitor &visit) = 0;
};

} // namespace op
