#include "sinks/PostgresDirectPath.h"

#include "io/NdjsonEncoder.h"
#include "model/Timestamp.h"

#include <pqxx/stream_to>

#include <algorithm>
#include <cstring>
#include <map>
#include <tuple>
#include <unordered_set>

namespace op {

namespace {

// PostgreSQL text cannot hold NUL; JSON's \u0000 decodes to one (as the staging path does).
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

// Years 1..9999: what formatIsoUtcMillis writes as PostgreSQL reads it.
constexpr TimestampMs kMinTime = -62135596800000LL;
constexpr TimestampMs kMaxTime = 253402300799999LL;

// A TIMESTAMP (without zone) literal of the same instant the staging path computes
// as TIMESTAMP 'epoch' + ms * INTERVAL '1 millisecond'.
std::string timestamp(TimestampMs t)
{
    std::string s = formatIsoUtcMillis(t);
    s.pop_back(); // the 'Z'
    return s;
}

// SQL for the timestamp of a millisecond count (as PostgresStatements writes it).
std::string ts(const std::string &ms)
{
    return "(TIMESTAMP 'epoch' + (" + ms + ") * INTERVAL '1 millisecond')";
}

// A nullable COPY field: nullptr is NULL.
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
    f.null = true;
    if (v)
        f.set(pqxx::to_string(*v));
}

void setText(Field &f, const std::string &v)
{
    f.null = true;
    if (!v.empty())
        f.set(text(v));
}

using Records = std::vector<const StoredRecord *>;

void copyEventsAndOrders(pqxx::transaction_base &tx, const SinkBatch &batch, const Records &records)
{
    static const std::vector<std::string> kEventColumns = {"order_id", "kind", "event_time_ms", "late", "payload",
                                                           "topic", "kafka_partition", "kafka_offset"};
    {
        pqxx::stream_to stream(tx, "order_events", kEventColumns);
        NdjsonEncoder encoder;
        std::string payload;
        for (const StoredRecord *record : records) {
            const StoredRecord &r = *record;
            payload.clear();
            encoder.encode(r.event, payload);
            stream << std::make_tuple(text(r.event.orderId), "placement", static_cast<long long>(r.event.eventTime),
                                      r.late, payload, batch.topic, r.partition, static_cast<long long>(r.offset));
        }
        stream.complete();
    }
    static const std::vector<std::string> kOrderColumns = {
        "order_id", "order_time", "customer_id", "merchant_id", "merchant_name", "category", "region", "amount",
        "delivery_fee", "distance_km", "promised_min", "delivery_min", "status", "status_rank", "rating",
        "ip_address", "payment", "late"};
    pqxx::stream_to stream(tx, "orders", kOrderColumns);
    Field f[14];
    for (const StoredRecord *record : records) {
        const StoredRecord &r = *record;
        const OrderEvent &e = r.event;
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
        f[10].null = true;
        if (e.status)
            f[10].set(std::string(orderStatusName(*e.status)));
        setOptional(f[11], e.rating);
        setText(f[12], e.ip);
        setText(f[13], e.payment);
        stream << std::make_tuple(text(e.orderId), timestamp(e.eventTime), f[0].get(), f[1].get(), f[2].get(),
                                  f[3].get(), f[4].get(), f[5].get(), f[6].get(), f[7].get(), f[8].get(), f[9].get(),
                                  f[10].get(), e.status ? 1 : 0, f[11].get(), f[12].get(), f[13].get(), r.late);
    }
    stream.complete();
}

void copyItemsAndHighValue(pqxx::transaction_base &tx, const Records &records, const EngineSettings &settings)
{
    static const std::vector<std::string> kItemColumns = {"order_id", "line", "product_name", "quantity",
                                                          "unit_price"};
    {
        pqxx::stream_to stream(tx, "order_items", kItemColumns);
        for (const StoredRecord *r : records) {
            const std::string id = r->event.items.empty() ? std::string() : text(r->event.orderId);
            int line = 0;
            for (const OrderItem &item : r->event.items)
                stream << std::make_tuple(id, ++line, text(item.name), item.qty, static_cast<long long>(item.unitPrice));
        }
        stream.complete();
    }
    static const std::vector<std::string> kHighValueColumns = {"order_time", "order_id", "product_name", "quantity",
                                                               "total_price", "ip_address"};
    pqxx::stream_to stream(tx, "high_value_orders", kHighValueColumns);
    Field first;
    Field ip;
    for (const StoredRecord *r : records) {
        const OrderEvent &e = r->event;
        if (!e.amount || *e.amount < settings.highValueThreshold)
            continue;
        long long quantity = 0;
        for (const OrderItem &item : e.items)
            quantity += item.qty;
        first.null = true;
        if (!e.items.empty())
            first.set(text(e.items.front().name));
        setText(ip, e.ip);
        stream << std::make_tuple(timestamp(e.eventTime), text(e.orderId), first.get(), quantity,
                                  static_cast<long long>(*e.amount), ip.get());
    }
    stream.complete();
}

// A PostgreSQL array literal ({…}) built element by element.
class ArrayLiteral
{
public:
    void number(std::int64_t v)
    {
        separate();
        m_text += std::to_string(v);
    }
    // emptyIsNull: an empty text is NULL (as the staging path stores absent fields).
    void text(const std::string &v, bool emptyIsNull = true)
    {
        separate();
        if (v.empty() && emptyIsNull) {
            m_text += "NULL";
            return;
        }
        m_text += '"';
        for (const char c : v) {
            if (c == '"' || c == '\\')
                m_text += '\\';
            m_text += c;
        }
        m_text += '"';
    }
    const std::string &done()
    {
        m_text += '}';
        return m_text;
    }

private:
    void separate() { m_text += m_text.size() > 1 ? "," : ""; }

