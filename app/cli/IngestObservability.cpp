#include "IngestObservability.h"

#include "CliSupport.h"

#include "analytics/Engine.h"
#include "metrics/IngestMetrics.h"
#include "sinks/SinkPipeline.h"
#include "sources/KafkaSource.h"

namespace cli {

void IngestObservability::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("metrics-port"),
                      QStringLiteral("Serve Prometheus metrics on /metrics, and /healthz and /readyz, on this port."),
                      QStringLiteral("PORT")});
    parser.addOption({QStringLiteral("metrics-bind"),
                      QStringLiteral("Address the metrics endpoint listens on (default 127.0.0.1)."),
                      QStringLiteral("ADDRESS")});
}

IngestObservability::IngestObservability(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("metrics-bind"))) {
        if (!m_bind.setAddress(parser.value(QStringLiteral("metrics-bind"))))
            throw UsageError{QStringLiteral("--metrics-bind: '%1' is not an IP address")
                                 .arg(parser.value(QStringLiteral("metrics-bind")))};
        if (!parser.isSet(QStringLiteral("metrics-port")))
            throw UsageError{QStringLiteral("--metrics-bind needs --metrics-port")};
    }
    if (parser.isSet(QStringLiteral("metrics-port")))
        m_port = static_cast<int>(intOption(parser, QStringLiteral("metrics-port"), 0, 0, 65535));
}

bool IngestObservability::start(QString *error)
{
    if (!enabled())
        return true;
    m_server = std::make_unique<op::MetricsServer>();
    auto started = m_server->start(m_bind, static_cast<std::uint16_t>(m_port));
    if (!started) {
        *error = QString::fromStdString(started.error());
        m_server.reset();
        return false;
    }
    m_server->setReady(false, "joining the consumer group");
    printInfo(QStringLiteral("ingest: metrics on http://%1:%2/metrics")
                  .arg(m_bind.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + m_bind.toString() + QLatin1Char(']')
                                                                          : m_bind.toString())
                  .arg(m_server->port()));
    return true;
}

void IngestObservability::onAlert(const op::Alert &alert)
{
    if (alert.rule == op::AlertRule::IpVelocity)
        ++m_alertsIpVelocity;
    else
        ++m_alertsHighValue;
}

void IngestObservability::update(op::Engine &engine, op::KafkaSource &source, const op::SinkPipeline &pipeline,
                                 bool storing)
{
    if (!m_server)
        return;
    m_server->heartbeat();
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastUpdate < std::chrono::seconds(1))
        return;
    m_lastUpdate = now;

    op::IngestMetricsInput in;
    in.events = engine.events();
    in.messages = source.records();
    in.bytes = source.bytes();
    const op::SourceHealth h = source.health();
    in.messagesPerSecond = h.messagesPerSecond;
    in.lag = h.lag;
    in.rebalances = source.rebalances();
    if (engine.watermark() != op::WatermarkTracker::kMinusInfinity)
        in.watermarkDelaySeconds = static_cast<double>(engine.maxEventTime() - engine.watermark()) / 1000.0;
    in.connections.push_back({"kafka", h.state});
    bool sinksOk = true;
    std::string notReady;
    if (storing) {
        in.sinkQueueDepth = pipeline.batchesPending();
        in.sinkQueueCapacity = static_cast<std::int64_t>(pipeline.queueCapacity());
        in.flushLatency = pipeline.flushLatency().counts();
        for (const op::SinkHealth &s : pipeline.health()) {
            std::string component = s.name;
            for (char &c : component)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            in.connections.push_back({component, s.state});
            in.sinkDropped += s.dropped;
            if (s.name != "Redis" && s.state != "connected") {
                sinksOk = false;
                notReady = s.name + " " + s.state;
            }
        }
    }
    in.alertsIpVelocity = m_alertsIpVelocity;
    in.alertsHighValue = m_alertsHighValue;
    in.residentBytes = op::processResidentBytes();
    m_server->publish(op::renderIngestMetrics(in));

    const bool consuming = !source.assignedPartitions().empty() || source.rebalances() > 0;
    if (!consuming)
        notReady = "joining the consumer group";
    m_server->setReady(consuming && sinksOk, notReady);
}

void IngestObservability::setStopping()
{
    if (m_server)
        m_server->setReady(false, "stopping");
}

} // namespace cli
