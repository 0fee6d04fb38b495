#include "runtime/JobScheduler.h"

#include <QtGlobal>

namespace op {

void JobScheduler::add(std::string name, std::chrono::milliseconds interval, Job job,
                       std::chrono::milliseconds firstAfter)
{
    m_jobs.push_back({std::move(job), Clock::now() + firstAfter});
    Status s;
    s.name = std::move(name);
    s.interval = interval;
    m_status.push_back(std::move(s));
}

void JobScheduler::attempt(std::size_t index, Clock::time_point now)
{
    Entry &entry = m_jobs[index];
    Status &status = m_status[index];
    const auto started = Clock::now();
    tl::expected<Outcome, std::string> result;
    try {
        result = entry.job();
    } catch (const std::exception &e) {
        result = tl::make_unexpected(std::string(e.what()));
    }
    status.lastSeconds = std::chrono::duration<double>(Clock::now() - started).count();
    // The next attempt is an interval after this one, not after the planned time: a worker that
    // was busy does not run a job several times in a row to catch up.
    entry.next = now + status.interval;
    if (!result) {
        ++status.failures;
        status.lastError = result.error();
        qWarning("job %s failed: %s", status.name.c_str(), status.lastError.c_str());
        return;
    }
    status.lastError.clear();
    if (*result == Outcome::Done)
        ++status.runs;
    else
        ++status.skipped;
}

int JobScheduler::runDue(Clock::time_point now)
{
    int attempted = 0;
    for (std::size_t i = 0; i < m_jobs.size(); ++i) {
        if (now >= m_jobs[i].next) {
            attempt(i, now);
            ++attempted;
        }
    }
    return attempted;
}

void JobScheduler::runAll()
{
    const auto now = Clock::now();
    for (std::size_t i = 0; i < m_jobs.size(); ++i)
        attempt(i, now);
}

} // namespace op
