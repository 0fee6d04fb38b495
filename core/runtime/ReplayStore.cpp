#include "runtime/ReplayStore.h"

#include "sinks/SqliteSink.h"

#include <QDebug>

namespace op {

ReplayStore::ReplayStore(QString path, EngineSettings settings)
    : m_path(std::move(path))
    , m_sink(std::make_unique<SqliteSink>(m_path, std::move(settings)))
{
    m_batch.topic = "replay";
}

ReplayStore::~ReplayStore() = default;

void ReplayStore::failed(const std::string &error)
{
    // Warn when the error changes, not at every retry of the same one.
    if (error != m_lastError)
        qWarning("orderpulse: storing into %s failed: %s", qPrintable(m_path), error.c_str());
    m_lastError = error;
}

bool ReplayStore::open()
{
    auto opened = m_sink->open();
    m_open = static_cast<bool>(opened);
    if (!opened)
        failed(opened.error());
    return m_open;
}

void ReplayStore::onProcessed(const OrderEvent &event, Engine::Outcome outcome, int partition)
{
    switch (outcome) {
    case Engine::Outcome::Accepted:
    case Engine::Outcome::Late:
        m_batch.records.push_back(StoredRecord{event, outcome == Engine::Outcome::Late, partition, -1});
        break;
    case Engine::Outcome::Duplicate:
        ++m_batch.duplicates;
        break;
    case Engine::Outcome::Ignored:
        return;
    }
    if (m_batch.records.size() >= kFlushRecords)
        flush();
}

void ReplayStore::onQuarantine(const QuarantineRecord &record)
{
    m_batch.quarantined.push_back(record);
}

void ReplayStore::onAlert(const Alert &alert)
{
    m_batch.alerts.push_back(alert);
}

void ReplayStore::maybeFlush()
{
    if (std::chrono::steady_clock::now() - m_lastFlush >= std::chrono::milliseconds(kFlushIntervalMs))
        flush();
}

void ReplayStore::dropIfTooLarge()
{
    // The same records go again with the next ones; a store that stays broken must not make the
    // replay hold the whole dataset in memory.
    if (m_batch.records.size() <= kMaxPendingRecords)
        return;
    m_recordsDropped += static_cast<std::int64_t>(m_batch.records.size());
    m_batch.records.clear();
    m_batch.quarantined.clear();
    m_batch.alerts.clear();
    m_batch.duplicates = 0;
}

void ReplayStore::flush(bool force)
{
    const auto now = std::chrono::steady_clock::now();
    m_lastFlush = now;
    if (m_batch.empty() || (!force && now < m_nextAttempt))
        return;
    if (!m_open && !open()) {
        m_nextAttempt = now + std::chrono::milliseconds(kRetryIntervalMs);
        dropIfTooLarge();
        return;
    }
    m_batch.sequence = ++m_sequence;
    auto written = m_sink->write(m_batch);
    if (!written) {
        failed(written.error());
        m_nextAttempt = now + std::chrono::milliseconds(kRetryIntervalMs);
        dropIfTooLarge();
        return;
    }
    m_recordsStored += static_cast<std::int64_t>(m_batch.records.size());
    m_batch.records.clear();
    m_batch.quarantined.clear();
    m_batch.alerts.clear();
    m_batch.duplicates = 0;
    m_lastError.clear();
}

void ReplayStore::finish()
{
    flush(/*force=*/true);
    if (m_open && m_batch.empty()) {
        auto rfm = m_sink->recomputeCustomerRfm();
        if (!rfm)
            failed(rfm.error());
    }
    m_finished = true;
}

SourceHealth ReplayStore::health() const
{
    SourceHealth h;
    h.name = "SQLite store";
    h.state = !m_lastError.empty() ? "error" : m_finished ? "finished" : "storing";
    h.lastError = m_lastError;
    if (m_recordsDropped > 0)
        h.lastError += (h.lastError.empty() ? "" : "; ") + std::to_string(m_recordsDropped) + " records not stored";
    return h;
}

} // namespace op
