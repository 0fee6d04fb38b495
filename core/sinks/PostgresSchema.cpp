#include "sinks/PostgresSchema.h"

#include <pqxx/transaction>

#include <array>

namespace op {

namespace {

// Timestamps are TIMESTAMP in UTC (seed 002's Grafana queries compare them with NOW()); created_at
// keeps seed 002's DEFAULT NOW(). Money is BIGINT won.
constexpr const char *kMigration1 = R"SQL(
CREATE TABLE order_events (
    order_id        TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    event_time_ms   BIGINT  NOT NULL,
    late            BOOLEAN NOT NULL,
    payload         TEXT    NOT NULL,
    topic           TEXT    NOT NULL,
    kafka_partition INTEGER NOT NULL,
    kafka_offset    BIGINT  NOT NULL,
    stored_at       TIMESTAMP NOT NULL DEFAULT (NOW() AT TIME ZONE 'UTC'),
    PRIMARY KEY (order_id, kind)
);
CREATE INDEX order_events_replay ON order_events (event_time_ms, order_id COLLATE "C", kind COLLATE "C");

CREATE TABLE orders (
    order_id      TEXT PRIMARY KEY,
    order_time    TIMESTAMP,
    customer_id   TEXT,
    merchant_id   TEXT,
    merchant_name TEXT,
    category      TEXT,
    region        TEXT,
    amount        BIGINT,
    delivery_fee  BIGINT,
    distance_km   DOUBLE PRECISION,
    promised_min  DOUBLE PRECISION,
    delivery_min  DOUBLE PRECISION,
    status        TEXT,
    status_rank   SMALLINT NOT NULL DEFAULT 0,
    rating        DOUBLE PRECISION,
    ip_address    TEXT,
    payment       TEXT,
    late          BOOLEAN
);
CREATE INDEX orders_time ON orders (order_time);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE INDEX orders_merchant ON orders (merchant_id);

CREATE TABLE order_items (
    order_id     TEXT    NOT NULL,
    line         INTEGER NOT NULL,
    product_name TEXT    NOT NULL,
    quantity     INTEGER NOT NULL,
    unit_price   BIGINT  NOT NULL,
    PRIMARY KEY (order_id, line)
);

CREATE TABLE customers (
    customer_id TEXT PRIMARY KEY,
    first_order TIMESTAMP,
    last_order  TIMESTAMP,
    orders      BIGINT NOT NULL,
    sales       BIGINT NOT NULL
);

CREATE TABLE merchants (
    merchant_id TEXT PRIMARY KEY,
    name        TEXT,
    orders      BIGINT NOT NULL,
    sales       BIGINT NOT NULL
);

CREATE TABLE customer_rfm (
    customer_id TEXT PRIMARY KEY,
    recency     TIMESTAMP,
    frequency   BIGINT NOT NULL,
    monetary    BIGINT NOT NULL,
    r           SMALLINT NOT NULL,
    f           SMALLINT NOT NULL,
    m           SMALLINT NOT NULL,
    segment     TEXT NOT NULL,
    grade       TEXT NOT NULL,
    clv         BIGINT NOT NULL,
    computed_at TIMESTAMP NOT NULL DEFAULT (NOW() AT TIME ZONE 'UTC')
);
CREATE INDEX customer_rfm_segment ON customer_rfm (segment);

CREATE TABLE realtime_stats (
    id                  BIGSERIAL PRIMARY KEY,
    stat_time           TIMESTAMP NOT NULL UNIQUE,
    window_start        TIMESTAMP NOT NULL,
    total_orders        INTEGER NOT NULL DEFAULT 0,
    total_sales         BIGINT  NOT NULL DEFAULT 0,
    avg_order_value     BIGINT  NOT NULL DEFAULT 0,
    suspicious_ip_count INTEGER NOT NULL DEFAULT 0,
    created_at          TIMESTAMP DEFAULT NOW()
);

CREATE TABLE popular_products (
    id           BIGSERIAL PRIMARY KEY,
    window_start TIMESTAMP NOT NULL,
    window_end   TIMESTAMP NOT NULL,
    product_name TEXT NOT NULL,
    order_count  INTEGER NOT NULL,
    total_sales  BIGINT NOT NULL,
    quantity     BIGINT NOT NULL,
    created_at   TIMESTAMP DEFAULT NOW(),
    UNIQUE (window_start, product_name)
);
CREATE INDEX idx_popular_created ON popular_products (created_at);
CREATE INDEX idx_popular_window ON popular_products (window_end);

CREATE TABLE ip_windows (
    window_start TIMESTAMP NOT NULL,
    ip_address   TEXT NOT NULL,
    order_count  INTEGER NOT NULL,
    total_spent  BIGINT NOT NULL,
    created_at   TIMESTAMP DEFAULT NOW(),
    PRIMARY KEY (window_start, ip_address)
);
CREATE INDEX ip_windows_suspicious ON ip_windows (created_at) WHERE order_count >= 10;
CREATE INDEX ip_windows_ip ON ip_windows (ip_address) WHERE order_count >= 10;

-- Seed 002's table as a view over the per-window IP counts (threshold: DESIGN.md's default 10).
CREATE VIEW suspicious_ips AS
    SELECT row_number() OVER (ORDER BY window_start, ip_address) AS id,
           window_start, ip_address, order_count, total_spent, created_at
      FROM ip_windows
     WHERE order_count >= 10;

CREATE TABLE high_value_orders (
    id           BIGSERIAL PRIMARY KEY,
    order_time   TIMESTAMP,
    order_id     TEXT NOT NULL UNIQUE,
    product_name TEXT,
    quantity     INTEGER,
    total_price  BIGINT,
    ip_address   TEXT,
    created_at   TIMESTAMP DEFAULT NOW()
);
CREATE INDEX idx_high_value_time ON high_value_orders (order_time);
CREATE INDEX idx_high_value_price ON high_value_orders (total_price);
CREATE INDEX idx_high_value_created ON high_value_orders (created_at);

CREATE TABLE alerts (
    rule         TEXT NOT NULL,
    entity       TEXT NOT NULL,
    window_key   BIGINT NOT NULL, -- window start in ms, -1 for rules without a window
    window_start TIMESTAMP,
    value        BIGINT NOT NULL,
    severity     TEXT NOT NULL,
    event_time   TIMESTAMP NOT NULL,
    order_id     TEXT,
    acknowledged BOOLEAN NOT NULL DEFAULT FALSE,
    created_at   TIMESTAMP DEFAULT NOW(),
    PRIMARY KEY (rule, entity, window_key)
);
CREATE INDEX alerts_time ON alerts (event_time);

CREATE TABLE quarantine (
    source        TEXT NOT NULL,
    record_offset BIGINT NOT NULL,
    line          BIGINT NOT NULL,
    reason        TEXT NOT NULL,
    raw           TEXT NOT NULL,
    received_at   TIMESTAMP NOT NULL DEFAULT (NOW() AT TIME ZONE 'UTC'),
    PRIMARY KEY (source, record_offset)
);

CREATE TABLE ingest_offsets (
    topic           TEXT NOT NULL,
    kafka_partition INTEGER NOT NULL,
    next_offset     BIGINT NOT NULL,
    updated_at      TIMESTAMP NOT NULL DEFAULT (NOW() AT TIME ZONE 'UTC'),
    PRIMARY KEY (topic, kafka_partition)
);

CREATE TABLE ingest_counters (
    name  TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);
INSERT INTO ingest_counters (name, value) VALUES ('duplicates', 0);
)SQL";

