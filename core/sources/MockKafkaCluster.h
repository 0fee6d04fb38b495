#pragma once

#include <tl/expected.hpp>

#include <memory>
#include <string>

struct rd_kafka_s;
struct rd_kafka_mock_cluster_s;

namespace op {

// librdkafka's in-process mock Kafka cluster (rdkafka_mock.h), for tests and demos without a
// real broker. It serves on random loopback ports from librdkafka's own threads until destroyed.
// Note: it keeps at most 5 MiB (or 100,000 batches) per partition and silently drops older data.
class MockKafkaCluster
{
public:
    ~MockKafkaCluster();
    MockKafkaCluster(const MockKafkaCluster &) = delete;
    MockKafkaCluster &operator=(const MockKafkaCluster &) = delete;

    // Starts `brokers` brokers and creates `topic` with `partitions` partitions (replication
    // factor min(3, brokers)); an empty topic creates none.
    static tl::expected<std::unique_ptr<MockKafkaCluster>, std::string> start(int brokers, const std::string &topic,
                                                                           int partitions);

    // "127.0.0.1:PORT,127.0.0.1:PORT,..."
    std::string bootstrapServers() const;
    tl::expected<void, std::string> createTopic(const std::string &topic, int partitions);
    // Broker ids are 1..brokers. For tests of broker failures.
    void setBrokerDown(int brokerId);
    void setBrokerUp(int brokerId);

private:
    MockKafkaCluster() = default;

    rd_kafka_s *m_handle = nullptr; // owns the cluster's threads
    rd_kafka_mock_cluster_s *m_cluster = nullptr;
    int m_brokers = 0;
};

} // namespace op
