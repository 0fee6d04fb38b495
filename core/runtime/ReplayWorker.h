#pragma once

#include "analytics/EngineSettings.h"
#include "io/CodecFactory.h"
#include "runtime/EventFilter.h"
#include "runtime/SnapshotTypes.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <mutex>

namespace op {

// Replays dataset files through the engine on the thread it lives on (never the GUI thread):
// read, decode, analyse, and publish a snapshot about every 100 ms through snapshotReady (a
// queued signal when connected across threads; a slow receiver just gets the latest one).
// Speed is event time per wall time: 1, 10, 100, or 0 for "as fast as possible".
// With a database path, what the engine accepts is also stored there (ReplayStore, SQLite) on
// this same thread; a store that fails is reported in the snapshot's sources and never stops
// the replay.
class ReplayWorker : public QObject
{
    Q_OBJECT

public:
    explicit ReplayWorker(EngineSettings settings = {}, QObject *parent = nullptr);

    // Thread-safe controls, read by the replay loop between events.
    void setSpeed(double speed) { m_speed.store(speed, std::memory_order_relaxed); }
    void setPaused(bool paused) { m_paused.store(paused, std::memory_order_relaxed); }
    void requestStop() { m_stop.store(true, std::memory_order_relaxed); }
    bool isPaused() const { return m_paused.load(std::memory_order_relaxed); }
    // Thread-safe. The engine only sees the orders that match (OrderFilter); a running replay
    // starts again from the beginning with a fresh engine and catches up at full speed to where
    // it was. Returns the number that the snapshots computed under this filter carry
    // (Snapshot::filterGeneration).
    std::int64_t setFilter(const EventFilter &filter);
    EventFilter filter() const;

    // The SQLite file the next replay() stores into; empty = store nothing. Call before replay().
    void setDatabasePath(const QString &path);
    QString databasePath() const;
    // The path new workers start with. The desktop application sets it once from its command
    // line (--database, --no-store) before any window exists, so that the GUI code that makes
    // workers needs no change.
    static void setDefaultDatabasePath(const QString &path);
    static QString defaultDatabasePath();

    static constexpr int kSnapshotIntervalMs = 100;

public Q_SLOTS:
    // Replays the files (each one partition) to the end, or until requestStop().
    void replay(const QStringList &paths, const op::CodecOptions &codec = {});
    // Replays the files again at full speed, e.g. after the filter changed once a replay had ended.
    void replayToEnd(const QStringList &paths, const op::CodecOptions &codec = {});

Q_SIGNALS:
    void snapshotReady(SnapshotPtr snapshot);
    void alertRaised(const op::Alert &alert);
    void progressChanged(double fraction);
    void finished(bool completed, const QString &error);

private:
    void run(const QStringList &paths, const CodecOptions &codec, TimestampMs catchUpUntil);

    EngineSettings m_settings;
    mutable std::mutex m_pathMutex;
    QString m_databasePath;
    mutable std::mutex m_filterMutex;
    EventFilter m_filter;
    std::atomic<std::int64_t> m_filterGeneration{0};
    std::atomic<double> m_speed{0.0};
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_stop{false};
};

} // namespace op
