#pragma once

#include <tl/expected.hpp>

#include <string>
#include <utility>
#include <vector>

struct rd_kafka_conf_s;

namespace op {

// What every OrderPulse Kafka client (producer, consumer) needs to reach a cluster. The SASL
// password is never a setting: it is read from the ORDERPULSE_KAFKA_PASSWORD environment variable
// (headless runs) and is never logged or echoed in an error.
struct KafkaClientSettings
{
    static constexpr const char *kPasswordVariable = "ORDERPULSE_KAFKA_PASSWORD";

    std::string brokers;          // bootstrap.servers
    std::string securityProtocol; // plaintext, ssl, sasl_plaintext, sasl_ssl (empty: librdkafka's default)
    std::string saslMechanism;    // PLAIN, SCRAM-SHA-256, SCRAM-SHA-512
    std::string saslUsername;
    std::string sslCaLocation;
    // Further librdkafka properties, applied last (tuning, tests).
    std::vector<std::pair<std::string, std::string>> extra;

    // Sets the properties above (and the password from the environment) on `conf`; the message
    // names the property, never a secret value.
    tl::expected<void, std::string> applyTo(rd_kafka_conf_s *conf) const;
};

// Sets one librdkafka property; the error message names the property and librdkafka's reason.
tl::expected<void, std::string> setKafkaProperty(rd_kafka_conf_s *conf, const std::string &name,
                                                 const std::string &value);

} // namespace op
