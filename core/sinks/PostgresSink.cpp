#include "sinks/PostgresSink.h"

#include "sinks/PostgresDirectPath.h"
#include "sinks/PostgresSchema.h"
#include "sinks/PostgresStatements.h"
#include "sinks/SinkPipeline.h"
#include "io/NdjsonEncoder.h"

#include <pqxx/connection>
#include <pqxx/result>
#include <pqxx/except>
#include <pqxx/stream_to>
#include <pqxx/subtransaction>
#include <pqxx/transaction>

#include <chrono>
#include <cstring>
#include <map>
#include <unordered_set>

namespace op {

struct PostgresSink::Connection
{
    explicit Connection(const std::string &options)
        : db(options)
    {
    }
    pqxx::connection db;
};

namespace {

// PostgreSQL text cannot hold NUL; JSON's \u0000 decodes to one.
std::string text(std::string_view s)
{
    std::string out(s);
    if (std::memchr(s.data(), 0, s.size()) != nullptr) {
        for (char &c : out) {
            if (c == '\0')
                c = ' ';
        }
    }
    return out;
}

const char *kindName(EventType type)
{
    switch (type) {
    case EventType::Order:
    case EventType::Placed:
        return "placement";
    case EventType::Delivered:
        return "delivered";
    case EventType::Cancelled:
        return "cancelled";
    case EventType::Rated:
        return "rated";
    }
    return "placement";
}

// A nullable COPY field: nullptr is NULL. The texts live in the row's own strings.
struct Field
{
    std::string value;
    bool null = true;

