#include "metrics/IngestMetrics.h"

#include "metrics/PrometheusText.h"

#include <cstdio>
#include <unistd.h>

namespace op {

namespace {

double d(std::int64_t v)
{
    return static_cast<double>(v);
}

} // namespace

std::string renderIngestMetrics(const IngestMetricsInput &in)
{
    PrometheusText t;
    t.counterFamily("orderpulse_events_total", "Records by what the engine did with them.",
                    {{{{"result", "accepted"}}, d(in.events.accepted)},
                     {{{"result", "quarantined"}}, d(in.events.quarantined)},
                     {{{"result", "duplicate"}}, d(in.events.duplicates)},
                     {{{"result", "late"}}, d(in.events.late)}});
    t.counter("orderpulse_kafka_messages_total", "Kafka messages consumed.", d(in.messages));
    t.counter("orderpulse_kafka_bytes_total", "Kafka message bytes consumed.", d(in.bytes));
    t.gauge("orderpulse_kafka_messages_per_second", "Recent consumption rate.", in.messagesPerSecond);
    t.counter("orderpulse_kafka_rebalances_total", "Consumer group rebalances.", d(in.rebalances));
    std::vector<PrometheusText::Sample> lag;
    for (const PartitionLag &l : in.lag)
        lag.push_back({{{"topic", l.topic}, {"partition", std::to_string(l.partition)}}, d(l.lag)});
    t.gaugeFamily("orderpulse_kafka_consumer_lag", "Messages behind the partition's high watermark.", lag);
    t.gauge("orderpulse_watermark_delay_seconds", "How far the event-time watermark is behind the newest event.",
            in.watermarkDelaySeconds);
    t.gauge("orderpulse_sink_queue_depth", "Batches waiting for the sink thread.", d(in.sinkQueueDepth));
    t.gauge("orderpulse_sink_queue_capacity", "Batches the sink queue holds before ingest waits.",
            d(in.sinkQueueCapacity));
    t.histogram("orderpulse_sink_flush_seconds", "Time to write one batch to the durable sinks.",
                LatencyHistogram::upperBounds(), in.flushLatency.buckets, in.flushLatency.sum);
    t.counter("orderpulse_sink_dropped_batches_total", "Batches a non-durable sink (Redis) dropped while down or slow.",
              d(in.sinkDropped));
    std::vector<PrometheusText::Sample> up;
    for (const ConnectionState &c : in.connections)
        up.push_back({{{"component", c.component}, {"state", c.state}}, c.state == "connected" || c.state == "running" ? 1.0 : 0.0});
    t.gaugeFamily("orderpulse_connection_up", "1 when the connection works, by component and state.", up);
    t.counterFamily("orderpulse_alerts_total", "Fraud alerts raised, by rule.",
                    {{{{"rule", "ip_velocity"}}, d(in.alertsIpVelocity)}, {{{"rule", "high_value"}}, d(in.alertsHighValue)}});
    t.gauge("orderpulse_process_resident_memory_bytes", "Resident set size of this worker.", d(in.residentBytes));
    return t.take();
}

std::int64_t processResidentBytes()
{
    std::FILE *f = std::fopen("/proc/self/statm", "r");
    if (!f)
        return 0;
    long long size = 0;
    long long resident = 0;
    const int read = std::fscanf(f, "%lld %lld", &size, &resident);
    std::fclose(f);
    if (read != 2)
        return 0;
    return resident * static_cast<std::int64_t>(sysconf(_SC_PAGESIZE));
}

} // namespace op
