#pragma once

#include "analytics/Snapshot.h"
#include "sinks/RedisHealth.h"
#include "sinks/RedisSinkSettings.h"
#include "sinks/Sink.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>

namespace op {

class RedisStateWriter;

// Live state in Redis for dashboards (docs/redis.md): order:{id} with a TTL, realtime_stats,
// customer:{id}, the `alerts` channel and the `snapshot` key, all under a prefix.
//
// Redis is not durable and must never slow or stop ingest: the sink owns a thread and a small
// bounded queue. write()/offer() and publishSnapshot() only hand over and return at once; a batch
// that finds the queue full, or Redis down or slow (connect and command timeouts), is dropped and
// counted. When Redis answers again the whole state (latest window, customers, snapshot) is
// written again from the latest snapshot. Snapshots are "latest wins": only the newest one
// waiting is written.
//
//   auto settings = RedisSinkSettings::fromUrl("redis://:pw@127.0.0.1:6379/0", "orderpulse:");
//   RedisSink redis(*settings);
//   redis.open();                       // starts the thread; connects in the background
//   redis.write(batch);                 // per SinkBatch (records, alerts)
//   redis.publishSnapshot(engine.snapshot()); // every ~1 s and once after finish()
//   redis.waitIdle(5000);               // before exit, to send what is queued
class RedisSink final : public Sink
{
public:
    explicit RedisSink(RedisSinkSettings settings);
    ~RedisSink() override; // stops the thread (what is still queued is dropped)
    RedisSink(const RedisSink &) = delete;
    RedisSink &operator=(const RedisSink &) = delete;

    std::string name() const override { return "Redis"; }
    bool durable() const override { return false; }
    // Starts the thread. Never fails and never waits for Redis: connection trouble shows in health().
    tl::expected<void, std::string> open() override;
    // Copies the batch into the queue (or drops it); always succeeds.
    tl::expected<void, std::string> write(const SinkBatch &batch) override;
    // Moves the batch into the queue; false when it was dropped (queue full).
    bool offer(SinkBatch batch);
    // The newest snapshot replaces one still waiting.
    void publishSnapshot(std::shared_ptr<const Snapshot> snapshot);
    // Waits until everything handed over so far is written or dropped; false on timeout.
    bool waitIdle(int timeoutMs);
    // Stops the thread; safe to call twice.
    void close();

    SinkHealth health() const override;
    RedisHealth redisHealth() const;
    const RedisSinkSettings &settings() const { return m_settings; }

private:
    void run();

    const RedisSinkSettings m_settings;
    std::unique_ptr<RedisStateWriter> m_writer; // the thread's only

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idleChanged;
    std::deque<SinkBatch> m_queue;
    std::shared_ptr<const Snapshot> m_pendingSnapshot;
    bool m_stop = false;
    bool m_busy = false;
    RedisHealth m_health;            // the thread's copy is published here under m_mutex
    std::int64_t m_queueDropped = 0; // batches dropped by offer() (queue full)
    std::int64_t m_queueDroppedRecords = 0;
    std::thread m_thread;
};

} // namespace op
