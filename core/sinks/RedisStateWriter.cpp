#include "sinks/RedisStateWriter.h"

#include "io/JsonWriter.h"
#include "sinks/RedisSnapshotCodec.h"

#include <charconv>
#include <chrono>

namespace op {

namespace {

// Commands buffered before the pipeline is sent: bounds hiredis's output buffer on a full
// rewrite of a million customers while keeping round trips rare.
constexpr std::size_t kPipelineCommands = 8192;
// Orders are merged for this long (event time) after first seen: deliveries and ratings come
// minutes to hours after the placement.
constexpr TimestampMs kOrderRetentionMs = 6 * kMsPerHour;

std::int64_t wallMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// The value of "name:value" in INFO's text, when present.
std::optional<std::string_view> infoField(std::string_view info, std::string_view name)
{
    std::size_t at = 0;
    while (at < info.size()) {
        std::size_t end = info.find('\n', at);
        if (end == std::string_view::npos)
            end = info.size();
        std::string_view line = info.substr(at, end - at);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.size() > name.size() && line.substr(0, name.size()) == name && line[name.size()] == ':')
            return line.substr(name.size() + 1);
        at = end + 1;
    }
    return std::nullopt;
}

std::optional<std::int64_t> infoInteger(std::string_view info, std::string_view name)
{
    const auto text = infoField(info, name);
    std::int64_t v = 0;
    if (!text || std::from_chars(text->data(), text->data() + text->size(), v).ec != std::errc())
        return std::nullopt;
    return v;
}

bool sameCustomerHash(const CustomerRow &a, const CustomerRow &b)
{
    return a.grade == b.grade && a.r == b.r && a.f == b.f && a.m == b.m && a.segment == b.segment;
}

} // namespace

RedisStateWriter::RedisStateWriter(const RedisSinkSettings &settings)
    : m_settings(settings)
    , m_orders(settings.orderCacheLimit, kOrderRetentionMs)
    , m_ttl(std::to_string(settings.orderTtlSeconds))
{
}

tl::expected<void, std::string> RedisStateWriter::connect()
{
    m_needsRewrite = true;
    return m_connection.connect(m_settings);
}

void RedisStateWriter::disconnect()
{
    m_connection.close();
    m_needsRewrite = true;
}

tl::expected<void, std::string> RedisStateWriter::flush(RedisHealth &health)
{
    auto errors = m_connection.flush();
    if (!errors) {
        m_needsRewrite = true;
        return tl::unexpected(errors.error());
    }
    health.commandErrors += *errors;
    if (*errors > 0)
        health.sink.lastError = "Redis replied: " + m_connection.lastReplyError();
    return {};
}

tl::expected<void, std::string> RedisStateWriter::flushIfLarge(RedisHealth &health)
{
    if (m_connection.pending() < kPipelineCommands)
        return {};
    return flush(health);
}

std::string RedisStateWriter::alertJson(const Alert &a)
{
    std::string out;
    JsonWriter w(out);
    w.beginObject();
    w.key("rule");
    w.string(alertRuleName(a.rule));
    w.key("entity");
    w.string(a.entity);
    w.key("value");
    w.integer(a.value);
    w.key("window_start");
    if (a.windowStart)
        w.string(formatIsoUtcMillis(*a.windowStart));
    else
        w.null();
    w.key("event_time");
    w.string(formatIsoUtcMillis(a.eventTime));
    w.key("severity");
    w.string(alertSeverityName(a.severity));
    w.key("order_id");
    w.string(a.orderId);
    w.endObject();
    return out;
}

void RedisStateWriter::rememberBatch(const SinkBatch &batch)
{
    for (const StoredRecord &r : batch.records)
        m_orders.apply(r.event);
}

tl::expected<void, std::string> RedisStateWriter::writeBatch(const SinkBatch &batch, RedisHealth &health)
{
    for (const StoredRecord &r : batch.records) {
        const OrderEvent &order = m_orders.apply(r.event);
        m_key.assign(m_settings.prefix).append("order:").append(order.orderId);
        m_value.clear();
        m_encoder.encode(order, m_value);
        m_connection.append({"SET", m_key, m_value, "EX", m_ttl});
        if (auto f = flushIfLarge(health); !f) {
            // The rest of the batch still goes into the cache, so later merges stay right.
            for (const StoredRecord &rest : batch.records)
                if (&rest > &r)
                    m_orders.apply(rest.event);
            return f;
        }
    }
    const std::string channel = m_settings.prefix + "alerts";
    for (const Alert &a : batch.alerts)
        m_connection.append({"PUBLISH", channel, alertJson(a)});
    if (auto f = flush(health); !f)
        return f;
    health.alertsPublished += static_cast<std::int64_t>(batch.alerts.size());
    return {};
}

