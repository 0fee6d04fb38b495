#include "sinks/PostgresStatements.h"

namespace op {

namespace {

// SQL for the timestamp of a millisecond count (exact, unlike to_timestamp's double).
std::string ts(const std::string &ms)
{
    return "(TIMESTAMP 'epoch' + (" + ms + ") * INTERVAL '1 millisecond')";
}

// Start of the epoch-aligned window holding `ms` (floor, also before 1970).
std::string windowOf(const std::string &ms, std::int64_t width)
{
    const std::string w = std::to_string(width);
    return "(" + ms + " - (((" + ms + ") % " + w + ") + " + w + ") % " + w + ")";
}

} // namespace

const char *const PostgresStatements::kCreateStaging = R"SQL(
CREATE TEMP TABLE IF NOT EXISTS stage_events (
    order_id TEXT, kind TEXT, event_time_ms BIGINT, late BOOLEAN, payload TEXT,
    kafka_partition INTEGER, kafka_offset BIGINT,
    customer_id TEXT, merchant_id TEXT, merchant_name TEXT, category TEXT, region TEXT,
    amount BIGINT, delivery_fee BIGINT, distance_km DOUBLE PRECISION, promised_min DOUBLE PRECISION,
    delivery_min DOUBLE PRECISION, status TEXT, rating DOUBLE PRECISION, ip TEXT, payment TEXT,
    first_item TEXT, item_qty BIGINT
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_items (
    order_id TEXT, line INTEGER, product_name TEXT, quantity INTEGER, unit_price BIGINT, event_time_ms BIGINT,
    late BOOLEAN
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_quarantine (
    source TEXT, record_offset BIGINT, line BIGINT, reason TEXT, raw TEXT
) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE IF NOT EXISTS stage_alerts (
    rule TEXT, entity TEXT, window_key BIGINT, value BIGINT, severity TEXT, event_time_ms BIGINT, order_id TEXT
) ON COMMIT DELETE ROWS;
)SQL";

std::string PostgresStatements::insertEvents(const std::string &topic, pqxx::transaction_base &tx)
{
    return "INSERT INTO order_events (order_id, kind, event_time_ms, late, payload, topic, kafka_partition, kafka_offset)"
           " SELECT order_id, kind, event_time_ms, late, payload, " + tx.quote(topic) + ", kafka_partition, kafka_offset"
           " FROM stage_events ORDER BY order_id, kind"
           " ON CONFLICT (order_id, kind) DO NOTHING";
}

std::vector<std::string> PostgresStatements::dropStale(const std::string &topic, pqxx::transaction_base &tx)
{
    // A staged record is fresh when the stored row is this very message (its partition and offset).
    // Temporary tables are never analysed by autovacuum: without statistics the planner may join
    // them by nested loops (quadratic in the batch size).
    return {"ANALYZE stage_events, stage_items",
            "DELETE FROM stage_events s WHERE NOT EXISTS (SELECT 1 FROM order_events o"
            " WHERE o.order_id = s.order_id AND o.kind = s.kind AND o.topic = " + tx.quote(topic) +
                " AND o.kafka_partition = s.kafka_partition AND o.kafka_offset = s.kafka_offset)",
            "DELETE FROM stage_items i WHERE NOT EXISTS (SELECT 1 FROM stage_events s"
            " WHERE s.order_id = i.order_id AND s.kind = 'placement')"};
}

std::vector<std::string> PostgresStatements::derived(const EngineSettings &settings, bool oneEventPerOrder)
{
    const std::string rt = windowOf("event_time_ms", settings.realtimeWindowMs);
    const std::string rtWidth = std::to_string(settings.realtimeWindowMs);
    const std::string pop = windowOf("event_time_ms", settings.popularItemsWindowMs);
    const std::string popWidth = std::to_string(settings.popularItemsWindowMs);
    const std::string ipw = windowOf("event_time_ms", settings.ipVelocityWindowMs);
    std::vector<std::string> out;
    // Upserts insert in key order so that concurrent workers lock shared rows in the same order.
    out.push_back(R"SQL(
INSERT INTO orders AS o (order_id, order_time, customer_id, merchant_id, merchant_name, category, region, amount,
                         delivery_fee, distance_km, promised_min, delivery_min, status, status_rank, rating,
                         ip_address, payment, late))SQL" +
                  (oneEventPerOrder ? R"SQL(
SELECT order_id, CASE WHEN kind = 'placement' THEN )SQL" + ts("event_time_ms") + R"SQL( END,
       customer_id, merchant_id, merchant_name, category, region, amount, delivery_fee, distance_km, promised_min,
       delivery_min, status, CASE WHEN status IS NULL THEN 0 WHEN kind = 'placement' THEN 1 ELSE 2 END,
       rating, ip, payment, CASE WHEN kind = 'placement' THEN late END
  FROM stage_events ORDER BY order_id
)SQL" : R"SQL(
SELECT order_id,
       )SQL" + ts("MIN(event_time_ms) FILTER (WHERE kind = 'placement')") + R"SQL(,
       MAX(customer_id), MAX(merchant_id), MAX(merchant_name), MAX(category), MAX(region), MAX(amount),
       MAX(delivery_fee), MAX(distance_km), MAX(promised_min), MAX(delivery_min),
       (ARRAY_AGG(status ORDER BY kind <> 'placement' DESC, event_time_ms DESC) FILTER (WHERE status IS NOT NULL))[1],
       COALESCE(MAX(CASE WHEN status IS NULL THEN 0 WHEN kind = 'placement' THEN 1 ELSE 2 END), 0),
       MAX(rating), MAX(ip), MAX(payment), BOOL_OR(late) FILTER (WHERE kind = 'placement')
  FROM stage_events GROUP BY order_id ORDER BY order_id
)SQL") + R"SQL(ON CONFLICT (order_id) DO UPDATE SET
       order_time = COALESCE(EXCLUDED.order_time, o.order_time),
       customer_id = COALESCE(EXCLUDED.customer_id, o.customer_id),
       merchant_id = COALESCE(EXCLUDED.merchant_id, o.merchant_id),
       merchant_name = COALESCE(EXCLUDED.merchant_name, o.merchant_name),
       category = COALESCE(EXCLUDED.category, o.category),
       region = COALESCE(EXCLUDED.region, o.region),
       amount = COALESCE(EXCLUDED.amount, o.amount),
       delivery_fee = COALESCE(EXCLUDED.delivery_fee, o.delivery_fee),
       distance_km = COALESCE(EXCLUDED.distance_km, o.distance_km),
       promised_min = COALESCE(EXCLUDED.promised_min, o.promised_min),
       delivery_min = COALESCE(EXCLUDED.delivery_min, o.delivery_min),
       status = CASE WHEN EXCLUDED.status IS NOT NULL AND EXCLUDED.status_rank >= o.status_rank
                     THEN EXCLUDED.status ELSE o.status END,
       status_rank = GREATEST(o.status_rank, EXCLUDED.status_rank),
       rating = COALESCE(EXCLUDED.rating, o.rating),
       ip_address = COALESCE(EXCLUDED.ip_address, o.ip_address),
       payment = COALESCE(EXCLUDED.payment, o.payment),
       late = COALESCE(EXCLUDED.late, o.late)
)SQL");
    out.push_back(R"SQL(
INSERT INTO order_items (order_id, line, product_name, quantity, unit_price)
SELECT i.order_id, i.line, i.product_name, i.quantity, i.unit_price
  FROM stage_items i
ON CONFLICT (order_id, line) DO NOTHING
)SQL");
    out.push_back(R"SQL(
INSERT INTO customers AS c (customer_id, first_order, last_order, orders, sales)
SELECT customer_id, )SQL" + ts("MIN(event_time_ms)") + ", " + ts("MAX(event_time_ms)") + R"SQL(,
       COUNT(*), COALESCE(SUM(amount), 0)
  FROM stage_events WHERE kind = 'placement' AND customer_id IS NOT NULL
 GROUP BY customer_id ORDER BY customer_id
ON CONFLICT (customer_id) DO UPDATE SET
       first_order = LEAST(c.first_order, EXCLUDED.first_order),
       last_order = GREATEST(c.last_order, EXCLUDED.last_order),
       orders = c.orders + EXCLUDED.orders,
       sales = c.sales + EXCLUDED.sales
)SQL");
    out.push_back(R"SQL(
INSERT INTO merchants AS m (merchant_id, name, orders, sales)
SELECT merchant_id, MAX(merchant_name), COUNT(*), COALESCE(SUM(amount), 0)
  FROM stage_events WHERE kind = 'placement' AND merchant_id IS NOT NULL
 GROUP BY merchant_id ORDER BY merchant_id
ON CONFLICT (merchant_id) DO UPDATE SET
       name = COALESCE(EXCLUDED.name, m.name),
       orders = m.orders + EXCLUDED.orders,
       sales = m.sales + EXCLUDED.sales
)SQL");
    out.push_back(R"SQL(
INSERT INTO realtime_stats AS r (stat_time, window_start, total_orders, total_sales, avg_order_value)
SELECT )SQL" + ts("w + " + rtWidth) + ", " + ts("w") + R"SQL(, COUNT(*), SUM(amount),
       ROUND(SUM(amount)::NUMERIC / COUNT(*))
  FROM (SELECT )SQL" + rt + R"SQL( AS w, COALESCE(amount, 0) AS amount
          FROM stage_events WHERE kind = 'placement' AND NOT late) x
 GROUP BY w ORDER BY w
ON CONFLICT (stat_time) DO UPDATE SET
       total_orders = r.total_orders + EXCLUDED.total_orders,
       total_sales = r.total_sales + EXCLUDED.total_sales,
       avg_order_value = ROUND((r.total_sales + EXCLUDED.total_sales)::NUMERIC
                               / GREATEST(r.total_orders + EXCLUDED.total_orders, 1)),
       created_at = NOW()
)SQL");
    out.push_back(R"SQL(
INSERT INTO popular_products AS p (window_start, window_end, product_name, order_count, total_sales, quantity)
SELECT )SQL" + ts("w") + ", " + ts("w + " + popWidth) + R"SQL(, product_name, COUNT(DISTINCT order_id),
       SUM(sales), SUM(quantity)
  FROM (SELECT )SQL" + pop + R"SQL( AS w, product_name, order_id, quantity::BIGINT * unit_price AS sales, quantity
          FROM stage_items WHERE NOT late) x
 GROUP BY w, product_name ORDER BY w, product_name
ON CONFLICT (window_start, product_name) DO UPDATE SET
       order_count = p.order_count + EXCLUDED.order_count,
       total_sales = p.total_sales + EXCLUDED.total_sales,
       quantity = p.quantity + EXCLUDED.quantity,
       created_at = NOW()
)SQL");
    out.push_back(R"SQL(
INSERT INTO ip_windows AS w (window_start, ip_address, order_count, total_spent)
SELECT )SQL" + ts("w") + R"SQL(, ip, COUNT(*), SUM(amount)
  FROM (SELECT )SQL" + ipw + R"SQL( AS w, ip, COALESCE(amount, 0) AS amount
          FROM stage_events WHERE kind = 'placement' AND NOT late AND ip IS NOT NULL) x
 GROUP BY w, ip ORDER BY w, ip
ON CONFLICT (window_start, ip_address) DO UPDATE SET
       order_count = w.order_count + EXCLUDED.order_count,
       total_spent = w.total_spent + EXCLUDED.total_spent,
       created_at = NOW()
)SQL");
    out.push_back(R"SQL(
INSERT INTO high_value_orders (order_time, order_id, product_name, quantity, total_price, ip_address)
SELECT )SQL" + ts("event_time_ms") + R"SQL(, order_id, first_item, item_qty, amount, ip
  FROM stage_events WHERE kind = 'placement' AND amount >= )SQL" +
                  std::to_string(settings.highValueThreshold) + R"SQL(
 ORDER BY order_id
ON CONFLICT (order_id) DO NOTHING
)SQL");
    for (std::string &sql : sideTables(settings))
        out.push_back(std::move(sql));
    return out;
}

std::vector<std::string> PostgresStatements::sideTables(const EngineSettings &settings)
{
    const std::string rtWidth = std::to_string(settings.realtimeWindowMs);
    std::vector<std::string> out;
    // Live alerts; an IP-velocity alert also counts in its realtime window (the first worker to
    // store an alert for an IP and window counts it).
    out.push_back(R"SQL(
WITH ins AS (
    INSERT INTO alerts (rule, entity, window_key, window_start, value, severity, event_time, order_id)
    SELECT rule, entity, window_key, CASE WHEN window_key >= 0 THEN )SQL" + ts("window_key") + R"SQL( END,
           value, severity, )SQL" + ts("event_time_ms") + R"SQL(, order_id
      FROM stage_alerts ORDER BY rule, entity, window_key
    ON CONFLICT (rule, entity, window_key) DO NOTHING
    RETURNING rule, event_time
)
INSERT INTO realtime_stats AS r (stat_time, window_start, suspicious_ip_count)
SELECT )SQL" + ts("w + " + rtWidth) + ", " + ts("w") + R"SQL(, COUNT(*)
  FROM (SELECT )SQL" + windowOf("(EXTRACT(EPOCH FROM event_time) * 1000)::BIGINT", settings.realtimeWindowMs) +
                  R"SQL( AS w FROM ins WHERE rule = 'ip_velocity') x
 GROUP BY w ORDER BY w
ON CONFLICT (stat_time) DO UPDATE SET
       suspicious_ip_count = r.suspicious_ip_count + EXCLUDED.suspicious_ip_count,
       created_at = NOW()
)SQL");
    out.push_back(R"SQL(
INSERT INTO quarantine (source, record_offset, line, reason, raw)
SELECT source, record_offset, line, reason, raw FROM stage_quarantine ORDER BY source, record_offset
ON CONFLICT (source, record_offset) DO NOTHING
)SQL");
    return out;
}

} // namespace op
