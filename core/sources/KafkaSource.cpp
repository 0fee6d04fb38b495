#include "sources/KafkaSource.h"

#include "analytics/Engine.h"

#include <QtGlobal>

#include <librdkafka/rdkafka.h>

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <limits>

namespace op {

// librdkafka's C callbacks; they run on the thread that polls (the ingest thread), except the log
// callback, which librdkafka may call from its own threads.
struct KafkaSourceCallbacks
{
    static void rebalance(rd_kafka_t *rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *partitions,
                          void *opaque)
    {
        auto *self = static_cast<KafkaSource *>(opaque);
        ++self->m_rebalances;
        const bool cooperative = std::strcmp(rd_kafka_rebalance_protocol(rk), "COOPERATIVE") == 0;
        if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
            // A join completing while close() leaves the group: take nothing on (the assignment is
            // still acknowledged, as the protocol requires, and revoked right after).
            if (!self->m_closing)
                self->onAssign(partitions);
            if (cooperative) {
                if (rd_kafka_error_t *e = rd_kafka_incremental_assign(rk, partitions)) {
                    self->setError(std::string("cannot take the assigned partitions: ") + rd_kafka_error_string(e));
                    rd_kafka_error_destroy(e);
                }
            } else {
                rd_kafka_assign(rk, partitions);
            }
            if (!self->m_closing)
                self->attachQueues(partitions);
            return;
        }
        self->onRevoke(partitions, err != RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS || rd_kafka_assignment_lost(rk));
        if (cooperative) {
            if (rd_kafka_error_t *e = rd_kafka_incremental_unassign(rk, partitions))
                rd_kafka_error_destroy(e);
        } else {
            rd_kafka_assign(rk, nullptr);
        }
    }

    static void error(rd_kafka_t *, int err, const char *reason, void *opaque)
    {
        auto *self = static_cast<KafkaSource *>(opaque);
        self->setError(std::string(rd_kafka_err2name(static_cast<rd_kafka_resp_err_t>(err))) + ": " + reason);
    }

    static int stats(rd_kafka_t *, char *json, size_t length, void *opaque)
    {
        static_cast<KafkaSource *>(opaque)->onStatistics(std::string_view(json, length));
        return 0; // librdkafka frees the text
    }

    static void log(const rd_kafka_t *, int level, const char *facility, const char *message)
    {
        if (level <= 4)
            qWarning("kafka: %s: %s", facility, message);
    }
};

KafkaSource::KafkaSource(KafkaSourceSettings settings, Engine &engine)
    : m_settings(std::move(settings))
    , m_engine(engine)
{
}

KafkaSource::~KafkaSource()
{
    if (m_rk) {
        if (!m_closed)
            (void)close();
        for (PartitionState &p : m_partitions)
            releaseQueue(p);
        rd_kafka_destroy(m_rk);
    }
}

