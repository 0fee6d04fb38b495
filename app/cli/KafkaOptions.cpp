#include "KafkaOptions.h"

#include "CliSupport.h"

namespace cli {

void addKafkaOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("brokers"), QStringLiteral("Bootstrap brokers, HOST:PORT[,HOST:PORT...]."),
                      QStringLiteral("B")});
    parser.addOption({QStringLiteral("topic"), QStringLiteral("Topic name."), QStringLiteral("T")});
    parser.addOption({QStringLiteral("security-protocol"),
                      QStringLiteral("plaintext, ssl, sasl_plaintext or sasl_ssl."), QStringLiteral("P")});
    parser.addOption({QStringLiteral("sasl-mechanism"), QStringLiteral("PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512."),
                      QStringLiteral("M")});
    parser.addOption({QStringLiteral("sasl-username"),
                      QStringLiteral("SASL user; the password is read from ORDERPULSE_KAFKA_PASSWORD."),
                      QStringLiteral("USER")});
    parser.addOption({QStringLiteral("ssl-ca"), QStringLiteral("CA certificate file for TLS."), QStringLiteral("FILE")});
}

op::KafkaClientSettings parseKafkaOptions(const QCommandLineParser &parser)
{
    op::KafkaClientSettings s;
    if (!parser.isSet(QStringLiteral("brokers")) || parser.value(QStringLiteral("brokers")).isEmpty())
        throw UsageError{QStringLiteral("--brokers is required")};
    s.brokers = parser.value(QStringLiteral("brokers")).toStdString();
    s.securityProtocol = parser.value(QStringLiteral("security-protocol")).toStdString();
    s.saslMechanism = parser.value(QStringLiteral("sasl-mechanism")).toStdString();
    s.saslUsername = parser.value(QStringLiteral("sasl-username")).toStdString();
    s.sslCaLocation = parser.value(QStringLiteral("ssl-ca")).toStdString();
    return s;
}

std::string requiredTopic(const QCommandLineParser &parser)
{
    if (!parser.isSet(QStringLiteral("topic")) || parser.value(QStringLiteral("topic")).isEmpty())
        throw UsageError{QStringLiteral("--topic is required")};
    return parser.value(QStringLiteral("topic")).toStdString();
}

} // namespace cli
