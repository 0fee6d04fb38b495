#pragma once

#include "analytics/Report.h"
#include "analytics/Snapshot.h"
#include "metrics/LatencyHistogram.h"

#include <cstdint>
#include <string>
#include <vector>

namespace op {

// The state of one connection as the metrics endpoint and the health page show it.
struct ConnectionState
{
    std::string component; // "kafka", "postgresql", "redis", "sqlite"
    std::string state;     // "connected", "connecting", "reconnecting", "error", ...
};

// Everything `ingest --metrics-port` exposes, gathered on the ingest thread.
struct IngestMetricsInput
{
    EventCounts events;
    std::int64_t messages = 0; // Kafka messages handled (events + quarantined)
    std::int64_t bytes = 0;
    double messagesPerSecond = 0;
    std::vector<PartitionLag> lag;
    double watermarkDelaySeconds = 0; // newest event time minus the watermark
    std::int64_t rebalances = 0;
    std::int64_t sinkQueueDepth = 0;
    std::int64_t sinkQueueCapacity = 0;
    LatencyHistogram::Counts flushLatency;
    std::int64_t sinkDropped = 0; // non-durable sinks (Redis)
    std::vector<ConnectionState> connections;
    std::int64_t alertsIpVelocity = 0;
    std::int64_t alertsHighValue = 0;
    std::int64_t residentBytes = 0;
};

// Prometheus text for the input, names per Prometheus conventions (orderpulse_ prefix, _total
// counters, _seconds/_bytes units).
std::string renderIngestMetrics(const IngestMetricsInput &in);

// The process's resident set size in bytes (/proc/self/statm), 0 when unknown.
std::int64_t processResidentBytes();

} // namespace op
