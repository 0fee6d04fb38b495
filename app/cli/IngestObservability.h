#pragma once

#include "metrics/MetricsServer.h"

#include <QCommandLineParser>

#include <chrono>
#include <memory>

namespace op {
struct Alert;
class Engine;
class KafkaSource;
class SinkPipeline;
} // namespace op

namespace cli {

// `ingest --metrics-port P [--metrics-bind ADDR]`: the Prometheus endpoint of one worker, fed
// from the ingest loop (update() about once a second; it only publishes text).
class IngestObservability
{
public:
    static void addOptions(QCommandLineParser &parser);
    // Throws UsageError for a bad port or address; does nothing without --metrics-port.
    explicit IngestObservability(const QCommandLineParser &parser);

    // Starts listening; false with a message on failure.
    bool start(QString *error);
    bool enabled() const { return m_port >= 0; }
    std::uint16_t port() const { return m_server ? m_server->port() : 0; }

    // From the ingest loop, every turn (cheap when not due).
    void update(op::Engine &engine, op::KafkaSource &source, const op::SinkPipeline &pipeline, bool storing);
    void onAlert(const op::Alert &alert);
    void setStopping();

private:
    int m_port = -1;
    QHostAddress m_bind = QHostAddress::LocalHost;
    std::unique_ptr<op::MetricsServer> m_server;
    std::chrono::steady_clock::time_point m_lastUpdate{};
    std::int64_t m_alertsIpVelocity = 0;
    std::int64_t m_alertsHighValue = 0;
};

} // namespace cli
