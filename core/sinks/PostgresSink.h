#pragma once

#include "analytics/EngineSettings.h"
#include "sinks/PostgresUrl.h"
#include "sinks/Sink.h"

#include <memory>
#include <string>

namespace op {

// The durable PostgreSQL sink of docs/storage.md. write() stores a batch in one transaction: new
// placements by COPY straight into the tables (PostgresDirectPath); otherwise, or when one of them
// was stored before, COPY (pqxx::stream_to) into temporary staging tables, then INSERT … SELECT … ON
// CONFLICT into `order_events` and the tables derived from the records it actually inserted (so a
// record stored twice, by a restarted or a second worker, changes nothing); the counters and `ingest_offsets`,
// guarded: each partition's stored next offset must equal the batch's start. A batch already
// stored (the commit went through but its answer was lost) is recognised and skipped.
//
// Called from one thread only (the sink thread). Messages never contain the password.
class PostgresSink : public Sink
{
public:
    PostgresSink(PostgresUrl url, EngineSettings settings = {});
    ~PostgresSink() override;

    std::string name() const override { return "PostgreSQL"; }
    bool durable() const override { return true; }
    tl::expected<void, std::string> open() override;
    tl::expected<void, std::string> write(const SinkBatch &batch) override;
    // nullopt both when nothing is stored and on error; an error also sets health().state to
    // "reconnecting" (SinkPipeline retries then).
    std::optional<std::int64_t> storedOffset(const std::string &topic, int partition) override;
    SinkHealth health() const override;

    // Recomputes `customer_rfm` (after ingest, or from a scheduled job).
    tl::expected<void, std::string> refreshCustomerRfm();

    const PostgresUrl &url() const { return m_url; }

private:
    struct Connection;
    tl::expected<void, std::string> ensureOpen();
    void fail(const std::string &what, const std::exception &e);

    PostgresUrl m_url;
    EngineSettings m_settings;
    std::unique_ptr<Connection> m_connection;
    SinkHealth m_health;
};

} // namespace op
