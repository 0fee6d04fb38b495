#pragma once

#include "analytics/EngineSettings.h"
#include "runtime/JobScheduler.h"
#include "sinks/PostgresUrl.h"

#include <tl/expected.hpp>

#include <memory>
#include <string>

namespace op {

// The maintenance jobs the seeds ran in Airflow or as cron workers, for `ingest --postgres`
// workers (docs/operations.md). Each job is idempotent and takes a PostgreSQL advisory lock, so
// with several workers only one runs it at a time (the others report Skipped). Uses its own
// connection, never the sink thread's.
//
// - grades: customer_rfm recomputed over all customers (seed 003 recomputes grades every 10 min);
// - rollups: orders_hourly (UTC hours) and orders_daily (display-zone days) rebuilt from `orders`;
// - retention: quarantine rows older than the retention period deleted.
class PostgresJobs
{
public:
    PostgresJobs(PostgresUrl url, EngineSettings settings, int quarantineRetentionDays = 30);
    ~PostgresJobs();
    PostgresJobs(const PostgresJobs &) = delete;
    PostgresJobs &operator=(const PostgresJobs &) = delete;

    tl::expected<JobScheduler::Outcome, std::string> refreshGrades();
    tl::expected<JobScheduler::Outcome, std::string> rollups();
    tl::expected<JobScheduler::Outcome, std::string> retention();

    // The three jobs on their usual schedule: grades every 10 min, rollups hourly, retention daily.
    void schedule(JobScheduler &scheduler);

    // The advisory lock a job takes (the same number in every worker).
    static long long lockKey(const char *job);

private:
    template<typename Work>
    tl::expected<JobScheduler::Outcome, std::string> locked(const char *job, Work &&work);

    PostgresUrl m_url;
    EngineSettings m_settings;
    int m_retentionDays;
    struct Connection; // libpqxx stays out of this header
    std::unique_ptr<Connection> m_connection;
};

} // namespace op
