#pragma once

#include <tl/expected.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace op {

// Periodic maintenance jobs inside a worker (grade recompute, rollups, retention: what the seeds
// ran in Airflow or cron). The owner calls runDue() from its loop; a job runs when its interval
// has passed since its last attempt, on the calling thread. Each job must be idempotent and safe
// with several workers (the PostgreSQL jobs take an advisory lock and report Skipped when another
// worker holds it).
class JobScheduler
{
public:
    using Clock = std::chrono::steady_clock;
    enum class Outcome : std::uint8_t { Done, Skipped };
    using Job = std::function<tl::expected<Outcome, std::string>()>;

    struct Status
    {
        std::string name;
        std::chrono::milliseconds interval{0};
        std::int64_t runs = 0;     // Done
        std::int64_t skipped = 0;  // another worker held the lock
        std::int64_t failures = 0;
        std::string lastError;
        double lastSeconds = 0;    // duration of the last attempt
    };

    // `firstAfter`: delay before the first attempt (0 = at the first runDue()).
    void add(std::string name, std::chrono::milliseconds interval, Job job,
             std::chrono::milliseconds firstAfter = std::chrono::milliseconds(0));
    // Runs every job that is due; returns how many were attempted.
    int runDue(Clock::time_point now = Clock::now());
    // Runs every job now, whatever its schedule (at the end of a bounded run).
    void runAll();
    const std::vector<Status> &status() const { return m_status; }

private:
    void attempt(std::size_t index, Clock::time_point now);

    struct Entry
    {
        Job job;
        Clock::time_point next;
    };
    std::vector<Entry> m_jobs;
    std::vector<Status> m_status;
};

} // namespace op