tl::expected<void, std::string> KafkaSource::start()
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    const char *reset = m_settings.start == KafkaStartPosition::Latest ? "latest" : "earliest";
    // Prefetch: a deep local queue and large fetches make consuming ~10x faster (STACK.md).
    const std::pair<std::string, std::string> tuning[] = {
        {"group.id", m_settings.groupId},
        {"partition.assignment.strategy", "cooperative-sticky"},
        {"enable.auto.commit", "false"},
        {"enable.auto.offset.store", "false"},
        {"auto.offset.reset", reset},
        {"queued.min.messages", "200000"},
        {"queued.max.messages.kbytes", "65536"},
        {"fetch.max.bytes", "52428800"},
        {"max.partition.fetch.bytes", "1048576"},
        // How long a broker holds a fetch when it has nothing new: a real broker answers as soon as
        // data arrives, the mock cluster only after this time, so keep it short (latency).
        {"fetch.wait.max.ms", "10"},
        // A member that vanished without leaving (a crash, a killed worker) holds its partitions
        // this long; 6 s is the brokers' default minimum.
        {"session.timeout.ms", "6000"},
        {"heartbeat.interval.ms", "1000"},
        {"fetch.error.backoff.ms", "200"},
        {"reconnect.backoff.max.ms", "2000"},
        {"log_level", "4"},
        // Broker states for health(): a broker that goes down shows as "reconnecting".
        {"statistics.interval.ms", "500"},
    };
    for (const auto &[name, value] : tuning) {
        if (auto set = setKafkaProperty(conf, name, value); !set) {
            rd_kafka_conf_destroy(conf);
            return tl::unexpected(set.error());
        }
    }
    if (auto applied = m_settings.client.applyTo(conf); !applied) {
        rd_kafka_conf_destroy(conf);
        return tl::unexpected(applied.error());
    }
    rd_kafka_conf_set_opaque(conf, this);
    rd_kafka_conf_set_rebalance_cb(conf, &KafkaSourceCallbacks::rebalance);
    rd_kafka_conf_set_error_cb(conf, &KafkaSourceCallbacks::error);
    rd_kafka_conf_set_log_cb(conf, &KafkaSourceCallbacks::log);
    rd_kafka_conf_set_stats_cb(conf, &KafkaSourceCallbacks::stats);
    char err[512] = {};
    m_rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, err, sizeof err);
    if (!m_rk) {
        rd_kafka_conf_destroy(conf);
        return tl::unexpected(std::string("cannot create the Kafka consumer: ") + err);
    }
    rd_kafka_poll_set_consumer(m_rk);
    rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(topics, m_settings.topic.c_str(), RD_KAFKA_PARTITION_UA);
    const rd_kafka_resp_err_t e = rd_kafka_subscribe(m_rk, topics);
    rd_kafka_topic_partition_list_destroy(topics);
    if (e != RD_KAFKA_RESP_ERR_NO_ERROR)
        return tl::unexpected("cannot subscribe to '" + m_settings.topic + "': " + rd_kafka_err2str(e));
    return {};
}

KafkaSource::PartitionState &KafkaSource::partition(int id)
{
    if (static_cast<std::size_t>(id) >= m_partitions.size())
        m_partitions.resize(static_cast<std::size_t>(id) + 1);
    return m_partitions[static_cast<std::size_t>(id)];
}

void KafkaSource::onAssign(rd_kafka_topic_partition_list_t *partitions)
{
    const auto now = Clock::now();
    for (int i = 0; i < partitions->cnt; ++i) {
        rd_kafka_topic_partition_t &tp = partitions->elems[i];
        PartitionState &p = partition(tp.partition);
        std::optional<std::int64_t> startAt;
        if (m_startOffsetLookup)
            startAt = m_startOffsetLookup(tp.partition);
        if (startAt) {
            tp.offset = *startAt;
            // Another member may have read on since this process last had it: what this process
            // remembers of the partition is stale (a stale position would look like messages still
            // to come and hold the event-time alignment of consumeRound forever).
            p.next = *startAt;
        } else if (p.next >= 0) {
            tp.offset = p.next; // back after a revocation: go on where this process stopped
        } else if (!p.seenBefore && m_settings.start == KafkaStartPosition::Earliest) {
            tp.offset = RD_KAFKA_OFFSET_BEGINNING;
        } else if (!p.seenBefore && m_settings.start == KafkaStartPosition::Latest) {
            tp.offset = RD_KAFKA_OFFSET_END;
        }
        p.assigned = true;
        p.seenBefore = true;
        p.lastMessage = now;
        m_engine.registerPartition(tp.partition);
        // Revoked earlier (handed over, or lost in an outage): back in the watermark at once, so the
        // partitions that deliver first cannot make its backlog late.
        if (p.idle)
            m_engine.setPartitionIdle(tp.partition, false);
        p.idle = false;
        p.lost = false;
    }
}