    std::string m_text = "{";
};

struct Sum
{
    std::int64_t count = 0;
    std::int64_t sales = 0;
};

} // namespace

bool PostgresDirectPath::eligible(const SinkBatch &batch)
{
    std::unordered_set<std::string_view> seen;
    seen.reserve(batch.records.size());
    for (const StoredRecord &r : batch.records) {
        const OrderEvent &e = r.event;
        if ((e.type != EventType::Order && e.type != EventType::Placed) || e.eventTime < kMinTime ||
            e.eventTime > kMaxTime || !seen.insert(e.orderId).second)
            return false;
    }
    return true;
}

void PostgresDirectPath::copyFacts(pqxx::transaction_base &tx, const SinkBatch &batch, const EngineSettings &settings)
{
    // In order_id order: concurrent writers then never wait on each other's new keys in a cycle.
    Records records;
    records.reserve(batch.records.size());
    for (const StoredRecord &r : batch.records)
        records.push_back(&r);
    std::sort(records.begin(), records.end(),
              [](const StoredRecord *a, const StoredRecord *b) { return a->event.orderId < b->event.orderId; });
    copyEventsAndOrders(tx, batch, records);
    copyItemsAndHighValue(tx, records, settings);
}

void PostgresDirectPath::upsertAggregates(pqxx::transaction_base &tx, const SinkBatch &batch,
                                          const EngineSettings &settings)
{
    struct Customer
    {
        TimestampMs first = 0;
        TimestampMs last = 0;
        Sum sum;
    };
    struct Product
    {
        std::int64_t orders = 0;
        std::int64_t sales = 0;
        std::int64_t quantity = 0;
        const std::string *lastOrder = nullptr; // COUNT(DISTINCT order_id): an order's lines are adjacent
    };
    std::map<std::string, Customer> customers;
    std::map<std::pair<std::string, std::string>, Sum> merchants; // (id, name): SQL takes MAX(name)
    std::map<TimestampMs, Sum> realtime;
    std::map<std::pair<TimestampMs, std::string>, Product> products;
    std::map<std::pair<TimestampMs, std::string>, Sum> ips;
    for (const StoredRecord &r : batch.records) {
        const OrderEvent &e = r.event;
        const std::int64_t amount = e.amount.value_or(0);
        if (!e.customerId.empty()) {
            auto [it, added] = customers.try_emplace(text(e.customerId));
            Customer &c = it->second;
            c.first = added ? e.eventTime : std::min(c.first, e.eventTime);
            c.last = added ? e.eventTime : std::max(c.last, e.eventTime);
            ++c.sum.count;
            c.sum.sales += amount;
        }
        if (!e.merchantId.empty()) {
            Sum &m = merchants[{text(e.merchantId), text(e.merchantName)}];
            ++m.count;
            m.sales += amount;
        }
        if (r.late)
            continue;
        Sum &w = realtime[floorTo(e.eventTime, settings.realtimeWindowMs)];
        ++w.count;
        w.sales += amount;
        const TimestampMs pop = floorTo(e.eventTime, settings.popularItemsWindowMs);
        for (const OrderItem &item : e.items) {
            Product &p = products[{pop, text(item.name)}];
            if (p.lastOrder != &e.orderId) {
                ++p.orders;
                p.lastOrder = &e.orderId;
            }
            p.sales += static_cast<std::int64_t>(item.qty) * item.unitPrice;
            p.quantity += item.qty;
        }
        if (!e.ip.empty()) {
            Sum &ip = ips[{floorTo(e.eventTime, settings.ipVelocityWindowMs), text(e.ip)}];
            ++ip.count;
            ip.sales += amount;
        }
    }
    const std::string rtWidth = std::to_string(settings.realtimeWindowMs);
    const std::string popWidth = std::to_string(settings.popularItemsWindowMs);
    // Each statement orders its rows as the staging path does (lock order between workers, ids).
    // The rows go as array parameters: a VALUES list of thousands of rows costs more to parse than
    // to store.
    if (!customers.empty()) {
        ArrayLiteral id, first, last, count, sales;
        for (const auto &[key, c] : customers) {
            id.text(key);
            first.number(c.first);
            last.number(c.last);
            count.number(c.sum.count);
            sales.number(c.sum.sales);
        }
        tx.exec_params("INSERT INTO customers AS c (customer_id, first_order, last_order, orders, sales) SELECT id, " +
                           ts("mn") + ", " + ts("mx") + ", k, s"
                           " FROM unnest($1::TEXT[], $2::BIGINT[], $3::BIGINT[], $4::BIGINT[], $5::BIGINT[])"
                           " v(id, mn, mx, k, s) ORDER BY id"
                           " ON CONFLICT (customer_id) DO UPDATE SET first_order = LEAST(c.first_order, EXCLUDED.first_order),"
                           " last_order = GREATEST(c.last_order, EXCLUDED.last_order), orders = c.orders + EXCLUDED.orders,"
                           " sales = c.sales + EXCLUDED.sales",
                       id.done(), first.done(), last.done(), count.done(), sales.done());
    }
    if (!merchants.empty()) {
        ArrayLiteral id, name, count, sales;
        for (const auto &[key, m] : merchants) {
            id.text(key.first);
            name.text(key.second);
            count.number(m.count);
            sales.number(m.sales);
        }
        tx.exec_params("INSERT INTO merchants AS m (merchant_id, name, orders, sales)"
                       " SELECT id, MAX(name), SUM(k), SUM(s)"
                       " FROM unnest($1::TEXT[], $2::TEXT[], $3::BIGINT[], $4::BIGINT[]) v(id, name, k, s)"
                       " GROUP BY id ORDER BY id"
                       " ON CONFLICT (merchant_id) DO UPDATE SET name = COALESCE(EXCLUDED.name, m.name),"
                       " orders = m.orders + EXCLUDED.orders, sales = m.sales + EXCLUDED.sales",
                       id.done(), name.done(), count.done(), sales.done());
    }
    if (!realtime.empty()) {
        ArrayLiteral window, count, sales;
        for (const auto &[w, s] : realtime) {
            window.number(w);
            count.number(s.count);
            sales.number(s.sales);
        }
        tx.exec_params("INSERT INTO realtime_stats AS r (stat_time, window_start, total_orders, total_sales, "
                       "avg_order_value) SELECT " + ts("w + " + rtWidth) + ", " + ts("w") +
                           ", k, s, ROUND(s::NUMERIC / k)"
                           " FROM unnest($1::BIGINT[], $2::BIGINT[], $3::BIGINT[]) v(w, k, s) ORDER BY w"
                           " ON CONFLICT (stat_time) DO UPDATE SET total_orders = r.total_orders + EXCLUDED.total_orders,"
                           " total_sales = r.total_sales + EXCLUDED.total_sales,"
                           " avg_order_value = ROUND((r.total_sales + EXCLUDED.total_sales)::NUMERIC"
                           " / GREATEST(r.total_orders + EXCLUDED.total_orders, 1)), created_at = NOW()",
                       window.done(), count.done(), sales.done());
    }
    if (!products.empty()) {
        ArrayLiteral window, name, count, sales, quantity;
        for (const auto &[key, p] : products) {
            window.number(key.first);
            name.text(key.second, false);
            count.number(p.orders);
            sales.number(p.sales);
            quantity.number(p.quantity);
        }
        tx.exec_params("INSERT INTO popular_products AS p (window_start, window_end, product_name, order_count, "
                       "total_sales, quantity) SELECT " + ts("w") + ", " + ts("w + " + popWidth) +
                           ", name, k, s, q"
                           " FROM unnest($1::BIGINT[], $2::TEXT[], $3::BIGINT[], $4::BIGINT[], $5::BIGINT[])"
                           " v(w, name, k, s, q) ORDER BY w, name"
                           " ON CONFLICT (window_start, product_name) DO UPDATE SET"
                           " order_count = p.order_count + EXCLUDED.order_count,"
                           " total_sales = p.total_sales + EXCLUDED.total_sales, quantity = p.quantity + EXCLUDED.quantity,"
                           " created_at = NOW()",
                       window.done(), name.done(), count.done(), sales.done(), quantity.done());
    }
    if (!ips.empty()) {
        ArrayLiteral window, ip, count, sales;
        for (const auto &[key, s] : ips) {
            window.number(key.first);
            ip.text(key.second);
            count.number(s.count);
            sales.number(s.sales);
        }
        tx.exec_params("INSERT INTO ip_windows AS w (window_start, ip_address, order_count, total_spent) SELECT " +
                           ts("w") + ", ip, k, s"
                           " FROM unnest($1::BIGINT[], $2::TEXT[], $3::BIGINT[], $4::BIGINT[]) v(w, ip, k, s)"
                           " ORDER BY w, ip"
                           " ON CONFLICT (window_start, ip_address) DO UPDATE SET"
                           " order_count = w.order_count + EXCLUDED.order_count,"
                           " total_spent = w.total_spent + EXCLUDED.total_spent, created_at = NOW()",
                       window.done(), ip.done(), count.done(), sales.done());
    }
}

} // namespace op
