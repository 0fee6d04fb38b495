#pragma once

#include "analytics/EngineSettings.h"
#include "sinks/PostgresUrl.h"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace cli {

// `ingest --postgres`: the scheduled maintenance jobs (op::PostgresJobs: grades every 10 min,
// hourly rollups, daily quarantine retention) on their own thread and connection, so that a job
// never pauses consumption. With several workers the advisory locks let one run each job.
class IngestJobs
{
public:
    IngestJobs(op::PostgresUrl url, op::EngineSettings settings);
    ~IngestJobs(); // stops the thread (a running job finishes first)
    IngestJobs(const IngestJobs &) = delete;
    IngestJobs &operator=(const IngestJobs &) = delete;

private:
    void run(op::PostgresUrl url, op::EngineSettings settings);

    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace cli
