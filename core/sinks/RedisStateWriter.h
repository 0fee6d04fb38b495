#pragma once

#include "analytics/Snapshot.h"
#include "io/NdjsonEncoder.h"
#include "sinks/RedisConnection.h"
#include "sinks/RedisHealth.h"
#include "sinks/RedisOrderCache.h"
#include "sinks/RedisSinkSettings.h"
#include "sinks/SinkBatch.h"

#include <memory>
#include <optional>
#include <string>
#include <tl/expected.hpp>

namespace op {

// Turns batches and snapshots into pipelined Redis commands (docs/redis.md) on RedisSink's thread.
// Remembers what it wrote (the customer table, the latest window) so that a snapshot only sends
// what changed, and the latest snapshot so that rewriteAll() can restore the whole state after
// Redis came back empty. Every error closes the connection; the caller reconnects.
class RedisStateWriter
{
public:
    explicit RedisStateWriter(const RedisSinkSettings &settings);

    [[nodiscard]] bool isConnected() const { return m_connection.isConnected(); }
    // Connects (AUTH, SELECT); the next write rewrites the whole state.
    tl::expected<void, std::string> connect();
    void disconnect();

    // order:{id} (merged order, TTL) for each record, PUBLISH alerts.
    tl::expected<void, std::string> writeBatch(const SinkBatch &batch, RedisHealth &health);
    // Only merges the records into the order cache (a batch dropped while Redis is away).
    void rememberBatch(const SinkBatch &batch);
    // realtime_stats, changed customer:{id} hashes, the snapshot key.
    tl::expected<void, std::string> writeSnapshot(std::shared_ptr<const Snapshot> snapshot,
                                                  RedisHealth &health);
    // Keeps the snapshot to be written once Redis is back.
    void rememberSnapshot(std::shared_ptr<const Snapshot> snapshot) { m_latest = std::move(snapshot); }
    // The latest snapshot's state in full (after a reconnect).
    tl::expected<void, std::string> rewriteAll(RedisHealth &health);
    [[nodiscard]] bool needsRewrite() const { return m_needsRewrite; }

    // INFO stats + memory into health.
    tl::expected<void, std::string> pollInfo(RedisHealth &health);

    static std::string alertJson(const Alert &alert);

private:
    tl::expected<void, std::string> flush(RedisHealth &health);
    tl::expected<void, std::string> flushIfLarge(RedisHealth &health);
    // The latest snapshot: changed window and customers, the snapshot key.
    tl::expected<void, std::string> writeLatest(RedisHealth &health);
    void appendCustomer(const CustomerRow &row);
    tl::expected<void, std::string>
    writeCustomers(const std::shared_ptr<const std::vector<CustomerRow>> &table, bool full,
                   RedisHealth &health);

    RedisSinkSettings m_settings;
    RedisConnection m_connection;
    RedisOrderCache m_orders;
    NdjsonEncoder m_encoder;
    std::string m_ttl;
    std::string m_key;   // scratch
    std::string m_value; // scratch

    bool m_needsRewrite = true;
    std::shared_ptr<const Snapshot> m_latest;
    std::shared_ptr<const std::vector<CustomerRow>> m_writtenCustomers;
    std::optional<RealtimeStatsRow> m_writtenWindow;
};

} // namespace op