void KafkaSource::onRevoke(rd_kafka_topic_partition_list_t *partitions, bool lost)
{
    std::vector<int> revoked;
    for (int i = 0; i < partitions->cnt; ++i)
        revoked.push_back(partitions->elems[i].partition);
    if (!lost) {
        const std::vector<KafkaOffset> offsets = pendingCommits(&revoked);
        if (m_revokeCallback)
            m_revokeCallback(offsets);
        else if (m_settings.commitAfterProcessing && !offsets.empty())
            (void)commit(offsets, true);
    }
    for (const int id : revoked) {
        PartitionState &p = partition(id);
        releaseQueue(p);
        // Lost (the group expelled this member, e.g. after an outage): usually given back on
        // rejoining, so it stays in the watermark for a grace period (markIdlePartitions). Leaving
        // every partition out at once would move the watermark to the most advanced one.
        if (lost && p.assigned && !p.idle) {
            p.assigned = false;
            p.lost = true;
            continue;
        }
        // Another member reads it now: keep it out of this engine's watermark.
        if (p.assigned && !p.idle)
            m_engine.setPartitionIdle(id, true);
        p.assigned = false;
        p.idle = true;
    }
}

bool KafkaSource::takeMessage(void *raw)
{
    auto *message = static_cast<rd_kafka_message_t *>(raw);
    bool record = false;
    if (message->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
        // Fetched before its partition was revoked or lost: not ours any more. Whoever reads the
        // partition next (this process too) starts after the last processed message.
        if (!partition(message->partition).assigned) {
            rd_kafka_message_destroy(message);
            return false;
        }
        handleMessage(message);
        record = true;
    } else if (message->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
        setError(rd_kafka_message_errstr(message));
    }
    rd_kafka_message_destroy(message);
    return record;
}

void KafkaSource::attachQueues(rd_kafka_topic_partition_list_t *partitions)
{
    for (int i = 0; i < partitions->cnt; ++i) {
        PartitionState &p = partition(partitions->elems[i].partition);
        if (p.queue)
            continue;
        p.queue = rd_kafka_queue_get_partition(m_rk, m_settings.topic.c_str(), partitions->elems[i].partition);
        // Stop forwarding to the consumer queue: poll() takes from each partition in turn.
        if (p.queue)
            rd_kafka_queue_forward(p.queue, nullptr);
    }
}

void KafkaSource::releaseQueue(PartitionState &p)
{
    for (std::size_t i = p.bufferedPos; i < p.buffered.size(); ++i)
        rd_kafka_message_destroy(p.buffered[i]);
    p.buffered.clear();
    p.bufferedPos = 0;
    if (!p.queue)
        return;
    rd_kafka_queue_destroy(p.queue);
    p.queue = nullptr;
}

