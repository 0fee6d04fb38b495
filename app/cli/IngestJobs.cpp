#include "IngestJobs.h"

#include "runtime/JobScheduler.h"
#include "sinks/PostgresJobs.h"

#include <chrono>

namespace cli {

IngestJobs::IngestJobs(op::PostgresUrl url, op::EngineSettings settings)
{
    m_thread = std::thread([this, url = std::move(url), settings = std::move(settings)]() mutable {
        run(std::move(url), std::move(settings));
    });
}

IngestJobs::~IngestJobs()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void IngestJobs::run(op::PostgresUrl url, op::EngineSettings settings)
{
    op::PostgresJobs jobs(std::move(url), std::move(settings));
    op::JobScheduler scheduler;
    jobs.schedule(scheduler);
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        lock.unlock();
        scheduler.runDue();
        lock.lock();
        m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stop; });
    }
}

} // namespace cli
