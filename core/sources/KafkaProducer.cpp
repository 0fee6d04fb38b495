#include "sources/KafkaProducer.h"

#include <librdkafka/rdkafka.h>

namespace op {

KafkaProducer::~KafkaProducer()
{
    if (m_topic)
        rd_kafka_topic_destroy(m_topic);
    if (m_rk) {
        // Whatever the caller did not flush is given up quickly rather than retried for long.
        rd_kafka_flush(m_rk, 1000);
        rd_kafka_destroy(m_rk);
    }
}

tl::expected<std::unique_ptr<KafkaProducer>, std::string> KafkaProducer::create(const KafkaClientSettings &client,
                                                                                const std::string &topic,
                                                                                Options options)
{
    std::unique_ptr<KafkaProducer> self(new KafkaProducer);
    self->m_topicName = topic;
    self->m_brokers = client.brokers;
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    const std::pair<std::string, std::string> tuning[] = {
        {"compression.type", "lz4"},
        {"linger.ms", std::to_string(options.lingerMs)},
        {"batch.num.messages", "10000"},
        {"batch.size", "1000000"},
        {"queue.buffering.max.messages", "500000"},
        {"queue.buffering.max.kbytes", "524288"},
        {"message.timeout.ms", std::to_string(options.messageTimeoutMs)},
        {"acks", "all"},
        // Retries after a broker outage neither reorder nor duplicate messages within a partition
        // (a reordered partition would make its events late for the consumer's watermark).
        {"enable.idempotence", "true"},
        {"partitioner", "murmur2_random"}, // the Java client's: same key, same partition
        // Back within a second of a broker's return (the default backs off up to 10 s, as long as
        // the message timeout), so a short outage delays messages instead of failing them.
        {"reconnect.backoff.max.ms", "1000"},
        {"log_level", "3"},
    };
    for (const auto &[name, value] : tuning) {
        if (auto set = setKafkaProperty(conf, name, value); !set) {
            rd_kafka_conf_destroy(conf);
            return tl::unexpected(set.error());
        }
    }
    if (auto applied = client.applyTo(conf); !applied) {
        rd_kafka_conf_destroy(conf);
        return tl::unexpected(applied.error());
    }
    rd_kafka_conf_set_dr_msg_cb(conf, &KafkaProducer::deliveryReport);
    // Connection problems end up in one clear line (checkTopic, flush), not in librdkafka's log.
    rd_kafka_conf_set_error_cb(conf, &KafkaProducer::clientError);
    rd_kafka_conf_set_log_cb(conf, &KafkaProducer::discardLog);
    rd_kafka_conf_set_opaque(conf, self.get());
    char err[512] = {};
    self->m_rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    if (!self->m_rk) {
        rd_kafka_conf_destroy(conf);
        return tl::unexpected(std::string("cannot create the Kafka producer: ") + err);
    }
    self->m_topic = rd_kafka_topic_new(self->m_rk, topic.c_str(), nullptr);
    if (!self->m_topic)
        return tl::unexpected("cannot use topic '" + topic + "': " + rd_kafka_err2str(rd_kafka_last_error()));
    return self;
}

tl::expected<int, std::string> KafkaProducer::checkTopic(int timeoutMs)
{
    const rd_kafka_metadata_t *md = nullptr;
    const rd_kafka_resp_err_t e = rd_kafka_metadata(m_rk, 0, m_topic, &md, timeoutMs);
    if (e != RD_KAFKA_RESP_ERR_NO_ERROR) {
        rd_kafka_poll(m_rk, 0); // serves the queued connection errors
        std::lock_guard lock(m_errorMutex);
        return tl::unexpected("cannot reach the Kafka brokers at " + m_brokers + " (" +
                              (m_lastClientError.empty() ? std::string(rd_kafka_err2str(e)) : m_lastClientError) +
                              ")");
    }
    int partitions = 0;
    rd_kafka_resp_err_t topicError = RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART;
    for (int i = 0; i < md->topic_cnt; ++i) {
        if (m_topicName == md->topics[i].topic) {
            topicError = md->topics[i].err;
            partitions = md->topics[i].partition_cnt;
        }
    }
    rd_kafka_metadata_destroy(md);
    if (topicError != RD_KAFKA_RESP_ERR_NO_ERROR || partitions == 0)
        return tl::unexpected("topic '" + m_topicName + "' is not available at " + m_brokers + " (" +
                              rd_kafka_err2str(topicError) + ")");
    return partitions;
}

tl::expected<void, std::string> KafkaProducer::produce(std::string_view key, std::string_view value)
{
    if (failed() > 0)
        return tl::unexpected(firstError());
    for (;;) {
        const int rc = rd_kafka_produce(m_topic, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY,
                                        const_cast<char *>(value.data()), value.size(),
                                        key.empty() ? nullptr : key.data(), key.size(), nullptr);
        if (rc == 0)
            break;
        const rd_kafka_resp_err_t e = rd_kafka_last_error();
        if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL)
            return tl::unexpected(std::string("cannot queue a message: ") + rd_kafka_err2str(e));
        // Back-pressure: wait for deliveries to make room.
        rd_kafka_poll(m_rk, 50);
        if (failed() > 0)
            return tl::unexpected(firstError());
    }
    ++m_produced;
    m_bytes += static_cast<std::int64_t>(key.size() + value.size());
    return {};
}

void KafkaProducer::poll()
{
    rd_kafka_poll(m_rk, 0);
}

tl::expected<void, std::string> KafkaProducer::flush(int timeoutMs)
{
    const rd_kafka_resp_err_t e = rd_kafka_flush(m_rk, timeoutMs);
    if (failed() > 0)
        return tl::unexpected(firstError());
    if (e != RD_KAFKA_RESP_ERR_NO_ERROR)
        return tl::unexpected(std::to_string(rd_kafka_outq_len(m_rk)) + " messages still undelivered after " +
                              std::to_string(timeoutMs / 1000) + " s (" + rd_kafka_err2str(e) + ")");
    return {};
}

void KafkaProducer::clientError(rd_kafka_s *, int, const char *reason, void *opaque)
{
    auto *self = static_cast<KafkaProducer *>(opaque);
    std::lock_guard lock(self->m_errorMutex);
    self->m_lastClientError = reason;
}

void KafkaProducer::discardLog(const rd_kafka_s *, int, const char *, const char *) {}

std::string KafkaProducer::firstError() const
{
    std::lock_guard lock(m_errorMutex);
    return m_firstError;
}

void KafkaProducer::deliveryReport(rd_kafka_s *, const rd_kafka_message_s *message, void *opaque)
{
    auto *self = static_cast<KafkaProducer *>(opaque);
    if (message->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        self->m_delivered.fetch_add(1, std::memory_order_relaxed);
        return;
    }
    if (self->m_failed.fetch_add(1, std::memory_order_relaxed) == 0) {
        std::lock_guard lock(self->m_errorMutex);
        self->m_firstError = "delivery to " + self->m_brokers + " failed: " + rd_kafka_err2str(message->err);
    }
}

} // namespace op
