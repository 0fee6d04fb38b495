#include "sinks/RedisSink.h"

#include "sinks/RedisStateWriter.h"

#include <algorithm>
#include <chrono>
#include <vector>

namespace op {

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

} // namespace

RedisSink::RedisSink(RedisSinkSettings settings)
    : m_settings(std::move(settings))
    , m_writer(std::make_unique<RedisStateWriter>(m_settings))
{
    m_health.sink.name = "Redis";
    m_health.sink.state = "connecting";
    m_health.url = m_settings.redactedUrl();
}

RedisSink::~RedisSink()
{
    close();
}

tl::expected<void, std::string> RedisSink::open()
{
    std::lock_guard lock(m_mutex);
    if (!m_thread.joinable() && !m_stop)
        m_thread = std::thread([this] { run(); });
    return {};
}

void RedisSink::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

tl::expected<void, std::string> RedisSink::write(const SinkBatch &batch)
{
    {
        // Checked before copying: a full queue costs the ingest side nothing.
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= m_settings.queueCapacity) {
            ++m_queueDropped;
            m_queueDroppedRecords += static_cast<std::int64_t>(batch.records.size());
            return {};
        }
    }
    offer(batch);
    return {};
}

bool RedisSink::offer(SinkBatch batch)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= m_settings.queueCapacity || m_stop) {
            ++m_queueDropped;
            m_queueDroppedRecords += static_cast<std::int64_t>(batch.records.size());
            return false;
        }
        m_queue.push_back(std::move(batch));
    }
    m_wake.notify_one();
    return true;
}

void RedisSink::publishSnapshot(std::shared_ptr<const Snapshot> snapshot)
{
    if (!snapshot)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_pendingSnapshot = std::move(snapshot);
    }
    m_wake.notify_one();
}

bool RedisSink::waitIdle(int timeoutMs)
{
    std::unique_lock lock(m_mutex);
    if (!m_thread.joinable())
        return m_queue.empty() && !m_pendingSnapshot;
    return m_idleChanged.wait_for(lock, std::chrono::milliseconds(timeoutMs),
                                  [this] { return m_queue.empty() && !m_pendingSnapshot && !m_busy; });
}

SinkHealth RedisSink::health() const
{
    return redisHealth().sink;
}

RedisHealth RedisSink::redisHealth() const
{
    std::lock_guard lock(m_mutex);
    RedisHealth h = m_health;
    h.sink.dropped += m_queueDropped;
    h.recordsDropped += m_queueDroppedRecords;
    return h;
}

void RedisSink::run()
{
    RedisHealth health;
    {
        std::lock_guard lock(m_mutex);
        health = m_health;
    }
    bool everConnected = false;
    int backoffMs = m_settings.reconnectMinMs;
    Clock::time_point nextConnect = Clock::now();
    Clock::time_point nextPoll = Clock::now();
    std::vector<SinkBatch> batches;

    auto lostConnection = [&](const std::string &error) {
        m_writer->disconnect();
        health.sink.state = "reconnecting";
        health.sink.lastError = error;
        nextConnect = Clock::now() + std::chrono::milliseconds(backoffMs);
        backoffMs = std::min(backoffMs * 2, m_settings.reconnectMaxMs);
    };
    auto drop = [&](const SinkBatch &b) {
        ++health.sink.dropped;
        health.recordsDropped += static_cast<std::int64_t>(b.records.size());
        m_writer->rememberBatch(b);
    };

    for (;;) {
        std::shared_ptr<const Snapshot> snapshot;
        {
            std::unique_lock lock(m_mutex);
            m_health = health;
            m_busy = false;
            m_idleChanged.notify_all();
            const Clock::time_point deadline = m_writer->isConnected() ? nextPoll : nextConnect;
            m_wake.wait_until(lock, deadline,
                              [this] { return m_stop || !m_queue.empty() || m_pendingSnapshot; });
            if (m_stop)
                break;
            batches.assign(std::make_move_iterator(m_queue.begin()), std::make_move_iterator(m_queue.end()));
            m_queue.clear();
            snapshot = std::move(m_pendingSnapshot);
            m_pendingSnapshot.reset();
            m_busy = true;
        }

        if (!m_writer->isConnected() && Clock::now() >= nextConnect) {
            if (auto connected = m_writer->connect(); connected) {
                if (everConnected)
                    ++health.reconnects;
                everConnected = true;
                backoffMs = m_settings.reconnectMinMs;
                health.sink.state = "connected";
                health.sink.lastError.clear();
                nextPoll = Clock::now();
            } else {
                lostConnection(connected.error());
            }
        }

        if (!m_writer->isConnected()) {
            for (const SinkBatch &b : batches)
                drop(b);
            if (snapshot)
                m_writer->rememberSnapshot(std::move(snapshot));
            continue;
        }

        const auto start = Clock::now();
        const bool hadWork = !batches.empty() || snapshot;
        if (m_writer->needsRewrite() && !snapshot) {
            if (auto done = m_writer->rewriteAll(health); !done)
                lostConnection(done.error());
        }
        for (const SinkBatch &b : batches) {
            if (!m_writer->isConnected()) {
                drop(b);
                continue;
            }
            if (auto done = m_writer->writeBatch(b, health); done) {
                ++health.sink.batchesWritten;
                health.sink.recordsWritten += static_cast<std::int64_t>(b.records.size());
            } else {
                ++health.sink.dropped;
                health.recordsDropped += static_cast<std::int64_t>(b.records.size());
                lostConnection(done.error());
            }
        }
        if (snapshot) {
            if (!m_writer->isConnected()) {
                m_writer->rememberSnapshot(std::move(snapshot));
            } else if (auto done = m_writer->writeSnapshot(std::move(snapshot), health); !done) {
                lostConnection(done.error());
            }
        }
        if (hadWork)
            health.sink.lastFlushMs = millisecondsSince(start);
        if (m_writer->isConnected() && Clock::now() >= nextPoll) {
            if (auto polled = m_writer->pollInfo(health); !polled)
                lostConnection(polled.error());
            nextPoll = Clock::now() + std::chrono::milliseconds(m_settings.healthPollMs);
        }
    }
    m_writer->disconnect();
}

} // namespace op
