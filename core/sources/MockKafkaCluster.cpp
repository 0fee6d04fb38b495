#include "sources/MockKafkaCluster.h"

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <algorithm>

namespace op {

MockKafkaCluster::~MockKafkaCluster()
{
    if (m_cluster)
        rd_kafka_mock_cluster_destroy(m_cluster);
    if (m_handle)
        rd_kafka_destroy(m_handle);
}

tl::expected<std::unique_ptr<MockKafkaCluster>, std::string> MockKafkaCluster::start(int brokers,
                                                                                     const std::string &topic,
                                                                                     int partitions)
{
    std::unique_ptr<MockKafkaCluster> self(new MockKafkaCluster);
    char err[512] = {};
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    // The handle only hosts the cluster; keep it quiet and off the network.
    rd_kafka_conf_set(conf, "log_level", "3", err, sizeof err);
    self->m_handle = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    if (!self->m_handle) {
        rd_kafka_conf_destroy(conf);
        return tl::unexpected(std::string("cannot create the mock cluster's client: ") + err);
    }
    self->m_cluster = rd_kafka_mock_cluster_new(self->m_handle, brokers);
    if (!self->m_cluster)
        return tl::unexpected(std::string("cannot start the mock cluster"));
    self->m_brokers = brokers;
    if (!topic.empty()) {
        if (auto created = self->createTopic(topic, partitions); !created)
            return tl::unexpected(created.error());
    }
    return self;
}

std::string MockKafkaCluster::bootstrapServers() const
{
    const char *list = rd_kafka_mock_cluster_bootstraps(m_cluster);
    return list ? std::string(list) : std::string();
}

tl::expected<void, std::string> MockKafkaCluster::createTopic(const std::string &topic, int partitions)
{
    const rd_kafka_resp_err_t e =
        rd_kafka_mock_topic_create(m_cluster, topic.c_str(), partitions, std::min(3, m_brokers));
    if (e != RD_KAFKA_RESP_ERR_NO_ERROR)
        return tl::unexpected("cannot create topic '" + topic + "': " + rd_kafka_err2str(e));
    return {};
}

void MockKafkaCluster::setBrokerDown(int brokerId)
{
    rd_kafka_mock_broker_set_down(m_cluster, brokerId);
}

void MockKafkaCluster::setBrokerUp(int brokerId)
{
    rd_kafka_mock_broker_set_up(m_cluster, brokerId);
}

} // namespace op
