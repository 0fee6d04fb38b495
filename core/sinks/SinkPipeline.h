#pragma once

#include "metrics/LatencyHistogram.h"
#include "sinks/Sink.h"
#include "sinks/SinkBatch.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace op {

// What a durable sink's error starts with when its stored offsets show that another worker stored
// the batch's partitions (docs/storage.md's guard): retrying cannot help, the pipeline fails.
inline constexpr std::string_view kOffsetConflict = "offset conflict";

// The sink thread of docs/storage.md. The ingest thread submit()s SinkBatches into a bounded queue
// (a full queue makes it wait: Kafka consumption pauses, memory stays bounded). The sink thread
// writes each batch to every durable sink in turn, all or nothing per sink, retrying the same batch
// with exponential backoff (0.2 s … 10 s) while a sink is down; health() then says "reconnecting".
// Once every durable sink holds a batch, its offsets become durable: the ingest thread collects them
// with takeDurableOffsets() and commits them to Kafka.
//
// Non-durable sinks (Redis) never slow the durable path: each has its own thread and a small queue
// of shared, read-only batches; when it is full (the sink is down or slow) the batch is dropped for
// that sink and counted in its health (`dropped`); the sink itself rewrites its state when it is back.
class SinkPipeline
{
public:
    struct Settings
    {
        std::size_t queueCapacity = 4;          // batches waiting for the sink thread
        std::size_t nonDurableCapacity = 8;     // per non-durable sink
        std::chrono::milliseconds initialBackoff{200};
        std::chrono::milliseconds maxBackoff{10000};
    };

    SinkPipeline();
    explicit SinkPipeline(Settings settings);
    ~SinkPipeline(); // stop(0 s): anything not yet durable is abandoned (Kafka re-delivers it)
    SinkPipeline(const SinkPipeline &) = delete;
    SinkPipeline &operator=(const SinkPipeline &) = delete;

    // Before start(). The pipeline owns the sinks; the pointer stays valid until the pipeline dies.
    Sink *addSink(std::unique_ptr<Sink> sink);
    bool hasDurableSink() const;
    void start();

    // --- ingest thread ---
    // Hands a batch over; waits while the queue is full. False once the pipeline failed or stopped
    // (the batch is not stored).
    bool submit(SinkBatch batch);
    // Waits until every batch submitted so far is in every durable sink (or the pipeline failed,
    // or `timeout` passed: then false).
    bool waitDurable(std::chrono::milliseconds timeout = std::chrono::hours(24));
    // Next offsets made durable since the last call, one per partition (the newest).
    std::vector<KafkaOffset> takeDurableOffsets();
    // The next offset the (first) durable sink stored for a partition, asked on the sink thread
    // (sinks are single-threaded); waits, retrying with backoff while the sink is unreachable.
    // nullopt: nothing stored, no durable sink, or the pipeline stopped.
    std::optional<std::int64_t> storedOffset(const std::string &topic, int partition);
    // Set when a durable sink reported an offset conflict: ingest must stop.
    std::optional<std::string> fatalError() const;
    std::vector<SinkHealth> health() const;
    std::int64_t batchesPending() const;
    std::size_t queueCapacity() const { return m_settings.queueCapacity; }
    // Time from taking a batch off the queue to its being in every durable sink (retries included).
    const LatencyHistogram &flushLatency() const { return m_flushLatency; }

    // Writes what is queued (waiting at most `drain` for unreachable sinks), then joins the
    // threads. Returns false when something submitted was not made durable.
    bool stop(std::chrono::milliseconds drain);

private:
    struct Item
    {
        std::optional<SinkBatch> batch;
        std::function<void()> task; // runs on the sink thread
    };
    class NonDurableWorker;

    void run();
    // Writes to every durable sink; false when abandoned (stop deadline or fatal error).
    bool writeDurable(const SinkBatch &batch);
    // Waits `delay` (then doubles it, up to maxBackoff); false when abandoned meanwhile.
    bool backoff(std::chrono::milliseconds &delay);
    bool abandoned() const;
    void publishHealth();

    Settings m_settings;
    LatencyHistogram m_flushLatency;
    std::vector<std::unique_ptr<Sink>> m_durable;
    std::vector<bool> m_opened; // per durable sink; sink thread only
    std::vector<std::unique_ptr<NonDurableWorker>> m_nonDurable;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_queue;
    std::int64_t m_submitted = 0; // batches
    std::int64_t m_durableCount = 0;
    std::vector<KafkaOffset> m_durableOffsets;
    std::optional<std::string> m_fatal;
    std::vector<SinkHealth> m_health;
    bool m_stopping = false;
    std::optional<std::chrono::steady_clock::time_point> m_drainDeadline;
    std::thread m_thread;
    bool m_started = false;
};

} // namespace op
