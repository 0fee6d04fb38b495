#pragma once

#include "sinks/Sink.h"

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

namespace op {

// What the health page shows for Redis (seed 003's redis monitor: memory and hit rate), beside
// the common SinkHealth. `sink.dropped` counts dropped batches (Redis down, slow, or the queue
// full); the INFO figures are polled every RedisSinkSettings::healthPollMs.
struct RedisHealth
{
    SinkHealth sink;
    std::string url;                 // redacted
    std::int64_t recordsDropped = 0; // records of the dropped batches
    std::int64_t snapshotsWritten = 0;
    std::int64_t alertsPublished = 0;
    std::int64_t fullRewrites = 0;  // state written again in full after (re)connecting
    std::int64_t reconnects = 0;    // successful connections after the first
    std::int64_t commandErrors = 0; // error replies (e.g. WRONGTYPE on a foreign key)
    std::optional<std::int64_t> keyspaceHits;
    std::optional<std::int64_t> keyspaceMisses;
    std::optional<std::int64_t> usedMemoryBytes;
    std::string usedMemoryHuman;     // Redis's own "2.25M"
    std::int64_t infoWallTimeMs = 0; // when the INFO figures were read

    // hits / (hits + misses); none before the first INFO or without any lookup.
    [[nodiscard]] std::optional<double> hitRate() const
    {
        if (!keyspaceHits || !keyspaceMisses || *keyspaceHits + *keyspaceMisses == 0)
            return std::nullopt;
        return static_cast<double>(*keyspaceHits) / static_cast<double>(*keyspaceHits + *keyspaceMisses);
    }

    // One line in the manner of seed 003's redis monitor, for logs and the CLI:
    // "Redis connected | MEM: 2.25M | HIT: 100.0% | written 12 batches | dropped 0".
    [[nodiscard]] std::string summary() const
    {
        std::string line = "Redis " + sink.state;
        line += " | MEM: " + (usedMemoryHuman.empty() ? std::string("?") : usedMemoryHuman);
        if (const auto rate = hitRate()) {
            char percent[16];
            std::snprintf(percent, sizeof percent, "%.1f%%", *rate * 100.0);
            line += std::string(" | HIT: ") + percent;
        } else {
            line += " | HIT: -";
        }
        line += " | written " + std::to_string(sink.batchesWritten) + " batches | dropped "
                + std::to_string(sink.dropped);
        if (!sink.lastError.empty())
            line += " | " + sink.lastError;
        return line;
    }
};

} // namespace op