std::int64_t KafkaSource::consumeRound(std::int64_t limit)
{
    // Event-time alignment: a partition is read only while its latest event time is within a
    // window (alignMs) of the slowest partition that still has messages to deliver. Taking a fixed number
    // of messages from each partition in turn is not enough: with sparse partitions (64 partitions
    // of a month of orders are hours apart after 256 messages) the watermark, the minimum over
    // partitions, lags far behind the others and thousands of windows stay open. A lagging
    // partition whose messages are still being fetched holds the others back briefly.
    constexpr std::size_t kChunk = 256;
    const TimestampMs alignMs = std::max(m_engine.settings().realtimeWindowMs, m_engine.settings().allowedLatenessMs);
    TimestampMs floor = std::numeric_limits<TimestampMs>::max();
    for (std::size_t id = 0; id < m_partitions.size(); ++id) {
        PartitionState &p = m_partitions[id];
        if (!p.queue || !p.assigned)
            continue;
        if (p.bufferedPos == p.buffered.size()) {
            p.buffered.resize(kChunk);
            const ssize_t n = rd_kafka_consume_batch_queue(p.queue, 0, p.buffered.data(), kChunk);
            p.buffered.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
            p.bufferedPos = 0;
        }
        // Nothing buffered: pending while the broker has messages beyond what was processed. Only
        // once something was processed here: before that the position may be the partition's end.
        bool pending = p.bufferedPos < p.buffered.size();
        if (!pending && !p.idle && p.next >= 0) {
            std::int64_t low = -1;
            std::int64_t high = -1;
            rd_kafka_get_watermark_offsets(m_rk, m_settings.topic.c_str(), static_cast<std::int32_t>(id), &low, &high);
            pending = high > std::max<std::int64_t>(p.next, low);
        }
        if (pending)
            floor = std::min(floor, p.lastEventTime);
    }
    std::int64_t handled = 0;
    for (std::size_t id = 0; id < m_partitions.size(); ++id) {
        PartitionState &p = m_partitions[id];
        while (p.bufferedPos < p.buffered.size() && (limit <= 0 || handled < limit) &&
               (floor == std::numeric_limits<TimestampMs>::max() || p.lastEventTime == kNoEventTime ||
                p.lastEventTime - alignMs <= floor)) {
            handled += takeMessage(p.buffered[p.bufferedPos++]) ? 1 : 0;
            if (!p.assigned) // revoked meanwhile: its buffer is gone
                break;
        }
    }
    return handled;
}

std::int64_t KafkaSource::poll(int timeoutMs, std::int64_t maxRecords)
{
    if (!m_rk || m_closed)
        return 0;
    // Come back to the caller regularly (idle checks, signals, snapshots).
    constexpr std::int64_t kBatch = 20000;
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    std::int64_t handled = 0;
    const auto room = [&] {
        const std::int64_t cap = maxRecords > 0 ? std::min(kBatch, maxRecords) : kBatch;
        return cap - handled;
    };
    for (;;) {
        // Serves rebalances and errors; messages fetched before a partition's queue was split off
        // still arrive here.
        while (room() > 0) {
            rd_kafka_message_t *message = rd_kafka_consumer_poll(m_rk, 0);
            if (!message)
                break;
            handled += takeMessage(message) ? 1 : 0;
        }
        while (room() > 0) {
            const std::int64_t n = consumeRound(room());
            if (n == 0)
                break;
            handled += n;
        }
        const auto now = Clock::now();
        if (handled > 0 || room() <= 0 || now >= deadline)
            break;
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now).count();
        if (rd_kafka_message_t *message = rd_kafka_consumer_poll(m_rk, static_cast<int>(std::min<std::int64_t>(left, 5))))
            handled += takeMessage(message) ? 1 : 0;
    }
    const auto now = Clock::now();
    if (handled > 0 && m_brokersDown == 0)
        m_state = "running";
    if (now - m_lastIdleCheck >= std::chrono::milliseconds(200)) {
        m_lastIdleCheck = now;
        markIdlePartitions(now);
    }
    if (m_settings.commitAfterProcessing &&
        now - m_lastCommit >= std::chrono::milliseconds(m_settings.commitIntervalMs)) {
        m_lastCommit = now;
        (void)commitProcessed(false);
    }
    return handled;
}

void KafkaSource::handleMessage(const void *raw)
{
    const auto *message = static_cast<const rd_kafka_message_t *>(raw);
    const int id = message->partition;
    PartitionState &p = partition(id);
    p.next = message->offset + 1;
    p.lastMessage = Clock::now();
    p.idle = false; // the engine makes an idle partition active again on its next event
    ++m_records;
    m_bytes += static_cast<std::int64_t>(message->len + message->key_len);
    const std::string_view json(static_cast<const char *>(message->payload), message->len);
    if (auto reason = m_decoder.decodeRecord(json, m_event)) {
        QuarantineRecord record;
        record.source = m_settings.topic + '/' + std::to_string(id);
        record.offset = message->offset;
        record.reason = std::move(*reason);
        record.raw = sanitizeRaw(json);
        ++m_quarantined;
        m_engine.onQuarantine(record);
        if (m_quarantineCallback)
            m_quarantineCallback(record);
        if (m_recordCallback)
            m_recordCallback(Processed{nullptr, Engine::Outcome::Ignored, &record, id, message->offset});
        return;
    }
    ++m_events;
    p.lastEventTime = std::max(p.lastEventTime, m_event.eventTime);
    const Engine::Outcome outcome = m_engine.process(m_event, id);
    if (m_recordCallback)
        m_recordCallback(Processed{&m_event, outcome, nullptr, id, message->offset});
}

