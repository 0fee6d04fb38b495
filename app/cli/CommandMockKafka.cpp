// orderpulse-cli mock-kafka: librdkafka's mock cluster, for demos and tests without a broker.
#include "CliSupport.h"
#include "Commands.h"
#include "StopSignals.h"

#include "sources/MockKafkaCluster.h"

#include <cstdio>

namespace cli {

int runMockKafka(const QStringList &args)
{
    const QString cmd = QStringLiteral("mock-kafka");
    QCommandLineParser p;
    p.addOption({QStringLiteral("brokers"), QStringLiteral("Number of brokers (default 3)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("partitions"), QStringLiteral("Partitions of the topic (default 6)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("topic"), QStringLiteral("Topic to create (default orders)."), QStringLiteral("T")});
    if (!parseOrUsage(p, args, cmd,
                      QStringLiteral("Start librdkafka's mock Kafka cluster, print 'bootstrap=HOST:PORT,...' and "
                                     "serve until SIGINT/SIGTERM. It keeps at most 5 MiB per partition.")))
        return kExitOk;
    const int brokers = static_cast<int>(intOption(p, QStringLiteral("brokers"), 3, 1, 32));
    const int partitions = static_cast<int>(intOption(p, QStringLiteral("partitions"), 6, 1, 1000));
    const std::string topic =
        p.isSet(QStringLiteral("topic")) ? p.value(QStringLiteral("topic")).toStdString() : std::string("orders");
    if (topic.empty())
        throw UsageError{QStringLiteral("--topic must not be empty")};

    blockStopSignals(); // before librdkafka starts its threads
    auto cluster = op::MockKafkaCluster::start(brokers, topic, partitions);
    if (!cluster) {
        printError(cmd, QString::fromStdString(cluster.error()));
        return kExitFailure;
    }
    std::printf("bootstrap=%s\n", (*cluster)->bootstrapServers().c_str());
    std::fflush(stdout);
    printInfo(QStringLiteral("mock-kafka: %1 brokers, topic '%2' with %3 partitions; Ctrl+C stops")
                  .arg(brokers)
                  .arg(QString::fromStdString(topic))
                  .arg(partitions));
    waitForStopSignal();
    cluster->reset();
    return kExitOk;
}

} // namespace cli