    void set(std::string v)
    {
        value = std::move(v);
        null = false;
    }
    const char *get() const { return null ? nullptr : value.c_str(); }
};

template <typename T>
void setOptional(Field &f, const std::optional<T> &v)
{
    if (v)
        f.set(pqxx::to_string(*v));
}

void setText(Field &f, const std::string &v)
{
    if (!v.empty())
        f.set(text(v));
}

void copyEvents(pqxx::work &tx, const SinkBatch &batch)
{
    static const std::vector<std::string> kColumns = {
        "order_id", "kind", "event_time_ms", "late", "payload", "kafka_partition", "kafka_offset",
        "customer_id", "merchant_id", "merchant_name", "category", "region", "amount", "delivery_fee",
        "distance_km", "promised_min", "delivery_min", "status", "rating", "ip", "payment",
        "first_item", "item_qty"};
    pqxx::stream_to stream(tx, "stage_events", kColumns);
    NdjsonEncoder encoder;
    std::string payload;
    Field f[14];
    for (const StoredRecord &r : batch.records) {
        const OrderEvent &e = r.event;
        payload.clear();
        encoder.encode(e, payload);
        for (Field &x : f)
            x.null = true;
        setText(f[0], e.customerId);
        setText(f[1], e.merchantId);
        setText(f[2], e.merchantName);
        setText(f[3], e.category);
        setText(f[4], e.region);
        setOptional(f[5], e.amount);
        setOptional(f[6], e.deliveryFee);
        setOptional(f[7], e.distanceKm);
        setOptional(f[8], e.promisedMin);
        setOptional(f[9], e.deliveryMin);
        if (e.status)
            f[10].set(std::string(orderStatusName(*e.status)));
        setOptional(f[11], e.rating);
        setText(f[12], e.ip);
        setText(f[13], e.payment);
        std::int64_t quantity = 0;
        for (const OrderItem &item : e.items)
            quantity += item.qty;
        const std::string firstItem = e.items.empty() ? std::string() : text(e.items.front().name);
        stream << std::make_tuple(text(e.orderId), kindName(e.type), static_cast<long long>(e.eventTime), r.late,
                                  payload, r.partition, static_cast<long long>(r.offset), f[0].get(), f[1].get(),
                                  f[2].get(), f[3].get(), f[4].get(), f[5].get(), f[6].get(), f[7].get(),
                                  f[8].get(), f[9].get(), f[10].get(), f[11].get(), f[12].get(), f[13].get(),
                                  e.items.empty() ? nullptr : firstItem.c_str(), static_cast<long long>(quantity));
    }
    stream.complete();
}

void copyItems(pqxx::work &tx, const SinkBatch &batch)
{
    static const std::vector<std::string> kColumns = {"order_id", "line", "product_name", "quantity", "unit_price",
                                                      "event_time_ms", "late"};
    pqxx::stream_to stream(tx, "stage_items", kColumns);
    for (const StoredRecord &r : batch.records) {
        if (r.event.items.empty() || (r.event.type != EventType::Order && r.event.type != EventType::Placed))
            continue;
        const std::string id = text(r.event.orderId);
        int line = 0;
        for (const OrderItem &item : r.event.items)
            stream << std::make_tuple(id, ++line, text(item.name), item.qty, static_cast<long long>(item.unitPrice),
                                      static_cast<long long>(r.event.eventTime), r.late);
    }
    stream.complete();
}

void copyQuarantine(pqxx::work &tx, const SinkBatch &batch)
{
    static const std::vector<std::string> kColumns = {"source", "record_offset", "line", "reason", "raw"};
    pqxx::stream_to stream(tx, "stage_quarantine", kColumns);
    for (const QuarantineRecord &q : batch.quarantined)
        stream << std::make_tuple(text(q.source), static_cast<long long>(q.offset), static_cast<long long>(q.line),
                                  text(q.reason), text(q.raw));
    stream.complete();
}

void copyAlerts(pqxx::work &tx, const SinkBatch &batch)
{
    static const std::vector<std::string> kColumns = {"rule", "entity", "window_key", "value", "severity",
                                                      "event_time_ms", "order_id"};
    pqxx::stream_to stream(tx, "stage_alerts", kColumns);
    for (const Alert &a : batch.alerts)
        stream << std::make_tuple(std::string(alertRuleName(a.rule)), text(a.entity),
                                  static_cast<long long>(a.windowStart.value_or(-1)), static_cast<long long>(a.value),
                                  std::string(alertSeverityName(a.severity)), static_cast<long long>(a.eventTime),
                                  text(a.orderId));
    stream.complete();
}

bool oneEventPerOrder(const SinkBatch &batch)
{
    std::unordered_set<std::string_view> seen;
    seen.reserve(batch.records.size());
    for (const StoredRecord &r : batch.records) {
        if (!seen.insert(r.event.orderId).second)
            return false;
    }
    return true;
}

enum class Guard { Write, AlreadyStored, Conflict };

// docs/storage.md: the stored next offset of every partition must be where the batch starts.
Guard checkOffsets(pqxx::work &tx, const SinkBatch &batch, std::string &detail)
{
    if (batch.offsets.empty())
        return Guard::Write;
    const std::string topic = tx.quote(batch.topic);
    std::string partitions;
    std::string seed;
    for (std::size_t i = 0; i < batch.startOffsets.size(); ++i) {
        const KafkaOffset &start = batch.startOffsets[i];
        partitions += (i ? "," : "") + std::to_string(start.partition);
        seed += std::string(i ? "," : "") + "(" + topic + "," + std::to_string(start.partition) + "," +
                std::to_string(start.offset) + ")";
    }
    // A partition seen for the first time starts where this batch starts; racing workers meet on
    // the primary key, and FOR UPDATE then holds the rows until commit.
    tx.exec("INSERT INTO ingest_offsets (topic, kafka_partition, next_offset) VALUES " + seed +
            " ON CONFLICT (topic, kafka_partition) DO NOTHING");
    const pqxx::result rows = tx.exec("SELECT kafka_partition, next_offset FROM ingest_offsets WHERE topic = " + topic +
                                      " AND kafka_partition IN (" + partitions + ") ORDER BY kafka_partition FOR UPDATE");
    std::map<int, std::int64_t> stored;
    for (const auto &row : rows)
        stored[row[0].as<int>()] = row[1].as<std::int64_t>();
    bool allEqual = true;
    bool allDone = true;
    for (std::size_t i = 0; i < batch.startOffsets.size(); ++i) {
        const int p = batch.startOffsets[i].partition;
        const std::int64_t have = stored.count(p) ? stored[p] : -1;
        const std::int64_t end = i < batch.offsets.size() ? batch.offsets[i].offset : -1;
        allEqual = allEqual && have == batch.startOffsets[i].offset;
        allDone = allDone && have >= end;
        if (have != batch.startOffsets[i].offset && detail.empty())
            detail = "partition " + std::to_string(p) + " of '" + batch.topic + "' is stored up to offset " +
                     std::to_string(have) + " but this batch covers " + std::to_string(batch.startOffsets[i].offset) +
                     ".." + std::to_string(end);
    }
    if (allEqual)
        return Guard::Write;
    return allDone ? Guard::AlreadyStored : Guard::Conflict;
}

} // namespace

PostgresSink::PostgresSink(PostgresUrl url, EngineSettings settings)
    : m_url(std::move(url))
    , m_settings(std::move(settings))
{
    m_health.name = name();
    m_health.state = "connecting";
}

PostgresSink::~PostgresSink() = default;

void PostgresSink::fail(const std::string &what, const std::exception &e)
{
    m_connection.reset(); // reconnect on the next call: the simplest state to reason about
    m_health.state = "reconnecting";
    m_health.lastError = m_url.redact(what + " (" + m_url.redacted() + "): " + e.what());
    while (!m_health.lastError.empty() && m_health.lastError.back() == '\n')
        m_health.lastError.pop_back();
}

tl::expected<void, std::string> PostgresSink::open()
{
    m_connection.reset();
    try {
        auto connection = std::make_unique<Connection>(m_url.connectionString());
        if (auto migrated = PostgresSchema::apply(connection->db); !migrated) {
            m_health.state = "error";
            m_health.lastError = migrated.error();
            return tl::make_unexpected(migrated.error());
        }
        pqxx::work tx(connection->db);
        tx.exec(PostgresStatements::kCreateStaging);
        tx.commit();
        m_connection = std::move(connection);
    } catch (const std::exception &e) {
        fail("cannot connect to PostgreSQL", e);
        return tl::make_unexpected(m_health.lastError);
    }
    m_health.state = "connected";
    return {};
}

tl::expected<void, std::string> PostgresSink::ensureOpen()
{
    if (m_connection && m_connection->db.is_open())
        return {};
    return open();
}

tl::expected<void, std::string> PostgresSink::write(const SinkBatch &batch)
{
    if (auto opened = ensureOpen(); !opened)
        return opened;
    const auto started = std::chrono::steady_clock::now();
    try {
        pqxx::work tx(m_connection->db);
        std::string detail;
        switch (checkOffsets(tx, batch, detail)) {
        case Guard::Write:
            break;
        case Guard::AlreadyStored:
            // Its commit went through but the answer was lost (a restart): nothing to do again.
            tx.abort();
            return {};
        case Guard::Conflict:
            tx.abort();
            m_health.state = "error";
            m_health.lastError = std::string(kOffsetConflict) + ": " + detail +
                                 " (another worker stored these partitions: this one lost them)";
            return tl::make_unexpected(m_health.lastError);
        }
        copyQuarantine(tx, batch);
        copyAlerts(tx, batch);
        // The common batch (new placements only) goes straight into the tables; see PostgresDirectPath.
        bool direct = false;
        if (!batch.records.empty() && PostgresDirectPath::eligible(batch)) {
            try {
                pqxx::subtransaction sub(tx, "direct");
                PostgresDirectPath::copyFacts(sub, batch, m_settings);
                sub.commit();
                direct = true;
            } catch (const pqxx::unique_violation &) {
                // Some record was stored before (a restart, another worker): rolled back to the
                // savepoint, the staging path sorts out which ones.
            }
        }
        std::size_t inserted = batch.records.size();
        if (direct) {
            PostgresDirectPath::upsertAggregates(tx, batch, m_settings);
            for (const std::string &sql : PostgresStatements::sideTables(m_settings))
                tx.exec(sql);
        } else {
            copyEvents(tx, batch);
            copyItems(tx, batch);
            inserted = tx.exec(PostgresStatements::insertEvents(batch.topic, tx)).affected_rows();
            if (inserted < batch.records.size()) {
                for (const std::string &sql : PostgresStatements::dropStale(batch.topic, tx))
                    tx.exec(sql);
            }
            for (const std::string &sql : PostgresStatements::derived(m_settings, oneEventPerOrder(batch)))
                tx.exec(sql);
        }
        const std::int64_t duplicates =
            batch.duplicates + static_cast<std::int64_t>(batch.records.size()) - static_cast<std::int64_t>(inserted);
        if (duplicates > 0)
            tx.exec("UPDATE ingest_counters SET value = value + " + std::to_string(duplicates) +
                    " WHERE name = 'duplicates'");
        if (!batch.offsets.empty()) {
            std::string values;
            for (std::size_t i = 0; i < batch.offsets.size(); ++i)
                values += std::string(i ? "," : "") + "(" + tx.quote(batch.topic) + "," +
                          std::to_string(batch.offsets[i].partition) + "," + std::to_string(batch.offsets[i].offset) + ")";
            tx.exec("INSERT INTO ingest_offsets (topic, kafka_partition, next_offset) VALUES " + values +
                    " ON CONFLICT (topic, kafka_partition) DO UPDATE SET next_offset = EXCLUDED.next_offset,"
                    " updated_at = NOW() AT TIME ZONE 'UTC'");
        }
        tx.commit();
    } catch (const std::exception &e) {
        fail("cannot store a batch in PostgreSQL", e);
        return tl::make_unexpected(m_health.lastError);
    }
    m_health.state = "connected";
    ++m_health.batchesWritten;
    m_health.recordsWritten += static_cast<std::int64_t>(batch.records.size());
    m_health.lastFlushMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return {};
}

std::optional<std::int64_t> PostgresSink::storedOffset(const std::string &topic, int partition)
{
    if (!ensureOpen())
        return std::nullopt;
    try {
        pqxx::read_transaction tx(m_connection->db);
        const pqxx::result r = tx.exec("SELECT next_offset FROM ingest_offsets WHERE topic = " + tx.quote(topic) +
                                       " AND kafka_partition = " + std::to_string(partition));
        if (r.empty())
            return std::nullopt;
        return r[0][0].as<std::int64_t>();
    } catch (const std::exception &e) {
        fail("cannot read the stored offsets from PostgreSQL", e);
        return std::nullopt;
    }
}

tl::expected<void, std::string> PostgresSink::refreshCustomerRfm()
{
    if (auto opened = ensureOpen(); !opened)
        return opened;
    try {
        PostgresSchema::refreshCustomerRfm(m_connection->db, m_settings.gradeHorizonDays, m_settings.clvLifetimeMonths);
    } catch (const std::exception &e) {
        fail("cannot recompute customer_rfm", e);
        return tl::make_unexpected(m_health.lastError);
    }
    return {};
}

SinkHealth PostgresSink::health() const
{
    return m_health;
}

} // namespace op
