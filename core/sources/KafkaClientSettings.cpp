#include "sources/KafkaClientSettings.h"

#include <librdkafka/rdkafka.h>

#include <cstdlib>

namespace op {

tl::expected<void, std::string> setKafkaProperty(rd_kafka_conf_s *conf, const std::string &name,
                                                 const std::string &value)
{
    char err[512] = {};
    if (rd_kafka_conf_set(conf, name.c_str(), value.c_str(), err, sizeof err) != RD_KAFKA_CONF_OK)
        return tl::unexpected("Kafka setting " + name + ": " + err);
    return {};
}

tl::expected<void, std::string> KafkaClientSettings::applyTo(rd_kafka_conf_s *conf) const
{
    const std::pair<const char *, const std::string *> plain[] = {
        {"bootstrap.servers", &brokers},
        {"security.protocol", &securityProtocol},
        {"sasl.mechanism", &saslMechanism},
        {"sasl.username", &saslUsername},
        {"ssl.ca.location", &sslCaLocation},
    };
    for (const auto &[name, value] : plain) {
        if (value->empty())
            continue;
        if (auto set = setKafkaProperty(conf, name, *value); !set)
            return set;
    }
    if (const char *password = std::getenv(kPasswordVariable); password && *password) {
        char err[512] = {};
        // Not through setKafkaProperty: librdkafka's message could quote the value.
        if (rd_kafka_conf_set(conf, "sasl.password", password, err, sizeof err) != RD_KAFKA_CONF_OK)
            return tl::unexpected(std::string("Kafka setting sasl.password was refused"));
    }
    for (const auto &[name, value] : extra) {
        if (name == "sasl.password")
            return tl::unexpected(std::string("the SASL password is read from ") + kPasswordVariable +
                                  ", not from a setting");
        if (auto set = setKafkaProperty(conf, name, value); !set)
            return set;
    }
    return {};
}

} // namespace op
