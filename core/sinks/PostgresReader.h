#pragma once

#include "sinks/PostgresUrl.h"
#include "sinks/StoredDataReader.h"

namespace op {

// Reads back what PostgresSink stored, for `report`: the counters, and every record of
// `order_events` sorted by (event_time_ms, order_id, kind) in byte order, fetched through a
// server-side cursor (never all in memory) in one read-only snapshot.
class PostgresReader : public StoredDataReader
{
public:
    explicit PostgresReader(PostgresUrl url);

    tl::expected<StoredCounters, std::string> counters() override;
    tl::expected<void, std::string> forEachRecord(const RecordVisitor &visit) override;

private:
    PostgresUrl m_url;
};

} // namespace op