// The write path's cost is mostly index maintenance: no query reads orders by customer or merchant
// (customers and merchants hold those aggregates; customer_rfm scans all orders).
constexpr const char *kMigration2 = R"SQL(
DROP INDEX IF EXISTS orders_customer;
DROP INDEX IF EXISTS orders_merchant;
)SQL";

// The scheduled jobs' rollups (PostgresJobs): orders and sales per UTC hour and per display-zone day.
constexpr const char *kMigration3 = R"SQL(
CREATE TABLE orders_hourly (
    hour   TIMESTAMP PRIMARY KEY,
    orders BIGINT NOT NULL,
    sales  BIGINT NOT NULL
);
CREATE TABLE orders_daily (
    day    DATE PRIMARY KEY,
    orders BIGINT NOT NULL,
    sales  BIGINT NOT NULL
);
)SQL";

constexpr std::array<const char *, PostgresSchema::kVersion> kMigrations = {kMigration1, kMigration2, kMigration3};

// Any constant: every OrderPulse process takes the same lock around migrations.
constexpr long long kMigrationLock = 0x4f50'5047; // "OPPG"

int versionIn(pqxx::transaction_base &tx)
{
    const pqxx::result exists = tx.exec("SELECT to_regclass('schema_version') IS NOT NULL");
    if (!exists[0][0].as<bool>())
        return 0;
    const pqxx::result r = tx.exec("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    return r[0][0].as<int>();
}

} // namespace

int PostgresSchema::storedVersion(pqxx::connection &connection)
{
    pqxx::read_transaction tx(connection);
    return versionIn(tx);
}

