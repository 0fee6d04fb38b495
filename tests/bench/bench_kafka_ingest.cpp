// Kafka throughput and end-to-end latency on librdkafka's mock cluster (in this process, real
// protocol over loopback):
//   1. throughput: N orders of FILE produced lz4-compressed into a 64-partition topic (the mock
//      keeps only 5 MiB per partition: every partition's count is checked), then consumed
//      - raw by kcat (`kcat -C -o beginning -e -q | wc -l`, its defaults, then prefetch-tuned),
//      - by KafkaSource + Engine with every analysis, in this process,
//      - by `orderpulse-cli ingest` (its own summary line),
//      all on the same topic in the same run;
//   2. latency: `orderpulse-cli produce --rate R` publishes LATENCY_ORDERS orders while a consumer
//      (KafkaSource + Engine, snapshots at KafkaWorker's pace) runs; for every message, the
//      time from its producer timestamp to the engine having handled it, and to the first snapshot
//      that counts it (the partition's processed offset in that snapshot is beyond the message).
// Usage: bench_kafka_ingest FILE.ndjson ORDERPULSE_CLI [LATENCY_ORDERS=100000] [RATE=10000] [THROUGHPUT=1]
//   THROUGHPUT = 0 skips the throughput part. KAFKA_BENCH_CONSUMER="name=value,..." overrides consumer
//   settings of the in-process consumers (to try prefetch settings).
#include "BenchSupport.h"

#include "analytics/Engine.h"
#include "runtime/KafkaWorker.h"
#include "sources/KafkaProducer.h"
#include "sources/KafkaSource.h"
#include "sources/MockKafkaCluster.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t wallMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string customerOf(const std::string &line)
{
    static const std::string kField = "\"customer_id\":\"";
    const std::size_t at = line.find(kField);
    if (at == std::string::npos)
        return {};
    const std::size_t start = at + kField.size();
    return line.substr(start, line.find('"', start) - start);
}

// Runs a shell command, returns its stdout (and the wall time it took).
std::string run(const std::string &command, double *seconds = nullptr)
{
    const double t0 = bench::wallSeconds();
    std::string out;
    if (FILE *pipe = popen(command.c_str(), "r")) {
        char buffer[4096];
        std::size_t n = 0;
        while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
            out.append(buffer, n);
        pclose(pipe);
    }
    if (seconds)
        *seconds = bench::wallSeconds() - t0;
    return out;
}

double percentile(std::vector<std::int64_t> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
    return static_cast<double>(v[i]);
}

// KAFKA_BENCH_CONSUMER="name=value,name=value"
std::vector<std::pair<std::string, std::string>> consumerOverrides()
{
    std::vector<std::pair<std::string, std::string>> out;
    const char *env = std::getenv("KAFKA_BENCH_CONSUMER");
    std::string text = env ? env : "";
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(',', pos);
        if (end == std::string::npos)
            end = text.size();
        const std::string item = text.substr(pos, end - pos);
        const std::size_t eq = item.find('=');
        if (eq != std::string::npos)
            out.emplace_back(item.substr(0, eq), item.substr(eq + 1));
        pos = end + 1;
    }
    return out;
}

struct OffsetsAt
{
    std::int64_t wallMs = 0;
    std::vector<std::int64_t> next; // by partition
};

OffsetsAt offsetsNow(const op::KafkaSource &source, int partitions)
{
    OffsetsAt o;
    o.wallMs = wallMs();
    o.next.assign(static_cast<std::size_t>(partitions), 0);
    for (const op::KafkaOffset &k : source.processedOffsets())
        if (k.partition < partitions)
            o.next[static_cast<std::size_t>(k.partition)] = k.offset;
    return o;
}