void KafkaSource::markIdlePartitions(Clock::time_point now)
{
    // A partition silenced by a broker outage is not idle: leaving it out of the watermark would
    // make its backlog late once the broker is back. Its idle clock restarts when the outage ends.
    if (m_brokersDown > 0) {
        for (PartitionState &p : m_partitions)
            p.lastMessage = now;
        return;
    }
    const auto idleAfter = std::chrono::milliseconds(m_engine.settings().partitionIdleMs);
    constexpr auto kLostGrace = std::chrono::seconds(30); // rejoining takes a few seconds
    for (std::size_t id = 0; id < m_partitions.size(); ++id) {
        PartitionState &p = m_partitions[id];
        if (p.idle || !(p.assigned || p.lost))
            continue;
        if (now - p.lastMessage >= (p.assigned ? idleAfter : std::max<Clock::duration>(idleAfter, kLostGrace))) {
            p.idle = true;
            p.lost = false;
            m_engine.setPartitionIdle(static_cast<int>(id), true);
        }
    }
}

std::vector<KafkaOffset> KafkaSource::pendingCommits(const std::vector<int> *only) const
{
    std::vector<KafkaOffset> out;
    for (std::size_t id = 0; id < m_partitions.size(); ++id) {
        const PartitionState &p = m_partitions[id];
        if (p.next < 0 || p.next == p.committed)
            continue;
        if (only && std::find(only->begin(), only->end(), static_cast<int>(id)) == only->end())
            continue;
        out.push_back({static_cast<int>(id), p.next});
    }
    return out;
}

std::vector<KafkaOffset> KafkaSource::processedOffsets() const
{
    std::vector<KafkaOffset> out;
    for (std::size_t id = 0; id < m_partitions.size(); ++id) {
        if (m_partitions[id].next >= 0)
            out.push_back({static_cast<int>(id), m_partitions[id].next});
    }
    return out;
}

tl::expected<void, std::string> KafkaSource::commit(const std::vector<KafkaOffset> &offsets, bool sync)
{
    if (!m_rk || offsets.empty())
        return {};
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(static_cast<int>(offsets.size()));
    for (const KafkaOffset &o : offsets)
        rd_kafka_topic_partition_list_add(list, m_settings.topic.c_str(), o.partition)->offset = o.offset;
    const rd_kafka_resp_err_t e = rd_kafka_commit(m_rk, list, sync ? 0 : 1);
    rd_kafka_topic_partition_list_destroy(list);
    if (e != RD_KAFKA_RESP_ERR_NO_ERROR && e != RD_KAFKA_RESP_ERR__NO_OFFSET) {
        std::string message = std::string("offset commit failed: ") + rd_kafka_err2str(e);
        setError(message);
        return tl::unexpected(std::move(message));
    }
    // An asynchronous commit that fails later is retried by the next one with the same or newer offsets.
    for (const KafkaOffset &o : offsets)
        partition(o.partition).committed = o.offset;
    return {};
}

tl::expected<void, std::string> KafkaSource::commitProcessed(bool sync)
{
    return commit(pendingCommits(nullptr), sync);
}

tl::expected<void, std::string> KafkaSource::close()
{
    if (!m_rk || m_closed)
        return {};
    tl::expected<void, std::string> result;
    if (m_settings.commitAfterProcessing)
        result = commitProcessed(true);
    // Leaves the group: the revocation runs the rebalance callback (and commits nothing new).
    m_closing = true;
    rd_kafka_consumer_close(m_rk);
    m_closed = true;
    m_state = "finished";
    return result;
}

