#pragma once

#include "analytics/Engine.h"
#include "analytics/Snapshot.h"
#include "io/NdjsonDecoder.h"
#include "io/QuarantineRecord.h"
#include "model/OrderEvent.h"
#include "sources/KafkaClientSettings.h"
#include "sources/KafkaOffset.h"

#include <tl/expected.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct rd_kafka_s;
struct rd_kafka_queue_s;
struct rd_kafka_topic_partition_list_s;
struct rd_kafka_message_s;

namespace op {

enum class KafkaStartPosition {
    Committed, // the group's committed offset; earliest when there is none
    Earliest,  // the beginning of each partition first assigned to this process
    Latest,    // only messages produced after the partition is first assigned
};

struct KafkaSourceSettings
{
    KafkaClientSettings client;
    std::string topic;
    std::string groupId;
    KafkaStartPosition start = KafkaStartPosition::Committed;
    // true: processed offsets are committed every commitIntervalMs, on revocation and on close().
    // false: the owner commits what its sink made durable, through commit() (and the revoke hook).
    bool commitAfterProcessing = true;
    int commitIntervalMs = 1000;
};


// A consumer-group member reading OrderEvent JSON from one topic into an Engine, on the thread that
// calls poll() (the ingest thread; nothing here is thread-safe).
//
// - Cooperative-sticky assignment; each assigned partition is registered with the engine under its
//   partition number and events are processed with it, so the watermark is the minimum over
//   partitions. Each assigned partition has its own fetch queue and poll() reads them aligned on
//   event time (none more than a window ahead of the slowest one with messages to deliver):
//   librdkafka would otherwise hand over whole fetches of one partition at a time, so partitions
//   would drift far apart in event time, holding the watermark back and keeping many windows open.
//   A partition silent for EngineSettings::partitionIdleMs (wall clock) is marked idle and left out
//   of the watermark until its next message (not while a broker is down: an outage is not
//   idleness); a revoked one is marked idle too, a lost one only after a grace period.
// - Offsets are stored by hand, never automatically: only messages handed to the engine count as
//   processed. With commitAfterProcessing they are committed periodically, when partitions are
//   revoked and on close(). Without it the owner commits through commit() the offsets its sink made
//   durable (processedOffsets() tells what was processed when a batch was handed over).
// - A message that does not decode goes to the engine's quarantine with source "topic/partition",
//   line 0 and its Kafka offset; consumption goes on.
// - Broker errors never stop it: they are logged (qWarning), kept as lastError and shown as the
//   "reconnecting" state while a broker it uses is unreachable (librdkafka's broker statistics,
//   every 500 ms) or, for other errors, until messages flow again. Messages still queued for a
//   partition that was revoked or lost are dropped: whoever reads it next starts after the last
//   processed one, so nothing is counted twice.
class KafkaSource
{
public:
    KafkaSource(KafkaSourceSettings settings, Engine &engine);
    ~KafkaSource();
    KafkaSource(const KafkaSource &) = delete;
    KafkaSource &operator=(const KafkaSource &) = delete;

    // Creates the consumer and subscribes (the group join completes during poll()).
    tl::expected<void, std::string> start();

    // Handles messages for up to timeoutMs (returning early once some arrived and the queue is
    // drained, or maxRecords were handled; 0 = no limit). Returns how many records (events and
    // quarantined messages) were handled. Also marks idle partitions and commits periodically.
    std::int64_t poll(int timeoutMs, std::int64_t maxRecords = 0);

    // Final commit of what was processed (with commitAfterProcessing), then leaves the group.
    tl::expected<void, std::string> close();