void RedisStateWriter::appendCustomer(const CustomerRow &row)
{
    m_key.assign(m_settings.prefix).append("customer:").append(row.customerId);
    const std::string r = std::to_string(row.r);
    const std::string f = std::to_string(row.f);
    const std::string m = std::to_string(row.m);
    m_connection.append({"HSET", m_key, "grade", row.grade, "r", r, "f", f, "m", m, "segment", row.segment});
}

tl::expected<void, std::string>
RedisStateWriter::writeCustomers(const std::shared_ptr<const std::vector<CustomerRow>> &table, bool full,
                                 RedisHealth &health)
{
    if (!table || (!full && table == m_writtenCustomers))
        return {};
    const std::vector<CustomerRow> *written =
        full || !m_writtenCustomers ? nullptr : m_writtenCustomers.get();
    // Both tables are ordered by customer_id: one merge pass finds the rows that changed.
    std::size_t j = 0;
    for (const CustomerRow &row : *table) {
        if (written) {
            while (j < written->size() && (*written)[j].customerId < row.customerId)
                ++j;
            if (j < written->size() && (*written)[j].customerId == row.customerId &&
                sameCustomerHash((*written)[j], row))
                continue;
        }
        appendCustomer(row);
        if (auto f = flushIfLarge(health); !f)
            return f;
    }
    m_writtenCustomers = table;
    return {};
}

tl::expected<void, std::string> RedisStateWriter::writeSnapshot(std::shared_ptr<const Snapshot> snapshot,
                                                                RedisHealth &health)
{
    if (!snapshot)
        return {};
    m_latest = std::move(snapshot);
    return m_needsRewrite ? rewriteAll(health) : writeLatest(health);
}

tl::expected<void, std::string> RedisStateWriter::writeLatest(RedisHealth &health)
{
    const Snapshot &s = *m_latest;
    if (!s.recentWindows.empty() && s.recentWindows.back() != m_writtenWindow) {
        const RealtimeStatsRow &w = s.recentWindows.back();
        m_key.assign(m_settings.prefix).append("realtime_stats");
        const std::string start = formatIsoUtcMillis(w.windowStart);
        const std::string end = formatIsoUtcMillis(w.windowEnd);
        const std::string orders = std::to_string(w.totalOrders);
        const std::string sales = std::to_string(w.totalSales);
        const std::string aov = std::to_string(w.avgOrderValue);
        const std::string suspicious = std::to_string(w.suspiciousIpCount);
        m_connection.append({"HSET", m_key, "window_start", start, "window_end", end, "total_orders", orders,
                             "total_sales", sales, "avg_order_value", aov, "suspicious_ip_count",
                             suspicious});
    }
    if (auto c = writeCustomers(s.customers.table, false, health); !c)
        return c;
    m_key.assign(m_settings.prefix).append("snapshot");
    m_value = RedisSnapshotCodec::encode(s, m_settings.snapshotCustomerLimit);
    m_connection.append({"SET", m_key, m_value});
    if (auto f = flush(health); !f)
        return f;
    if (!s.recentWindows.empty())
        m_writtenWindow = s.recentWindows.back();
    ++health.snapshotsWritten;
    return {};
}

tl::expected<void, std::string> RedisStateWriter::rewriteAll(RedisHealth &health)
{
    if (!m_latest) {
        m_needsRewrite = false;
        return {};
    }
    m_writtenWindow.reset();
    m_writtenCustomers.reset();
    if (auto c = writeCustomers(m_latest->customers.table, true, health); !c)
        return c;
    if (auto written = writeLatest(health); !written)
        return written;
    m_needsRewrite = false;
    ++health.fullRewrites;
    return {};
}

tl::expected<void, std::string> RedisStateWriter::pollInfo(RedisHealth &health)
{
    auto stats = m_connection.command({"INFO", "stats"});
    if (!stats) {
        m_needsRewrite = true;
        return tl::unexpected(stats.error());
    }
    auto memory = m_connection.command({"INFO", "memory"});
    if (!memory) {
        m_needsRewrite = true;
        return tl::unexpected(memory.error());
    }
    health.keyspaceHits = infoInteger(*stats, "keyspace_hits");
    health.keyspaceMisses = infoInteger(*stats, "keyspace_misses");
    health.usedMemoryBytes = infoInteger(*memory, "used_memory");
    const auto human = infoField(*memory, "used_memory_human");
    health.usedMemoryHuman = human ? std::string(*human) : std::string();
    health.infoWallTimeMs = wallMs();
    return {};
}

} // namespace op
