#pragma once

#include "sources/KafkaClientSettings.h"

#include <tl/expected.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

struct rd_kafka_s;
struct rd_kafka_topic_s;
struct rd_kafka_message_s;

namespace op {

// Publishes messages to one topic: lz4-compressed, batched (linger), partitioned by key with
// murmur2 like the Java client, acks=all. A message not delivered within messageTimeoutMs fails
// (so an unreachable cluster is reported within that time rather than retried forever).
class KafkaProducer
{
public:
    struct Options
    {
        int messageTimeoutMs = 10000;
        int lingerMs = 20;
    };

    ~KafkaProducer();
    KafkaProducer(const KafkaProducer &) = delete;
    KafkaProducer &operator=(const KafkaProducer &) = delete;

    static tl::expected<std::unique_ptr<KafkaProducer>, std::string> create(const KafkaClientSettings &client,
                                                                         const std::string &topic,
                                                                         Options options);

    // Asks the cluster for the topic's metadata: fails when no broker answers within timeoutMs or
    // the topic does not exist. Returns the topic's partition count.
    tl::expected<int, std::string> checkTopic(int timeoutMs);

    // Queues one message (copied). When the local queue is full it serves delivery reports until
    // there is room. Fails once any message has failed to be delivered.
    tl::expected<void, std::string> produce(std::string_view key, std::string_view value);
    // Serves delivery reports without blocking (call now and then while producing).
    void poll();
    // Waits until every queued message is delivered or failed, at most timeoutMs.
    tl::expected<void, std::string> flush(int timeoutMs);

    std::int64_t produced() const { return m_produced; }
    std::int64_t delivered() const { return m_delivered.load(std::memory_order_relaxed); }
    std::int64_t failed() const { return m_failed.load(std::memory_order_relaxed); }
    std::int64_t bytesProduced() const { return m_bytes; }
    std::string firstError() const;

private:
    KafkaProducer() = default;
    static void deliveryReport(rd_kafka_s *rk, const rd_kafka_message_s *message, void *opaque);
    static void clientError(rd_kafka_s *rk, int err, const char *reason, void *opaque);
    static void discardLog(const rd_kafka_s *rk, int level, const char *facility, const char *message);

    rd_kafka_s *m_rk = nullptr;
    rd_kafka_topic_s *m_topic = nullptr;
    std::string m_topicName;
    std::string m_brokers;
    std::int64_t m_produced = 0;
    std::int64_t m_bytes = 0;
    std::atomic<std::int64_t> m_delivered{0};
    std::atomic<std::int64_t> m_failed{0};
    mutable std::mutex m_errorMutex; // delivery reports may run on librdkafka's thread during flush
    std::string m_firstError;
    std::string m_lastClientError; // the last connection problem, for the one-line failure message
};

} // namespace op
