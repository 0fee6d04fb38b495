#include "sinks/SqliteSchema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <vector>

namespace op::SqliteSchema {

namespace {

// created_at defaults to the insertion time in the same text form as every other timestamp.
#define OP_SQLITE_NOW "(strftime('%Y-%m-%d %H:%M:%f', 'now'))"

// Migration n is kMigrations[n - 1]. Never edit one that has shipped: add the next.
const std::vector<std::vector<const char *>> &migrations()
{
    static const std::vector<std::vector<const char *>> list{
        // 1: the tables of docs/storage.md.
        {
            // The facts `report` replays: one row per (order_id, kind).
            "CREATE TABLE order_events (order_id TEXT NOT NULL, kind TEXT NOT NULL, event_time_ms INTEGER NOT NULL, "
            "late INTEGER NOT NULL DEFAULT 0, payload TEXT NOT NULL, topic TEXT, kafka_partition INTEGER, "
            "kafka_offset INTEGER, PRIMARY KEY (order_id, kind))",
            "CREATE INDEX order_events_replay ON order_events (event_time_ms, order_id, kind)",
            "CREATE TABLE orders (order_id TEXT PRIMARY KEY, order_time TEXT, customer_id TEXT, merchant_id TEXT, "
            "merchant_name TEXT, category TEXT, region TEXT, amount INTEGER, delivery_fee INTEGER, distance_km REAL, "
            "promised_min REAL, delivery_min REAL, status TEXT, rating REAL, ip_address TEXT, payment TEXT, "
            "late INTEGER)",
            "CREATE TABLE order_items (order_id TEXT NOT NULL, line INTEGER NOT NULL, product_name TEXT, "
            "quantity INTEGER, unit_price INTEGER, PRIMARY KEY (order_id, line))",
            "CREATE TABLE customers (customer_id TEXT PRIMARY KEY, first_order TEXT, last_order TEXT, "
            "orders INTEGER NOT NULL DEFAULT 0, sales INTEGER NOT NULL DEFAULT 0)",
            "CREATE TABLE merchants (merchant_id TEXT PRIMARY KEY, name TEXT, orders INTEGER NOT NULL DEFAULT 0, "
            "sales INTEGER NOT NULL DEFAULT 0)",
            "CREATE TABLE customer_rfm (customer_id TEXT PRIMARY KEY, recency REAL, frequency INTEGER, "
            "monetary INTEGER, r INTEGER, f INTEGER, m INTEGER, segment TEXT, grade TEXT, clv INTEGER)",
            // Seed 002's four tables keep their names and columns (id, created_at included) so
            // that its Grafana queries run unchanged but for the dialect of NOW().
            "CREATE TABLE realtime_stats (id INTEGER PRIMARY KEY, stat_time TEXT NOT NULL UNIQUE, "
            "total_orders INTEGER NOT NULL DEFAULT 0, total_sales INTEGER NOT NULL DEFAULT 0, "
            "avg_order_value INTEGER NOT NULL DEFAULT 0, suspicious_ip_count INTEGER NOT NULL DEFAULT 0, "
            "created_at TEXT DEFAULT " OP_SQLITE_NOW ", window_start TEXT)",
            "CREATE TABLE popular_products (id INTEGER PRIMARY KEY, window_start TEXT NOT NULL, window_end TEXT, "
            "product_name TEXT NOT NULL, order_count INTEGER NOT NULL DEFAULT 0, total_sales INTEGER NOT NULL DEFAULT 0, "
            "created_at TEXT DEFAULT " OP_SQLITE_NOW ", quantity INTEGER NOT NULL DEFAULT 0, "
            "UNIQUE (window_start, product_name))",
            "CREATE TABLE ip_windows (id INTEGER PRIMARY KEY, window_start TEXT NOT NULL, ip_address TEXT NOT NULL, "
            "order_count INTEGER NOT NULL DEFAULT 0, total_spent INTEGER NOT NULL DEFAULT 0, "
            "created_at TEXT DEFAULT " OP_SQLITE_NOW ", UNIQUE (window_start, ip_address))",
            "CREATE VIEW suspicious_ips AS SELECT id, window_start, ip_address, order_count, total_spent, created_at "
            "FROM ip_windows WHERE order_count >= 10",
            "CREATE TABLE high_value_orders (id INTEGER PRIMARY KEY, order_time TEXT, order_id TEXT NOT NULL UNIQUE, "
            "product_name TEXT, quantity INTEGER, total_price INTEGER, ip_address TEXT, "
            "created_at TEXT DEFAULT " OP_SQLITE_NOW ")",
            "CREATE TABLE alerts (id INTEGER PRIMARY KEY, rule TEXT NOT NULL, entity TEXT NOT NULL, window_start TEXT, "
            "value INTEGER, severity TEXT, event_time TEXT, order_id TEXT, acknowledged INTEGER NOT NULL DEFAULT 0, "
            "created_at TEXT DEFAULT " OP_SQLITE_NOW ")",
            // NULLs are distinct in a UNIQUE constraint: high_value alerts have no window.
            "CREATE UNIQUE INDEX alerts_key ON alerts (rule, entity, COALESCE(window_start, ''))",
            "CREATE TABLE quarantine (source TEXT NOT NULL, record_offset INTEGER NOT NULL, line INTEGER, "
            "reason TEXT, raw TEXT, received_at TEXT DEFAULT " OP_SQLITE_NOW ", PRIMARY KEY (source, record_offset))",
            "CREATE TABLE ingest_offsets (topic TEXT NOT NULL, kafka_partition INTEGER NOT NULL, "
            "next_offset INTEGER NOT NULL, updated_at TEXT DEFAULT " OP_SQLITE_NOW ", "
            "PRIMARY KEY (topic, kafka_partition))",
            "CREATE TABLE ingest_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL DEFAULT 0)",
            "INSERT INTO ingest_counters (name, value) VALUES ('duplicates', 0)",
        },
        // 2: indexes for the dashboard's queries (seed 002's, the desktop pages').
        {
            "CREATE INDEX idx_stats_time ON realtime_stats (stat_time)",
            "CREATE INDEX idx_stats_created ON realtime_stats (created_at)",
            "CREATE INDEX idx_popular_created ON popular_products (created_at)",
            "CREATE INDEX idx_popular_window ON popular_products (window_end)",
            "CREATE INDEX idx_ip_windows_created ON ip_windows (created_at)",
            "CREATE INDEX idx_ip_windows_ip ON ip_windows (ip_address)",
            "CREATE INDEX idx_high_value_time ON high_value_orders (order_time)",
            "CREATE INDEX idx_high_value_price ON high_value_orders (total_price)",
            "CREATE INDEX idx_high_value_created ON high_value_orders (created_at)",
            "CREATE INDEX idx_orders_time ON orders (order_time)",
            "CREATE INDEX idx_orders_customer ON orders (customer_id, order_time)",
            "CREATE INDEX idx_alerts_time ON alerts (event_time)",
        },
    };
    return list;
}

#undef OP_SQLITE_NOW

std::string errorOf(const QSqlQuery &q, const char *sql)
{
    return q.lastError().text().toStdString() + " in: " + sql;
}

} // namespace

int currentVersion()
{
    return static_cast<int>(migrations().size());
}

tl::expected<int, std::string> storedVersion(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")))
        return tl::make_unexpected(q.lastError().text().toStdString());
    if (!q.next() || q.value(0).toInt() == 0)
        return 0;
    if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version")) || !q.next())
        return tl::make_unexpected(q.lastError().text().toStdString());
    return q.value(0).toInt();
}

tl::expected<void, std::string> migrate(QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                               "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f', 'now')))")))
        return tl::make_unexpected("cannot create schema_version: " + q.lastError().text().toStdString());
    auto stored = storedVersion(db);
    if (!stored)
        return tl::make_unexpected(stored.error());
    const int known = currentVersion();
    if (*stored > known)
        return tl::make_unexpected("database schema version " + std::to_string(*stored)
                                   + " is newer than this OrderPulse (" + std::to_string(known)
                                   + "); upgrade OrderPulse");
    for (int version = *stored + 1; version <= known; ++version) {
        // Each migration is all or nothing: a crash half way leaves the previous version.
        if (!db.transaction())
            return tl::make_unexpected("cannot begin migration: " + db.lastError().text().toStdString());
        for (const char *sql : migrations()[static_cast<std::size_t>(version - 1)]) {
            if (!q.exec(QString::fromUtf8(sql))) {
                const std::string why = errorOf(q, sql);
                db.rollback();
                return tl::make_unexpected("migration " + std::to_string(version) + " failed: " + why);
            }
        }
        q.prepare(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"));
        q.addBindValue(version);
        if (!q.exec() || !db.commit()) {
            const std::string why = q.lastError().text().toStdString();
            db.rollback();
            return tl::make_unexpected("migration " + std::to_string(version) + " failed: " + why);
        }
    }
    return {};
}

} // namespace op::SqliteSchema
