#pragma once

#include "analytics/EngineSettings.h"
#include "io/CodecFactory.h"
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

Q_SIGNALS:
    void snapshotReady(SnapshotPtr snapshot);
    void alertRaised(const op::Alert &alert);
    void progressChanged(double fraction);
    void finished(bool completed, const QString &error);

private:
    EngineSettings m_settings;
    mutable std::mutex m_pathMutex;
    QString m_databasePath;
    std::atomic<double> m_speed{0.0};
    std::atomic<bool> m_paused{false};
    std::atomic<bool> m_stop{false};
};

} // namespace op
