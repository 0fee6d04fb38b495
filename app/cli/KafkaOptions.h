#pragma once

#include "sources/KafkaClientSettings.h"

#include <QCommandLineParser>

namespace cli {

// --brokers and the security options shared by produce and ingest. The SASL password is never an
// option: it comes from ORDERPULSE_KAFKA_PASSWORD.
void addKafkaOptions(QCommandLineParser &parser);
// --brokers is required (a usage error when missing).
op::KafkaClientSettings parseKafkaOptions(const QCommandLineParser &parser);
// --topic, required.
std::string requiredTopic(const QCommandLineParser &parser);

} // namespace cli
