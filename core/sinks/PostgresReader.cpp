#include "sinks/PostgresReader.h"

#include "io/NdjsonDecoder.h"
#include "sinks/PostgresSchema.h"

#include <pqxx/connection>
#include <pqxx/result>
#include <pqxx/transaction>

namespace op {

namespace {

constexpr int kFetchRows = 10000;

// A database without OrderPulse's tables, or with newer ones, says so instead of a SQL error.
tl::expected<void, std::string> checkSchema(pqxx::connection &db)
{
    const int version = PostgresSchema::storedVersion(db);
    if (version == 0)
        return tl::make_unexpected(std::string("the database holds no OrderPulse data (no schema_version table)"));
    if (version > PostgresSchema::kVersion)
        return tl::make_unexpected("database schema version " + std::to_string(version) +
                                   " is newer than this OrderPulse (" + std::to_string(PostgresSchema::kVersion) +
                                   "); upgrade OrderPulse");
    return {};
}

} // namespace

PostgresReader::PostgresReader(PostgresUrl url)
    : m_url(std::move(url))
{
}

tl::expected<StoredCounters, std::string> PostgresReader::counters()
{
    try {
        pqxx::connection db(m_url.connectionString());
        if (auto ok = checkSchema(db); !ok)
            return tl::make_unexpected(ok.error());
        pqxx::read_transaction tx(db);
        StoredCounters c;
        const pqxx::result d = tx.exec("SELECT value FROM ingest_counters WHERE name = 'duplicates'");
        if (!d.empty())
            c.duplicates = d[0][0].as<std::int64_t>();
        c.quarantined = tx.exec("SELECT COUNT(*) FROM quarantine")[0][0].as<std::int64_t>();
        return c;
    } catch (const std::exception &e) {
        return tl::make_unexpected(m_url.redact("cannot read from PostgreSQL (" + m_url.redacted() + "): " + e.what()));
    }
}

tl::expected<void, std::string> PostgresReader::forEachRecord(const RecordVisitor &visit)
{
    try {
        pqxx::connection db(m_url.connectionString());
        if (auto ok = checkSchema(db); !ok)
            return tl::make_unexpected(ok.error());
        pqxx::read_transaction tx(db);
        tx.exec("DECLARE replay NO SCROLL CURSOR FOR "
                "SELECT payload, late FROM order_events "
                "ORDER BY event_time_ms, order_id COLLATE \"C\", kind COLLATE \"C\"");
        NdjsonDecoder decoder;
        OrderEvent event;
        for (;;) {
            const pqxx::result rows = tx.exec("FETCH FORWARD " + std::to_string(kFetchRows) + " FROM replay");
            for (const auto &row : rows) {
                const pqxx::field payload = row[0];
                const std::string_view json(payload.c_str(), payload.size());
                if (auto reason = decoder.decodeRecord(json, event))
                    return tl::make_unexpected("a stored record does not decode (" + *reason + "): " +
                                               std::string(json.substr(0, 200)));
                visit(event, row[1].as<bool>());
            }
            if (rows.size() < static_cast<std::size_t>(kFetchRows))
                break;
        }
        tx.exec("CLOSE replay");
        return {};
    } catch (const std::exception &e) {
        return tl::make_unexpected(m_url.redact("cannot read from PostgreSQL (" + m_url.redacted() + "): " + e.what()));
    }
}

} // namespace op
