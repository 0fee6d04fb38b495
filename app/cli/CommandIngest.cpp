// orderpulse-cli ingest: the headless worker. Consumes a topic in a consumer group, runs the
// engine, stores what it accepted in the sinks (--postgres ...), commits offsets after processing
// (with a durable sink: after the sink stored them), and writes the report like analyze.
#include "CliSupport.h"
#include "SecretEnvironment.h"
#include "IngestConfig.h"
#include "IngestJobs.h"
#include "IngestObservability.h"
#include "ReportSummary.h"
#include "Commands.h"
#include "KafkaOptions.h"
#include "QuarantineReport.h"
#include "SinkOptions.h"
#include "StopSignals.h"

#include "analytics/Engine.h"
#include "sinks/BatchCollector.h"
#include "sinks/PostgresSink.h"
#include "sinks/SinkPipeline.h"
#include "sources/KafkaSource.h"
#include "sinks/PostgresUrl.h"
#include "sinks/RedisSink.h"
#include "sinks/SqliteSink.h"

#include <QTimeZone>

#include <chrono>
#include <memory>
#include <optional>
#include <cstdio>

namespace cli {

namespace {

using Clock = std::chrono::steady_clock;

op::KafkaStartPosition parseStart(const QCommandLineParser &p)
{
    const QString from = p.value(QStringLiteral("from"));
    if (from.isEmpty() || from == QLatin1String("committed"))
        return op::KafkaStartPosition::Committed;
    if (from == QLatin1String("earliest"))
        return op::KafkaStartPosition::Earliest;
    if (from == QLatin1String("latest"))
        return op::KafkaStartPosition::Latest;
    throw UsageError{QStringLiteral("--from must be earliest, latest or committed, not '%1'").arg(from)};
}

// `seconds`: from the first message to the end (joining the group is not consuming).
void printSummary(const op::Report &r, const op::KafkaSource &source, double seconds, bool toStderr)
{
    const auto perSecond = [seconds](std::int64_t n) {
        return seconds > 0 ? static_cast<qint64>(static_cast<double>(n) / seconds) : 0;
    };
    const QString text =
        reportSummaryText(r)
        + QStringLiteral("windows: %1, alerts: %2; %3 messages, %4 s from the first to the last (%5 messages/s, %6 MB/s), %7 rebalances\n")
              .arg(r.realtimeStats.size())
              .arg(r.alerts.size())
              .arg(source.records())
              .arg(seconds, 0, 'f', 2)
              .arg(perSecond(source.records()))
              .arg(static_cast<double>(perSecond(source.bytes())) / 1e6, 0, 'f', 1)
              .arg(source.rebalances());
    std::fputs(text.toUtf8().constData(), toStderr ? stderr : stdout);
}

QString lagText(const op::SourceHealth &h)
{
    std::int64_t total = 0;
    for (const op::PartitionLag &l : h.lag)
        total += l.lag;
    return QStringLiteral("%1 partitions, lag %2").arg(h.lag.size()).arg(total);
}

} // namespace

int runIngest(const QStringList &typedArgs)
{
    const QString cmd = QStringLiteral("ingest");
    const QStringList args = expandIngestConfig(typedArgs);
    QCommandLineParser p;
    addKafkaOptions(p);
    p.addOption({QStringLiteral("group"), QStringLiteral("Consumer group id."), QStringLiteral("G")});
    p.addOption({QStringLiteral("from"),
                 QStringLiteral("Where to start: committed (default; earliest when nothing is committed), "
                                "earliest or latest."),
                 QStringLiteral("POSITION")});
    p.addOption({QStringLiteral("max-events"), QStringLiteral("Stop after N messages (events and quarantined)."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("idle-exit"), QStringLiteral("Stop after S seconds without messages."),
                 QStringLiteral("SECONDS")});
    p.addOption({QStringLiteral("tz"), QStringLiteral("Display time zone (default Asia/Seoul)."), QStringLiteral("ZONE")});
    p.addOption({QStringLiteral("lateness"), QStringLiteral("Allowed lateness in seconds (default 10)."),
                 QStringLiteral("SECONDS")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Write the report as JSON ('-' = stdout)."), QStringLiteral("OUT")});
    addSinkOptions(p);
    IngestObservability::addOptions(p);
    p.addOption({QStringLiteral("config"),
                 QStringLiteral("Read settings from an INI file (docs/operations.md); options typed here win."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("print-config"),
                 QStringLiteral("Print the effective configuration (passwords redacted) and exit.")});
    if (!parseOrUsage(p, args, cmd,
                      QStringLiteral("Consume a Kafka topic in a consumer group, analyse it, commit offsets after "
                                     "processing; stop after N messages, S idle seconds or SIGINT/SIGTERM.")))
        return kExitOk;
    if (!p.positionalArguments().isEmpty())
        throw UsageError{QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().front())};
    if (p.isSet(QStringLiteral("print-config"))) {
        std::fputs(effectiveIngestConfig(p).toUtf8().constData(), stdout);
        return kExitOk;
    }
    if (const QString error = resolveSecretReferences(); !error.isEmpty()) {
        printError(cmd, error);
        return kExitFailure;
    }
    IngestObservability observability(p);
    op::KafkaSourceSettings settings;
    settings.client = parseKafkaOptions(p);
    settings.topic = requiredTopic(p);
    if (p.value(QStringLiteral("group")).isEmpty())
        throw UsageError{QStringLiteral("--group is required")};
    settings.groupId = p.value(QStringLiteral("group")).toStdString();
    settings.start = parseStart(p);
    const std::int64_t maxEvents = intOption(p, QStringLiteral("max-events"), 0, 1, INT64_MAX);
    const std::int64_t idleExitMs = intOption(p, QStringLiteral("idle-exit"), 0, 1, 86400 * 365) * 1000;

    op::EngineSettings engineSettings;
    engineSettings.allowedLatenessMs = intOption(p, QStringLiteral("lateness"), 10, 0, 86400 * 365) * op::kMsPerSecond;
    if (p.isSet(QStringLiteral("tz"))) {
        const QByteArray zone = p.value(QStringLiteral("tz")).toUtf8();
        if (!QTimeZone(zone).isValid())
            throw UsageError{QStringLiteral("--tz: unknown time zone '%1' (use an IANA name such as Asia/Seoul)")
                                 .arg(QString::fromUtf8(zone))};
        engineSettings.displayTimeZone = zone.toStdString();
    }

    SinkChoice sinks = parseSinkOptions(p, engineSettings);
    op::SinkPipeline pipeline;
    for (auto &sink : sinks.sinks)
        pipeline.addSink(std::move(sink));
    const bool storing = !sinks.sinks.empty();
    const bool durable = pipeline.hasDurableSink();
    // docs/storage.md: with a durable sink, Kafka offsets follow what the sink stored.
    settings.commitAfterProcessing = !durable;

    blockStopSignals(); // before librdkafka and the metrics server start their threads
    if (QString error; !observability.start(&error)) {
        printError(cmd, error);
        return kExitFailure;
    }
    op::Engine engine(engineSettings);
    op::KafkaSource source(settings, engine);
    QuarantineReport quarantine;
    source.setQuarantineCallback([&quarantine](const op::QuarantineRecord &r) { quarantine.add(r); });
    std::optional<op::BatchCollector> collector;
    if (storing) {
        pipeline.start();
        op::BatchCollector::Settings collect;
        collect.allowedLatenessMs = engineSettings.allowedLatenessMs;
        collector.emplace(settings.topic, pipeline, collect);
        source.setRecordCallback([&collector](const op::KafkaSource::Processed &m) {
            if (m.event)
                collector->onRecord(*m.event, m.outcome, m.partition, m.offset);
            else
                collector->onQuarantine(*m.quarantined, m.partition, m.offset);
        });
    }
    engine.setAlertCallback([&collector, &observability](const op::Alert &a) {
        observability.onAlert(a);
        if (collector)
            collector->onAlert(a);
    });
    bool stopping = false; // then a revocation (close()) waits for nothing more
    if (durable) {
        source.setStartOffsetLookup(
            [&pipeline, &settings](int partition) { return pipeline.storedOffset(settings.topic, partition); });
        // Before partitions go to another member: store what was read from them, then commit.
        source.setRevokeCallback([&](const std::vector<op::KafkaOffset> &) {
            collector->flush();
            if (pipeline.waitDurable(stopping ? std::chrono::hours(0) : std::chrono::hours(24)))
                (void)source.commit(pipeline.takeDurableOffsets(), true);
        });
    }
    // Maintenance jobs (grades, rollups, retention) beside a PostgreSQL sink, on their own thread.
    std::unique_ptr<IngestJobs> jobs;
    if (sinks.postgres)
        if (auto url = op::PostgresUrl::parse(p.value(QStringLiteral("postgres")).toStdString()))
            jobs = std::make_unique<IngestJobs>(std::move(*url), engineSettings);
    if (auto started = source.start(); !started) {
        printError(cmd, QString::fromStdString(started.error()));
        return kExitFailure;
    }

    const auto started = Clock::now();
    std::optional<Clock::time_point> firstRecord;
    std::optional<Clock::time_point> lastActivity; // the last message, or the first assignment
    auto lastReport = started;
    // Joining a group takes seconds: the idle clock starts at the first assignment, but a worker
    // that gets no partition at all (more workers than partitions) still stops, a little later.
    constexpr auto kJoinAllowance = std::chrono::seconds(30);
    QString stopReason;
    bool storageFailed = false;
    auto lastRedisSnapshot = started;
    for (;;) {
        const std::int64_t budget = maxEvents > 0 ? maxEvents - source.records() : 0;
        const std::int64_t n = source.poll(100, budget);
        const auto now = Clock::now();
        if (n > 0) {
            lastActivity = now;
            if (!firstRecord)
                firstRecord = now;
        } else if (!lastActivity && source.rebalances() > 0) {
            lastActivity = now;
        }
        if (maxEvents > 0 && source.records() >= maxEvents) {
            stopReason = QStringLiteral("reached --max-events");
            break;
        }
        const auto idleFor = now - lastActivity.value_or(started + kJoinAllowance);
        if (idleExitMs > 0 && idleFor >= std::chrono::milliseconds(idleExitMs)) {
            stopReason = QStringLiteral("idle for %1 s").arg(idleExitMs / 1000);
            break;
        }
        if (stopRequested()) {
            stopReason = QStringLiteral("stopped by signal");
            break;
        }
        if (collector) {
            collector->maybeFlush();
            if (durable) {
                if (const auto offsets = pipeline.takeDurableOffsets(); !offsets.empty())
                    (void)source.commit(offsets, false);
            }
            if (const auto fatal = pipeline.fatalError()) {
                stopReason = QStringLiteral("storage failed: %1").arg(QString::fromStdString(*fatal));
                storageFailed = true;
                break;
            }
        }
        observability.update(engine, source, pipeline, storing);
        if (sinks.redis && now - lastRedisSnapshot >= std::chrono::seconds(1)) {
            lastRedisSnapshot = now;
            sinks.redis->publishSnapshot(engine.snapshot());
        }
        if (now - lastReport >= std::chrono::seconds(2)) {
            lastReport = now;
            const op::SourceHealth h = source.health();
            printInfo(QStringLiteral("ingest: %1 messages, %2 messages/s, %3, state %4%5%6")
                          .arg(source.records())
                          .arg(static_cast<qint64>(h.messagesPerSecond))
                          .arg(lagText(h), QString::fromStdString(h.state),
                               h.lastError.empty() ? QString()
                                                   : QStringLiteral(" (last error: %1)")
                                                         .arg(QString::fromStdString(h.lastError)),
                               sinkHealthText(pipeline.health())));
        }
    }
    const double seconds =
        firstRecord ? std::chrono::duration<double>(*lastActivity - *firstRecord).count() : 0.0;
    // Final flush: store what was read, then commit it (a stop while the database is away gives up
    // after a minute; Kafka then delivers the rest again to the next worker).
    constexpr auto kDrain = std::chrono::seconds(60);
    bool stored = true;
    stopping = true;
    observability.setStopping();
    if (collector && !storageFailed) {
        collector->flush();
        if (durable) {
            stored = pipeline.waitDurable(kDrain);
            (void)source.commit(pipeline.takeDurableOffsets(), true);
        }
    }
    jobs.reset();
    const auto closed = source.close(); // final commit, leaves the group
    if (storing)
        stored = pipeline.stop(kDrain) && stored && !storageFailed;
    if (sinks.postgres && stored) {
        if (auto refreshed = sinks.postgres->refreshCustomerRfm(); !refreshed)
            printError(cmd, QString::fromStdString(refreshed.error()));
    }
    if (!sinks.sqlitePath.isEmpty() && stored) {
        // The sink's connection belonged to the (now joined) sink thread: a fresh one here.
        op::SqliteSink store(sinks.sqlitePath, engineSettings);
        auto refreshed = store.open();
        if (refreshed)
            refreshed = store.recomputeCustomerRfm();
        if (!refreshed)
            printError(cmd, QString::fromStdString(refreshed.error()));
    }
    engine.finish();
    const op::Report report = engine.report();
    if (sinks.redis) {
        sinks.redis->publishSnapshot(engine.snapshot());
        sinks.redis->waitIdle(5000);
    }
    printInfo(QStringLiteral("ingest: %1").arg(stopReason));

    const bool jsonToStdout = p.value(QStringLiteral("json")) == QLatin1String("-");
    if (p.isSet(QStringLiteral("json"))) {
        if (auto written = writeReportJson(p.value(QStringLiteral("json")), report); !written) {
            printError(cmd, written.error());
            return kExitFailure;
        }
    }
    printSummary(report, source, seconds, jsonToStdout);
    quarantine.print();
    if (!stored) {
        printError(cmd, storageFailed ? stopReason
                                      : QStringLiteral("not everything read was stored%1; the next worker reads it again")
                                            .arg(sinkHealthText(pipeline.health())));
        return kExitFailure;
    }
    if (!closed) {
        printError(cmd, QString::fromStdString(closed.error()));
        return kExitFailure;
    }
    return kExitOk;
}

} // namespace cli
