// orderpulse-cli mock-kafka: librdkafka's mock cluster, for demos and tests without a broker.
#include "CliSupport.h"
#include "Commands.h"
#include "StopSignals.h"

#include "sources/MockKafkaCluster.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>

namespace cli {

namespace {

// Commands on stdin, one per line, for tests and demos of broker failures: "down ID", "up ID"
// (broker ids 1..N) or "down all" / "up all". Each is answered on stdout with "ok <command>" or
// "error: <reason>", so a controlling process knows when it took effect.
class BrokerControl
{
public:
    BrokerControl(op::MockKafkaCluster &cluster, int brokers)
        : m_cluster(&cluster)
        , m_brokers(brokers)
    {
    }

    // Reads stdin until EOF on a detached thread (a blocking read cannot be interrupted cleanly).
    static void startReading(const std::shared_ptr<BrokerControl> &control)
    {
        std::thread([control] {
            std::string line;
            while (std::getline(std::cin, line)) {
                if (!control->execute(line))
                    return;
            }
        }).detach();
    }

    // The cluster is going away: later commands are ignored.
    void detach()
    {
        const std::lock_guard lock(m_mutex);
        m_cluster = nullptr;
    }

private:
    bool execute(const std::string &line)
    {
        std::istringstream in(line);
        std::string verb;
        std::string which;
        in >> verb >> which;
        if (verb.empty())
            return true;
        const std::lock_guard lock(m_mutex);
        if (!m_cluster)
            return false;
        int first = 0;
        int last = -1;
        if (which == "all") {
            first = 1;
            last = m_brokers;
        } else {
            char *end = nullptr;
            const long id = std::strtol(which.c_str(), &end, 10);
            if (!which.empty() && *end == '\0' && id >= 1 && id <= m_brokers)
                first = last = static_cast<int>(id);
        }
        if ((verb != "down" && verb != "up") || last < first) {
            std::printf("error: expected 'down ID', 'up ID' (1..%d) or 'down all' / 'up all', not '%s'\n", m_brokers,
                        line.c_str());
        } else {
            for (int id = first; id <= last; ++id) {
                if (verb == "down")
                    m_cluster->setBrokerDown(id);
                else
                    m_cluster->setBrokerUp(id);
            }
            std::printf("ok %s %s\n", verb.c_str(), which.c_str());
        }
        std::fflush(stdout);
        return true;
    }

    std::mutex m_mutex;
    op::MockKafkaCluster *m_cluster;
    int m_brokers;
};

} // namespace

int runMockKafka(const QStringList &args)
{
    const QString cmd = QStringLiteral("mock-kafka");
    QCommandLineParser p;
    p.addOption({QStringLiteral("brokers"), QStringLiteral("Number of brokers (default 3)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("partitions"), QStringLiteral("Partitions of the topic (default 6)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("topic"), QStringLiteral("Topic to create (default orders)."), QStringLiteral("T")});
    if (!parseOrUsage(p, args, cmd,
                      QStringLiteral("Start librdkafka's mock Kafka cluster, print 'bootstrap=HOST:PORT,...' and "
                                     "serve until SIGINT/SIGTERM. It keeps at most 5 MiB per partition. Lines on stdin "
                                     "take brokers down and up: 'down ID', 'up ID', 'down all', 'up all' (answered "
                                     "'ok ...' on stdout).")))
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
    auto control = std::make_shared<BrokerControl>(**cluster, brokers);
    BrokerControl::startReading(control);
    waitForStopSignal();
    control->detach();
    cluster->reset();
    return kExitOk;
}

} // namespace cli