int throughput(const std::string &file, const std::string &cli, const std::string &bootstrap)
{
    constexpr int kPartitions = 64;
    const std::string topic = "orders";
    // ---- produce
    op::KafkaClientSettings client;
    client.brokers = bootstrap;
    auto producer = op::KafkaProducer::create(client, topic, {60000, 20});
    if (!producer) {
        std::fprintf(stderr, "%s\n", producer.error().c_str());
        return 1;
    }
    std::ifstream in(file);
    std::string line;
    std::int64_t lines = 0;
    const double p0 = bench::wallSeconds();
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        if (auto sent = (*producer)->produce(customerOf(line), line); !sent) {
            std::fprintf(stderr, "%s\n", sent.error().c_str());
            return 1;
        }
        ++lines;
    }
    if (auto flushed = (*producer)->flush(120000); !flushed) {
        std::fprintf(stderr, "%s\n", flushed.error().c_str());
        return 1;
    }
    const double produceSecs = bench::wallSeconds() - p0;
    std::printf("produce: %" PRId64 " orders, lz4, %d partitions, %.2f s (%.0f msgs/s, %.0f MB JSON)\n", lines,
                kPartitions, produceSecs, static_cast<double>(lines) / produceSecs,
                static_cast<double>((*producer)->bytesProduced()) / 1e6);
    producer->reset();

    // ---- raw consumption by kcat (also proves every message is in the topic)
    const std::string kcat = "kcat -C -b " + bootstrap + " -t " + topic + " -o beginning -e -q";
    double rawSecs = 0;
    const std::int64_t rawCount = std::atoll(run(kcat + " | wc -l", &rawSecs).c_str());
    std::printf("kcat raw (defaults): %" PRId64 " messages in %.2f s (%.0f msgs/s)%s\n", rawCount, rawSecs,
                static_cast<double>(rawCount) / rawSecs, rawCount == lines ? "" : "  <-- MESSAGES MISSING");
    if (rawCount != lines)
        return 1;
    double tunedSecs = 0;
    const std::int64_t tunedCount =
        std::atoll(run(kcat + " -X queued.min.messages=200000 -X fetch.max.bytes=52428800 | wc -l", &tunedSecs).c_str());
    std::printf("kcat raw (queued.min.messages=200000, fetch.max.bytes=50 MiB): %" PRId64
                " messages in %.2f s (%.0f msgs/s)\n",
                tunedCount, tunedSecs, static_cast<double>(tunedCount) / tunedSecs);

    // ---- KafkaSource + Engine, every analysis, in this process
    {
        op::Engine engine;
        op::KafkaSourceSettings settings;
        settings.client = client;
        settings.client.extra = consumerOverrides();
        settings.topic = topic;
        settings.groupId = "bench-inprocess";
        settings.start = op::KafkaStartPosition::Earliest;
        op::KafkaSource source(settings, engine);
        if (auto started = source.start(); !started) {
            std::fprintf(stderr, "%s\n", started.error().c_str());
            return 1;
        }
        const double c0 = bench::wallSeconds();
        double first = 0;
        const double cpu0 = bench::threadCpuSeconds();
        while (source.records() < lines && bench::wallSeconds() - c0 < 300) {
            source.poll(100);
            if (first == 0 && source.records() > 0)
                first = bench::wallSeconds();
        }
        const double last = bench::wallSeconds();
        const double cpu = bench::threadCpuSeconds() - cpu0;
        (void)source.close();
        engine.finish();
        const op::Report report = engine.report();
        const double secs = last - first;
        std::printf("KafkaSource+Engine (all analyses): %" PRId64 " messages, %" PRId64
                    " orders, %.2f s from the first message to the last (%.0f orders/s, %.2fx kcat defaults, "
                    "%.2fx kcat tuned), ingest thread CPU %.2f s (%.0f orders per CPU second), join %.1f s\n",
                    source.records(), report.totals.orders, secs, static_cast<double>(source.records()) / secs,
                    rawSecs / secs, tunedSecs / secs, cpu, static_cast<double>(source.records()) / cpu, first - c0);
    }
    // ---- the CLI worker
    const std::string ingest = run(cli + " ingest --brokers " + bootstrap + " --topic " + topic +
                                   " --group bench-cli --from earliest --max-events " + std::to_string(lines) +
                                   " 2>/dev/null | tail -1");
    std::printf("orderpulse-cli ingest: %s", ingest.c_str());
    return 0;
}

