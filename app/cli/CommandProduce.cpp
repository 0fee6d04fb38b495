// orderpulse-cli produce: publishes a dataset to Kafka as OrderEvent JSON, keyed by customer_id
// (lifecycle events without one by the customer of their order).
#include "CliSupport.h"
#include "SecretEnvironment.h"
#include "Commands.h"
#include "InputOptions.h"
#include "KafkaOptions.h"
#include "QuarantineReport.h"
#include "StopSignals.h"

#include "io/CodecFactory.h"
#include "io/DatasetReader.h"
#include "io/NdjsonEncoder.h"
#include "sources/KafkaProducer.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <unordered_map>

namespace cli {

namespace {

using Clock = std::chrono::steady_clock;

// Encodes each decoded event and hands it to the producer, paced to `rate` events/s (0 = max).
class ProduceFeed : public op::EventHandler
{
public:
    ProduceFeed(op::KafkaProducer &producer, QuarantineReport &quarantine, double rate)
        : m_producer(producer)
        , m_quarantine(quarantine)
        , m_rate(rate)
    {
    }

    void onEvent(op::OrderEvent &event) override
    {
        if (m_failed || m_stop.load(std::memory_order_relaxed))
            return;
        if (m_rate > 0)
            pace();
        m_value.clear();
        m_encoder.encode(event, m_value);
        const std::string &key = keyOf(event);
        if (auto sent = m_producer.produce(key, m_value); !sent) {
            m_failed = true;
            m_error = sent.error();
            m_stop.store(true, std::memory_order_relaxed);
            return;
        }
        if ((m_producer.produced() & 1023) == 0) {
            m_producer.poll();
            reportProgress(false);
            if (stopRequested())
                m_stop.store(true, std::memory_order_relaxed);
        }
    }
    void onQuarantine(op::QuarantineRecord &&record) override { m_quarantine.add(record); }

    void reportProgress(bool force)
    {
        const auto now = Clock::now();
        if (!force && now - m_lastReport < std::chrono::seconds(2))
            return;
        m_lastReport = now;
        const double secs = std::chrono::duration<double>(now - m_started).count();
        printInfo(QStringLiteral("produce: %1 sent, %2 delivered (%3 events/s)")
                      .arg(m_producer.produced())
                      .arg(m_producer.delivered())
                      .arg(secs > 0 ? static_cast<qint64>(static_cast<double>(m_producer.produced()) / secs) : 0));
    }

    const std::atomic<bool> &stopFlag() const { return m_stop; }
    bool failed() const { return m_failed; }
    const std::string &error() const { return m_error; }

private:
    // The customer_id; lifecycle events without one take their order's customer (from its
    // placement), so all events of an order and all orders of a customer share one partition and
    // one consumer in a group. The order id is the key only when the placement was never seen.
    const std::string &keyOf(const op::OrderEvent &event)
    {
        if (event.type == op::EventType::Order)
            return event.customerId.empty() ? event.orderId : event.customerId;
        if (!event.customerId.empty()) {
            if (event.type == op::EventType::Placed)
                m_customerOfOrder[event.orderId] = event.customerId;
            return event.customerId;
        }
        const auto it = m_customerOfOrder.find(event.orderId);
        if (it == m_customerOfOrder.end())
            return event.orderId;
        m_key = it->second;
        // A cancellation or a rating is an order's last event: forget it (bounds the map).
        if (event.type == op::EventType::Cancelled || event.type == op::EventType::Rated)
            m_customerOfOrder.erase(it);
        return m_key;
    }

    void pace()
    {
        const auto due = m_started + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                                         static_cast<double>(m_producer.produced()) / m_rate));
        while (Clock::now() < due && !m_stop.load(std::memory_order_relaxed)) {
            m_producer.poll();
            reportProgress(false);
            if (stopRequested()) {
                m_stop.store(true, std::memory_order_relaxed);
                break;
            }
            std::this_thread::sleep_until(std::min(due, Clock::now() + std::chrono::milliseconds(50)));
        }
    }

