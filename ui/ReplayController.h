#pragma once

#include "runtime/EventFilter.h"
#include "runtime/SnapshotTypes.h"

#include <QObject>
#include <QStringList>
#include <QThread>

namespace op {
class ReplayWorker;
}

namespace opui {

// Owns the replay worker and its thread (quit, then wait, on destruction). The GUI talks to it
// only through thread-safe controls and queued signals.
class ReplayController : public QObject
{
    Q_OBJECT

public:
    explicit ReplayController(QObject *parent = nullptr);
    ~ReplayController() override;

    void start(const QStringList &paths);
    void setSpeed(double speed);
    void setPaused(bool paused);
    void stop();
    bool isRunning() const { return m_running; }
    // The worker recomputes every figure over the matching orders (the GUI never filters rows):
    // a running replay restarts and catches up; a finished one is replayed again at full speed.
    // Returns the Snapshot::filterGeneration of the snapshots that follow this filter.
    std::int64_t setFilter(const op::EventFilter &filter);

Q_SIGNALS:
    void snapshotReady(SnapshotPtr snapshot);
    void alertRaised(const op::Alert &alert);
    void progressChanged(double fraction);
    void finished(bool completed, const QString &error);

private:
    QThread m_thread;
    op::ReplayWorker *m_worker = nullptr;
    bool m_running = false;
    QStringList m_paths;
};

} // namespace opui