    // --- commit hooks (Storage) ---
    // Next offsets of every partition with processed messages (assigned or not yet committed).
    std::vector<KafkaOffset> processedOffsets() const;
    // Commits the given offsets for this topic; `sync` waits for the coordinator's answer.
    tl::expected<void, std::string> commit(const std::vector<KafkaOffset> &offsets, bool sync);
    tl::expected<void, std::string> commitProcessed(bool sync);
    // Called inside a rebalance before partitions are given up, with their processed offsets
    // (manual commits: make them durable and commit() synchronously before returning).
    void setRevokeCallback(std::function<void(const std::vector<KafkaOffset> &)> callback);
    // Where to start a newly assigned partition, overriding the start position (e.g. the offset
    // stored with the data in PostgreSQL); std::nullopt = the start position's rule.
    void setStartOffsetLookup(std::function<std::optional<std::int64_t>(int partition)> lookup);
    // Every quarantined message, after the engine counted it (the CLI lists the first ones).
    void setQuarantineCallback(std::function<void(const QuarantineRecord &)> callback);
    // Every message, after the engine handled it (sinks build their batches from these): a decoded
    // record with the engine's outcome (`quarantined` null), or a quarantined one (`event` null).
    struct Processed
    {
        const OrderEvent *event = nullptr;
        Engine::Outcome outcome = Engine::Outcome::Ignored;
        const QuarantineRecord *quarantined = nullptr;
        int partition = 0;
        std::int64_t offset = 0;
    };
    void setRecordCallback(std::function<void(const Processed &)> callback);

    // --- metrics ---
    // Rates are over the time since the previous call; lag from the cached high watermarks.
    SourceHealth health();
    std::int64_t records() const { return m_records; }
    std::int64_t events() const { return m_events; }
    std::int64_t quarantined() const { return m_quarantined; }
    std::int64_t bytes() const { return m_bytes; }
    std::int64_t rebalances() const { return m_rebalances; }
    std::vector<int> assignedPartitions() const;
    const std::string &lastError() const { return m_lastError; }

private:
    using Clock = std::chrono::steady_clock;
    static constexpr TimestampMs kNoEventTime = std::numeric_limits<TimestampMs>::min();
    struct PartitionState
    {
        bool assigned = false;
        bool seenBefore = false; // assigned at least once in this process
        bool idle = false;
        bool lost = false; // lost in a rebalance, still in the watermark for a grace period
        std::int64_t next = -1;      // next offset after the last processed message; -1 = none
        std::int64_t committed = -1; // last committed next-offset
        Clock::time_point lastMessage{};
        rd_kafka_queue_s *queue = nullptr; // its own fetch queue while assigned
        std::vector<rd_kafka_message_s *> buffered; // taken from the queue, not handled yet
        std::size_t bufferedPos = 0;
        TimestampMs lastEventTime = kNoEventTime; // the largest event time handled
    };

    friend struct KafkaSourceCallbacks; // librdkafka's C callbacks, in the .cpp
    void onAssign(rd_kafka_topic_partition_list_s *partitions);
    void onRevoke(rd_kafka_topic_partition_list_s *partitions, bool lost);
    void handleMessage(const void *message);
    // One round over the assigned partitions' queues, aligned on event time (see the .cpp).
    std::int64_t consumeRound(std::int64_t limit);
    void releaseQueue(PartitionState &p);
    void attachQueues(rd_kafka_topic_partition_list_s *partitions);
    // Handles and frees one polled message; true when it was a record.
    bool takeMessage(void *message);
    void markIdlePartitions(Clock::time_point now);
    PartitionState &partition(int id);
    std::vector<KafkaOffset> pendingCommits(const std::vector<int> *only) const;
    void setError(std::string message);
    // librdkafka's statistics (every 500 ms): counts the brokers that were up and are not now.
    void onStatistics(std::string_view json);

    KafkaSourceSettings m_settings;
    Engine &m_engine;
    NdjsonDecoder m_decoder;
    OrderEvent m_event;
    rd_kafka_s *m_rk = nullptr;
    bool m_closed = false;
    bool m_closing = false;

    std::vector<PartitionState> m_partitions; // by partition number
    std::function<void(const std::vector<KafkaOffset> &)> m_revokeCallback;
    std::function<std::optional<std::int64_t>(int)> m_startOffsetLookup;
    std::function<void(const QuarantineRecord &)> m_quarantineCallback;
    std::function<void(const Processed &)> m_recordCallback;

    std::int64_t m_records = 0;
    std::int64_t m_events = 0;
    std::int64_t m_quarantined = 0;
    std::int64_t m_bytes = 0;
    std::int64_t m_rebalances = 0;
    std::string m_state = "connecting";
    std::string m_lastError;
    int m_brokersDown = 0; // from the latest statistics; while > 0 the state is "reconnecting"
    Clock::time_point m_lastCommit = Clock::now();
    Clock::time_point m_lastIdleCheck = Clock::now();
    Clock::time_point m_lastHealth = Clock::now();
    std::int64_t m_healthRecords = 0;
    std::int64_t m_healthBytes = 0;
};

} // namespace op
