#pragma once

#include "analytics/Engine.h"
#include "analytics/Snapshot.h"
#include "sinks/SinkBatch.h"

#include <QString>

#include <chrono>
#include <memory>

namespace op {

class SqliteSink;

// The desktop replay's storage: collects what the engine did into SinkBatches and writes them to
// a SqliteSink every kFlushRecords records or kFlushIntervalMs, on the thread that calls it (the
// replay thread, never the GUI thread). A store that fails never stops the replay: the error goes
// to qWarning and to health(); the unwritten batch is kept and retried after kRetryIntervalMs (not
// at every record), and dropped (counted) once it holds more than kMaxPendingRecords records.
class ReplayStore
{
public:
    static constexpr std::size_t kFlushRecords = 5000;
    static constexpr int kFlushIntervalMs = 250;
    static constexpr std::size_t kMaxPendingRecords = 200000;
    static constexpr int kRetryIntervalMs = 1000;

    ReplayStore(QString path, EngineSettings settings);
    ~ReplayStore();
    ReplayStore(const ReplayStore &) = delete;
    ReplayStore &operator=(const ReplayStore &) = delete;

    // Opens the database on the calling thread. false (and a warning) on failure; later flushes retry.
    bool open();

    // What Engine::process said about `event` (the event as it is after process()).
    void onProcessed(const OrderEvent &event, Engine::Outcome outcome, int partition);
    void onQuarantine(const QuarantineRecord &record);
    void onAlert(const Alert &alert);
    // Writes when the interval has passed since the last write (call it often: cheap otherwise).
    void maybeFlush();
    // Writes what is left and recomputes customer_rfm (end of a replay).
    void finish();

    // "SQLite store": state "storing" / "error" / "finished", the last error, the file.
    SourceHealth health() const;
    std::int64_t recordsStored() const { return m_recordsStored; }
    std::int64_t recordsDropped() const { return m_recordsDropped; }
    const std::string &lastError() const { return m_lastError; }

private:
    // force: at the end, whatever the retry interval says.
    void flush(bool force = false);
    void failed(const std::string &error);
    void dropIfTooLarge();

    QString m_path;
    std::unique_ptr<SqliteSink> m_sink;
    bool m_open = false;
    bool m_finished = false;
    SinkBatch m_batch;
    std::int64_t m_sequence = 0;
    std::int64_t m_recordsStored = 0;
    std::int64_t m_recordsDropped = 0;
    std::string m_lastError;
    std::chrono::steady_clock::time_point m_lastFlush = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point m_nextAttempt{}; // after a failure

};

} // namespace op
