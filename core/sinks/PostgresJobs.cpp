#include "sinks/PostgresJobs.h"

#include "sinks/PostgresSchema.h"

#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <pqxx/transaction>

#include <chrono>

namespace op {

namespace {

// Advisory lock keys: one per job, the same in every worker ("OPJ" + a hash of the job name).
constexpr long long kLockBase = 0x4f504a00;

} // namespace

long long PostgresJobs::lockKey(const char *job)
{
    unsigned long long key = kLockBase;
    for (const char *c = job; *c; ++c)
        key = key * 31 + static_cast<unsigned char>(*c);
    return static_cast<long long>(key & 0x7fffffffffffffffULL);
}

struct PostgresJobs::Connection
{
    explicit Connection(const std::string &options)
        : db(options)
    {
    }
    pqxx::connection db;
};

PostgresJobs::PostgresJobs(PostgresUrl url, EngineSettings settings, int quarantineRetentionDays)
    : m_url(std::move(url))
    , m_settings(std::move(settings))
    , m_retentionDays(quarantineRetentionDays)
{
}

PostgresJobs::~PostgresJobs() = default;

template<typename Work>
tl::expected<JobScheduler::Outcome, std::string> PostgresJobs::locked(const char *job, Work &&work)
{
    try {
        if (!m_connection || !m_connection->db.is_open())
            m_connection = std::make_unique<Connection>(m_url.connectionString());
        pqxx::connection &db = m_connection->db;
        const std::string key = std::to_string(lockKey(job));
        {
            pqxx::nontransaction n(db);
            if (!n.exec1("SELECT pg_try_advisory_lock(" + key + ")")[0].as<bool>())
                return JobScheduler::Outcome::Skipped; // another worker runs it now
        }
        try {
            work(db);
        } catch (...) {
            if (db.is_open()) {
                pqxx::nontransaction n(db);
                n.exec("SELECT pg_advisory_unlock(" + key + ")");
            }
            throw;
        }
        pqxx::nontransaction n(db);
        n.exec("SELECT pg_advisory_unlock(" + key + ")");
        return JobScheduler::Outcome::Done;
    } catch (const std::exception &e) {
        m_connection.reset(); // reconnect next time
        return tl::make_unexpected(m_url.redact(std::string(job) + ": " + e.what()));
    }
}

tl::expected<JobScheduler::Outcome, std::string> PostgresJobs::refreshGrades()
{
    return locked("grades", [this](pqxx::connection &c) {
        PostgresSchema::refreshCustomerRfm(c, m_settings.gradeHorizonDays, m_settings.clvLifetimeMonths);
    });
}

tl::expected<JobScheduler::Outcome, std::string> PostgresJobs::rollups()
{
    return locked("rollups", [this](pqxx::connection &c) {
        // Rebuilt from `orders` every time: exact whatever arrived late, and idempotent. Only rows
        // whose figures changed are written.
        pqxx::work tx(c);
        tx.exec(R"SQL(
INSERT INTO orders_hourly (hour, orders, sales)
SELECT date_trunc('hour', order_time), COUNT(*), SUM(amount)
FROM orders WHERE order_time IS NOT NULL GROUP BY 1
ON CONFLICT (hour) DO UPDATE SET orders = EXCLUDED.orders, sales = EXCLUDED.sales
WHERE (orders_hourly.orders, orders_hourly.sales) IS DISTINCT FROM (EXCLUDED.orders, EXCLUDED.sales)
)SQL");
        tx.exec_params(R"SQL(
INSERT INTO orders_daily (day, orders, sales)
SELECT ((order_time AT TIME ZONE 'UTC') AT TIME ZONE $1)::date, COUNT(*), SUM(amount)
FROM orders WHERE order_time IS NOT NULL GROUP BY 1
ON CONFLICT (day) DO UPDATE SET orders = EXCLUDED.orders, sales = EXCLUDED.sales
WHERE (orders_daily.orders, orders_daily.sales) IS DISTINCT FROM (EXCLUDED.orders, EXCLUDED.sales)
)SQL",
                       m_settings.displayTimeZone);
        tx.commit();
    });
}

tl::expected<JobScheduler::Outcome, std::string> PostgresJobs::retention()
{
    return locked("retention", [this](pqxx::connection &c) {
        pqxx::work tx(c);
        tx.exec_params("DELETE FROM quarantine WHERE received_at < (NOW() AT TIME ZONE 'UTC') - make_interval(days => $1)",
                       m_retentionDays);
        tx.commit();
    });
}

void PostgresJobs::schedule(JobScheduler &scheduler)
{
    using namespace std::chrono_literals;
    scheduler.add("grades", 10min, [this] { return refreshGrades(); }, 10min);
    scheduler.add("rollups", 1h, [this] { return rollups(); }, 1min);
    scheduler.add("retention", 24h, [this] { return retention(); }, 5min);
}

} // namespace op