int latency(const std::string &file, const std::string &cli, op::MockKafkaCluster &cluster, int orders, int rate)
{
    constexpr int kPartitions = 6;
    const std::string topic = "live";
    if (auto created = cluster.createTopic(topic, kPartitions); !created) {
        std::fprintf(stderr, "%s\n", created.error().c_str());
        return 1;
    }
    // The first `orders` orders of FILE.
    const std::string subset = "/tmp/orderpulse-bench-latency-" + std::to_string(getpid()) + ".ndjson";
    {
        std::ifstream in(file);
        std::ofstream out(subset);
        std::string line;
        for (int i = 0; i < orders && std::getline(in, line); ++i)
            out << line << '\n';
    }
    op::Engine engine;
    op::KafkaSourceSettings settings;
    settings.client.brokers = cluster.bootstrapServers();
    settings.client.extra = consumerOverrides();
    settings.topic = topic;
    settings.groupId = "bench-latency";
    settings.start = op::KafkaStartPosition::Earliest;
    op::KafkaSource source(settings, engine);
    if (auto started = source.start(); !started) {
        std::fprintf(stderr, "%s\n", started.error().c_str());
        return 1;
    }
    // Join first: the latency of a running consumer, not of a group join.
    const auto joinDeadline = Clock::now() + std::chrono::seconds(30);
    while (source.assignedPartitions().size() < static_cast<std::size_t>(kPartitions) && Clock::now() < joinDeadline)
        source.poll(50);
    std::thread producer([&] {
        run(cli + " produce --brokers " + settings.client.brokers + " --topic " + topic + " --rate " +
            std::to_string(rate) + " " + subset + " 2>/dev/null");
    });
    std::vector<OffsetsAt> handled;   // after every poll
    std::vector<OffsetsAt> snapshots; // at every snapshot, at KafkaWorker's pace
    const auto interval = std::chrono::milliseconds(op::KafkaWorker::kSnapshotIntervalMs);
    auto nextSnapshot = Clock::now() + interval;
    const auto deadline = Clock::now() + std::chrono::seconds(60 + orders / std::max(rate, 1));
    while (source.records() < orders && Clock::now() < deadline) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(nextSnapshot - Clock::now()).count();
        if (source.poll(static_cast<int>(std::clamp<std::int64_t>(left, 1, 20))) > 0)
            handled.push_back(offsetsNow(source, kPartitions));
        if (Clock::now() >= nextSnapshot) {
            const auto snapshot = engine.snapshot(); // what KafkaWorker publishes
            (void)snapshot;
            snapshots.push_back(offsetsNow(source, kPartitions));
            nextSnapshot += interval;
        }
    }
    // The snapshot after the last message.
    while (Clock::now() < nextSnapshot)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    (void)engine.snapshot();
    snapshots.push_back(offsetsNow(source, kPartitions));
    producer.join();
    (void)source.close();

    // Producer timestamps (CreateTime, set when `produce` handed the message to librdkafka).
    const std::string stamps = run("kcat -C -b " + settings.client.brokers + " -t " + topic +
                                   " -o beginning -e -q -f '%p %o %T\\n'");
    std::vector<std::int64_t> toHandled;
    std::vector<std::int64_t> toSnapshot;
    std::vector<std::int64_t> stampOf;
    const auto firstCovering = [](const std::vector<OffsetsAt> &points, int p, std::int64_t offset) -> const OffsetsAt * {
        const auto it = std::partition_point(points.begin(), points.end(), [&](const OffsetsAt &o) {
            return o.next[static_cast<std::size_t>(p)] <= offset;
        });
        return it == points.end() ? nullptr : &*it;
    };
    std::size_t pos = 0;
    std::int64_t messages = 0;
    std::int64_t missing = 0;
    while (pos < stamps.size()) {
        const std::size_t end = stamps.find('\n', pos);
        int p = 0;
        long long offset = 0;
        long long ts = 0;
        if (std::sscanf(stamps.c_str() + pos, "%d %lld %lld", &p, &offset, &ts) == 3 && p >= 0 && p < kPartitions) {
            ++messages;
            const OffsetsAt *h = firstCovering(handled, p, offset);
            const OffsetsAt *s = firstCovering(snapshots, p, offset);
            if (h && s) {
                toHandled.push_back(h->wallMs - ts);
                toSnapshot.push_back(s->wallMs - ts);
                stampOf.push_back(ts);
            } else {
                ++missing;
            }
        }
        if (end == std::string::npos)
            break;
        pos = end + 1;
    }
    std::remove(subset.c_str());
    std::printf("latency: %" PRId64 " orders produced by `orderpulse-cli produce --rate %d` (linger 5 ms), %" PRId64
                " consumed, %" PRId64 " not measured\n",
                messages, rate, source.records(), missing);
    // Without the first second: the producer's first messages wait for its connections and the
    // topic's metadata, a start-up cost rather than the pipeline's latency.
    const std::int64_t firstStamp = stampOf.empty() ? 0 : *std::min_element(stampOf.begin(), stampOf.end());
    std::vector<std::int64_t> steadyHandled;
    std::vector<std::int64_t> steadySnapshot;
    for (std::size_t i = 0; i < stampOf.size(); ++i) {
        if (stampOf[i] >= firstStamp + 1000) {
            steadyHandled.push_back(toHandled[i]);
            steadySnapshot.push_back(toSnapshot[i]);
        }
    }
    std::printf("  after the first second (%zu orders): handled p50 %.0f ms, p99 %.0f ms; in a snapshot p50 %.0f ms, "
                "p99 %.0f ms, max %.0f ms\n",
                steadySnapshot.size(), percentile(steadyHandled, 0.50), percentile(steadyHandled, 0.99),
                percentile(steadySnapshot, 0.50), percentile(steadySnapshot, 0.99), percentile(steadySnapshot, 1.0));
    std::printf("  produce -> handled by the engine: p50 %.0f ms, p99 %.0f ms, max %.0f ms\n",
                percentile(toHandled, 0.50), percentile(toHandled, 0.99), percentile(toHandled, 1.0));
    std::printf("  produce -> counted in a snapshot (every %d ms): p50 %.0f ms, p99 %.0f ms, max %.0f ms\n",
                op::KafkaWorker::kSnapshotIntervalMs, percentile(toSnapshot, 0.50), percentile(toSnapshot, 0.99), percentile(toSnapshot, 1.0));
    return missing == 0 && messages == orders ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s FILE.ndjson ORDERPULSE_CLI [LATENCY_ORDERS] [RATE] [THROUGHPUT]\n", argv[0]);
        return 2;
    }
    const std::string file = argv[1];
    const std::string cli = argv[2];
    const int latencyOrders = argc > 3 ? std::atoi(argv[3]) : 100000;
    const int rate = argc > 4 ? std::atoi(argv[4]) : 10000;
    const bool throughputPart = argc <= 5 || std::atoi(argv[5]) != 0;
    auto cluster = op::MockKafkaCluster::start(3, "orders", 64);
    if (!cluster) {
        std::fprintf(stderr, "%s\n", cluster.error().c_str());
        return 1;
    }
    std::printf("mock cluster: 3 brokers at %s; load average %s", (*cluster)->bootstrapServers().c_str(),
                run("cut -d' ' -f1-3 /proc/loadavg").c_str());
    std::fflush(stdout);
    int rc = throughputPart ? throughput(file, cli, (*cluster)->bootstrapServers()) : 0;
    std::fflush(stdout);
    if (latencyOrders > 0)
        rc |= latency(file, cli, **cluster, latencyOrders, rate);
    return rc;
}