    op::KafkaProducer &m_producer;
    QuarantineReport &m_quarantine;
    double m_rate;
    op::NdjsonEncoder m_encoder;
    std::string m_value;
    std::string m_key;
    std::unordered_map<std::string, std::string> m_customerOfOrder; // placed, not yet finished
    std::atomic<bool> m_stop{false};
    bool m_failed = false;
    std::string m_error;
    Clock::time_point m_started = Clock::now();
    Clock::time_point m_lastReport = m_started;
};

} // namespace

int runProduce(const QStringList &args)
{
    const QString cmd = QStringLiteral("produce");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("Dataset file (any supported format; '-' = stdin)."));
    addKafkaOptions(p);
    p.addOption({QStringLiteral("rate"), QStringLiteral("Events per second (default: as fast as possible)."),
                 QStringLiteral("N")});
    addInputOptions(p);
    if (!parseOrUsage(p, args, cmd,
                      QStringLiteral("Publish a dataset to a Kafka topic as OrderEvent JSON, keyed by customer_id "
                                     "(lz4-compressed).")))
        return kExitOk;
    if (p.positionalArguments().size() != 1)
        throw UsageError{QStringLiteral("expected exactly one input file")};
    const op::KafkaClientSettings client = parseKafkaOptions(p);
    if (const QString error = resolveSecretReferences(); !error.isEmpty()) {
        printError(cmd, error);
        return kExitFailure;
    }
    const std::string topic = requiredTopic(p);
    const double rate = doubleOption(p, QStringLiteral("rate"), 0, 0, 1e9);
    const InputOptions input = parseInputOptions(p);
    const std::string path = p.positionalArguments().front().toStdString();

    blockStopSignals(); // before librdkafka starts its threads
    constexpr int kReachTimeoutMs = 10000;
    // Paced: a short linger (latency); as fast as possible: a longer one (larger batches).
    auto producer = op::KafkaProducer::create(client, topic, {kReachTimeoutMs, rate > 0 ? 5 : 20});
    if (!producer) {
        printError(cmd, QString::fromStdString(producer.error()));
        return kExitFailure;
    }
    op::KafkaProducer &kafka = **producer;
    // Fail fast and clearly when nothing answers, instead of queueing into the void.
    if (auto topicOk = kafka.checkTopic(kReachTimeoutMs); !topicOk) {
        printError(cmd, QString::fromStdString(topicOk.error()));
        return kExitFailure;
    }

    QuarantineReport quarantine;
    ProduceFeed feed(kafka, quarantine, rate);
    auto decoder = op::CodecFactory::makeDecoder(input.formatFor(path), input.codec);
    const auto started = Clock::now();
    const auto read = op::DatasetReader::read(path, *decoder, feed, {}, &feed.stopFlag());
    if (!read) {
        printError(cmd, QString::fromStdString(read.error()));
        return kExitFailure;
    }
    if (feed.failed()) {
        printError(cmd, QString::fromStdString(feed.error()));
        return kExitFailure;
    }
    // Every queued message is delivered or has failed within the message timeout.
    if (auto flushed = kafka.flush(kReachTimeoutMs + 5000); !flushed) {
        printError(cmd, QString::fromStdString(flushed.error()));
        return kExitFailure;
    }
    const double secs = std::chrono::duration<double>(Clock::now() - started).count();
    printInfo(QStringLiteral("produce: %1 events delivered to '%2' in %3 s (%4 events/s, %5 MB)%6")
                  .arg(kafka.delivered())
                  .arg(QString::fromStdString(topic))
                  .arg(secs, 0, 'f', 2)
                  .arg(secs > 0 ? static_cast<qint64>(static_cast<double>(kafka.delivered()) / secs) : 0)
                  .arg(static_cast<double>(kafka.bytesProduced()) / 1e6, 0, 'f', 1)
                  .arg(feed.stopFlag().load() ? QStringLiteral("; stopped by signal") : QString()));
    quarantine.print();
    return kExitOk;
}

} // namespace cli
