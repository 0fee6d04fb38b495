#pragma once

#include "sinks/SinkBatch.h"

#include <tl/expected.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace op {

struct SinkHealth
{
    std::string name;  // "PostgreSQL", "SQLite", "Redis"
    std::string state; // "connecting", "connected", "reconnecting", "error"
    std::string lastError;          // connection strings redacted
    std::int64_t batchesWritten = 0;
    std::int64_t recordsWritten = 0;
    std::int64_t dropped = 0;       // non-durable sinks only (Redis down or slow)
    double lastFlushMs = 0;
};

// A storage backend behind the sink thread (docs/storage.md). Called from one thread only.
class Sink
{
public:
    virtual ~Sink() = default;

    virtual std::string name() const = 0;
    // Durable sinks (PostgreSQL, SQLite) hold the records, counters and offsets the report is
    // rebuilt from: Kafka offsets are committed only after they wrote a batch. Redis is not.
    virtual bool durable() const = 0;
    // Connects and applies migrations. An error is retried by the pipeline with backoff.
    virtual tl::expected<void, std::string> open() = 0;
    // Writes a batch; for a durable sink all or nothing (on error nothing of it is stored and the
    // pipeline retries the same batch after reconnecting).
    virtual tl::expected<void, std::string> write(const SinkBatch &batch) = 0;
    // The next offset stored for a partition of a topic (exactly-once resume); nullopt = none.
    virtual std::optional<std::int64_t> storedOffset(const std::string &topic, int partition)
    {
        (void)topic;
        (void)partition;
        return std::nullopt;
    }
    virtual SinkHealth health() const = 0;
};

} // namespace op