void KafkaSource::setRevokeCallback(std::function<void(const std::vector<KafkaOffset> &)> callback)
{
    m_revokeCallback = std::move(callback);
}

void KafkaSource::setRecordCallback(std::function<void(const Processed &)> callback)
{
    m_recordCallback = std::move(callback);
}

void KafkaSource::setStartOffsetLookup(std::function<std::optional<std::int64_t>(int)> lookup)
{
    m_startOffsetLookup = std::move(lookup);
}

void KafkaSource::setQuarantineCallback(std::function<void(const QuarantineRecord &)> callback)
{
    m_quarantineCallback = std::move(callback);
}

std::vector<int> KafkaSource::assignedPartitions() const
{
    std::vector<int> out;
    for (std::size_t id = 0; id < m_partitions.size(); ++id) {
        if (m_partitions[id].assigned)
            out.push_back(static_cast<int>(id));
    }
    return out;
}

void KafkaSource::setError(std::string message)
{
    qWarning("kafka: %s", message.c_str());
    m_lastError = std::move(message);
    if (!m_closed)
        m_state = "reconnecting";
}

void KafkaSource::onStatistics(std::string_view json)
{
    simdjson::dom::parser parser;
    simdjson::dom::object brokers;
    if (parser.parse(json.data(), json.size()).get_object()["brokers"].get(brokers) != simdjson::SUCCESS)
        return;
    int down = 0;
    for (const auto field : brokers) {
        std::int64_t nodeId = -1;
        std::string_view state;
        if (field.value["nodeid"].get(nodeId) != simdjson::SUCCESS || nodeId < 0 ||
            field.value["state"].get(state) != simdjson::SUCCESS)
            continue; // bootstrap entries; their brokers appear again under their ids
        // INIT: never needed (librdkafka connects only to the brokers it uses).
        if (state != "UP" && state != "INIT")
            ++down;
    }
    m_brokersDown = down;
    // Before the first message, brokers still being connected to are not an outage.
    if (m_closed || (m_state == "connecting" && m_records == 0))
        return;
    if (down > 0) {
        m_state = "reconnecting";
        if (m_lastError.empty())
            m_lastError = std::to_string(down) + " broker(s) unreachable";
    } else if (m_state == "reconnecting") {
        m_state = m_records > 0 ? "running" : "connecting";
    }
}

SourceHealth KafkaSource::health()
{
    const auto now = Clock::now();
    const double seconds = std::chrono::duration<double>(now - m_lastHealth).count();
    SourceHealth h;
    h.name = "kafka " + m_settings.topic;
    h.state = m_state;
    h.lastError = m_lastError;
    if (seconds > 0) {
        h.messagesPerSecond = static_cast<double>(m_records - m_healthRecords) / seconds;
        h.bytesPerSecond = static_cast<double>(m_bytes - m_healthBytes) / seconds;
    }
    m_lastHealth = now;
    m_healthRecords = m_records;
    m_healthBytes = m_bytes;
    h.rebalances = m_rebalances;
    for (const int id : assignedPartitions()) {
        const PartitionState &p = m_partitions[static_cast<std::size_t>(id)];
        std::int64_t low = -1;
        std::int64_t high = -1;
        if (m_rk)
            rd_kafka_get_watermark_offsets(m_rk, m_settings.topic.c_str(), id, &low, &high);
        PartitionLag lag;
        lag.topic = m_settings.topic;
        lag.partition = id;
        lag.offset = p.next;
        const std::int64_t position = p.next >= 0 ? p.next : std::max<std::int64_t>(low, 0);
        lag.lag = high >= 0 ? std::max<std::int64_t>(high - position, 0) : 0;
        h.lag.push_back(lag);
    }
    return h;
}

} // namespace op