tl::expected<void, std::string> PostgresSchema::apply(pqxx::connection &connection)
{
    {
        pqxx::read_transaction tx(connection);
        const int version = versionIn(tx);
        if (version == kVersion)
            return {};
        if (version > kVersion)
            return tl::make_unexpected("database schema version " + std::to_string(version) +
                                       " is newer than this OrderPulse (" + std::to_string(kVersion) +
                                       "); upgrade OrderPulse");
    }
    for (;;) {
        pqxx::work tx(connection);
        tx.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLock) + ")");
        tx.exec("CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, "
                "applied_at TIMESTAMP NOT NULL DEFAULT (NOW() AT TIME ZONE 'UTC'))");
        const int version = versionIn(tx);
        if (version > kVersion)
            return tl::make_unexpected("database schema version " + std::to_string(version) +
                                       " is newer than this OrderPulse (" + std::to_string(kVersion) +
                                       "); upgrade OrderPulse");
        if (version == kVersion) {
            tx.commit();
            return {};
        }
        tx.exec(kMigrations[static_cast<std::size_t>(version)]);
        tx.exec("INSERT INTO schema_version (version) VALUES (" + std::to_string(version + 1) + ")");
        tx.commit();
    }
}

void PostgresSchema::refreshCustomerRfm(pqxx::connection &connection, int gradeHorizonDays, int clvLifetimeMonths)
{
    // One statement: scores by NTILE(5) over (metric, customer_id) ascending, so the most recent and
    // the largest get 5; grades over the orders of the last gradeHorizonDays before the latest
    // order; CLV = round(M * 30 days * months / max(active span, 30 days)). Segment matrix of
    // DESIGN.md.
    pqxx::work tx(connection);
    tx.exec("DELETE FROM customer_rfm");
    tx.exec(R"SQL(
WITH now_ms AS (
    SELECT MAX(event_time_ms) AS t FROM order_events WHERE kind = 'placement'
), per_customer AS (
    SELECT e.customer_id,
           MIN(e.t) AS first_ms, MAX(e.t) AS last_ms, COUNT(*) AS frequency, SUM(e.amount) AS monetary,
           COUNT(*) FILTER (WHERE e.t > n.t - )SQL" + std::to_string(gradeHorizonDays) + R"SQL(::BIGINT * 86400000) AS horizon_orders,
           COALESCE(SUM(e.amount) FILTER (WHERE e.t > n.t - )SQL" + std::to_string(gradeHorizonDays) + R"SQL(::BIGINT * 86400000), 0) AS horizon_sales
      FROM (SELECT o.customer_id, (EXTRACT(EPOCH FROM o.order_time) * 1000)::BIGINT AS t, COALESCE(o.amount, 0) AS amount
              FROM orders o WHERE o.order_time IS NOT NULL AND o.customer_id IS NOT NULL) e, now_ms n
     GROUP BY e.customer_id
), scored AS (
    SELECT p.*,
           NTILE(5) OVER (ORDER BY last_ms, customer_id COLLATE "C") AS r,
           NTILE(5) OVER (ORDER BY frequency, customer_id COLLATE "C") AS f,
           NTILE(5) OVER (ORDER BY monetary, customer_id COLLATE "C") AS m
      FROM per_customer p
)
INSERT INTO customer_rfm (customer_id, recency, frequency, monetary, r, f, m, segment, grade, clv)
SELECT customer_id,
       TIMESTAMP 'epoch' + last_ms * INTERVAL '1 millisecond',
       frequency, monetary, r, f, m,
       CASE
           WHEN r <= 2 THEN CASE WHEN f <= 2 THEN 'Hibernating' WHEN f <= 4 THEN 'At Risk' ELSE 'Can''t Lose Them' END
           WHEN r = 3 THEN CASE WHEN f <= 2 THEN 'About to Sleep' WHEN f = 3 THEN 'Need Attention' ELSE 'Loyal' END
           WHEN f = 1 THEN CASE WHEN r = 4 THEN 'Promising' ELSE 'New' END
           WHEN f <= 3 THEN 'Potential Loyalist'
           WHEN r = 4 THEN 'Loyal'
           ELSE 'Champions'
       END,
       CASE
           WHEN horizon_sales >= 3000000 AND horizon_orders >= 15 THEN 'VIP'
           WHEN horizon_sales >= 1000000 AND horizon_orders >= 8 THEN 'GOLD'
           WHEN horizon_sales >= 300000 AND horizon_orders >= 3 THEN 'SILVER'
           ELSE 'BRONZE'
       END,
       ROUND(monetary::NUMERIC * 2592000000 * )SQL" + std::to_string(clvLifetimeMonths) + R"SQL(
             / GREATEST(last_ms - first_ms, 2592000000))::BIGINT
  FROM scored
)SQL");
    tx.commit();
}

} // namespace op
