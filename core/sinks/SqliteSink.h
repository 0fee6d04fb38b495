#pragma once

#include "analytics/EngineSettings.h"
#include "sinks/Sink.h"

#include <QString>

#include <memory>

namespace op {

class SqliteConnection;
class SqliteStatements;

// The embedded durable sink (docs/storage.md): the schema of the PostgreSQL sink in one SQLite
// file. Each batch is one transaction: its records go to a temporary staging table by prepared,
// batch-executed inserts, then `INSERT … SELECT … ON CONFLICT` statements move the records that
// are new into `order_events` and upsert the derived tables from them (additively), the
// duplicates counter and `ingest_offsets` (guarded: a batch the database already holds is
// rejected and changes nothing).
//
// Like every Sink it is used from one thread; the connection is opened by open(), on that thread.
class SqliteSink : public Sink
{
public:
    // `settings` gives the windows and thresholds of the derived tables (realtime_stats,
    // popular_products, ip_windows, high_value_orders, customer_rfm).
    explicit SqliteSink(QString path, EngineSettings settings = {});
    ~SqliteSink() override;
    SqliteSink(const SqliteSink &) = delete;
    SqliteSink &operator=(const SqliteSink &) = delete;

    std::string name() const override { return "SQLite"; }
    bool durable() const override { return true; }
    tl::expected<void, std::string> open() override;
    tl::expected<void, std::string> write(const SinkBatch &batch) override;
    std::optional<std::int64_t> storedOffset(const std::string &topic, int partition) override;
    SinkHealth health() const override;

    // Rewrites customer_rfm over all customers by SQL (NTILE(5) for R, F and M, the segment
    // rules, the grade over the horizon, CLV), as of the latest stored event time. Called after
    // an ingest ends and by the scheduled job; O(customers log customers).
    tl::expected<void, std::string> recomputeCustomerRfm();

    void close();
    const QString &path() const { return m_path; }

    // Text of a stale-batch rejection starts with this, so that callers can tell it from an I/O error.
    static constexpr const char *kOffsetGuardError = "offset guard";

private:
    tl::expected<void, std::string> writeInTransaction(const SinkBatch &batch);
    tl::expected<void, std::string> checkOffsets(const SinkBatch &batch);
    tl::expected<void, std::string> stage(const SinkBatch &batch);
    tl::expected<std::int64_t, std::string> moveStaged(const SinkBatch &batch, const QString &now);
    tl::expected<void, std::string> writeSideTables(const SinkBatch &batch, std::int64_t conflicts, const QString &now);
    void fail(const std::string &error);

    QString m_path;
    EngineSettings m_settings;
    std::unique_ptr<SqliteConnection> m_connection;
    std::unique_ptr<SqliteStatements> m_statements;
    SinkHealth m_health;
};

} // namespace op
