#pragma once

#include "analytics/Engine.h"
#include "sinks/SinkBatch.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace op {

class SinkPipeline;

// Builds SinkBatches on the ingest thread from what the engine did with each message (docs/storage.md)
// and hands them to the SinkPipeline: when maxRecords messages are collected (from inside the
// source's callbacks, so a full sink queue pauses consumption right there) or, through
// maybeFlush(), when the oldest collected message waited maxDelay.
class BatchCollector
{
public:
    struct Settings
    {
        std::size_t maxRecords = 5000;
        std::chrono::milliseconds maxDelay{200};
        // The engine's allowed lateness: a stored record is late when its event time is older than
        // the newest earlier record of its own partition minus this (see onRecord).
        TimestampMs allowedLatenessMs = 10000;
    };

    BatchCollector(std::string topic, SinkPipeline &pipeline, Settings settings);
    BatchCollector(std::string topic, SinkPipeline &pipeline);

    // Every message of a partition, in order: a decoded record (with the engine's outcome) ...
    //
    // The late flag stored with a record is judged per partition, not by the engine's watermark:
    // the engine's watermark depends on which partitions this worker holds and when it got them (a
    // partition taken over from a killed worker arrives behind the others), so its flag would make
    // the stored data, and the report rebuilt from it, depend on worker timing. Within a partition
    // the order is fixed by Kafka, so this flag is the same whoever reads the partition. For one
    // partition (a file) it is exactly the engine's judgement.
    void onRecord(const OrderEvent &event, Engine::Outcome outcome, int partition, std::int64_t offset);
    // ... or a quarantined one.
    void onQuarantine(const QuarantineRecord &record, int partition, std::int64_t offset);
    void onAlert(const Alert &alert);

    // Submits when the batch is old enough. False once the pipeline refused a batch (failed/stopped).
    bool maybeFlush();
    // Submits what is collected now (waits while the sink queue is full).
    bool flush();

    std::size_t pendingMessages() const { return m_messages; }
    bool failed() const { return m_failed; }

private:
    void noteOffset(int partition, std::int64_t offset);
    void afterMessage();

    std::string m_topic;
    SinkPipeline &m_pipeline;
    Settings m_settings;
    SinkBatch m_batch;
    std::vector<TimestampMs> m_partitionMax; // newest event time stored per partition
    std::size_t m_messages = 0;
    std::chrono::steady_clock::time_point m_firstMessage{};
    bool m_failed = false;
};

} // namespace op
