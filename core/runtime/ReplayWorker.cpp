#include "runtime/ReplayWorker.h"

#include "analytics/Engine.h"
#include "io/DatasetReader.h"
#include "runtime/ReplayStore.h"

#include <QFileInfo>

#include <chrono>
#include <thread>

namespace op {

namespace {

using Clock = std::chrono::steady_clock;

// Feeds decoded events to the engine at the requested pace and publishes snapshots on a clock.
class PacedFeed : public EventHandler
{
public:
    PacedFeed(Engine &engine, ReplayWorker &worker, ReplayStore *store, const std::atomic<double> &speed,
              const std::atomic<bool> &paused, const std::atomic<bool> &stop)
        : m_engine(engine)
        , m_worker(worker)
        , m_store(store)
        , m_speed(speed)
        , m_paused(paused)
        , m_stop(stop)
    {
    }

    void setPartition(int partition) { m_partition = partition; }
    void setProgress(double fraction) { m_progress = fraction; }

    void onEvent(OrderEvent &event) override
    {
        if (m_stop.load(std::memory_order_relaxed))
            return;
        pace(event.eventTime);
        const Engine::Outcome outcome = m_engine.process(event, m_partition);
        if (m_store)
            m_store->onProcessed(event, outcome, m_partition);
        ++m_events;
        if ((m_events & 0xFF) == 0)
            maybePublish();
    }

    void onQuarantine(QuarantineRecord &&record) override
    {
        m_engine.onQuarantine(record);
        if (m_store)
            m_store->onQuarantine(record);
    }

    void publish()
    {
        auto copy = std::make_shared<Snapshot>(*m_engine.snapshot());
        SourceHealth source;
        source.name = "file replay";
        source.state = m_stop.load() ? "stopped" : m_paused.load() ? "paused" : m_progress >= 1.0 ? "finished" : "running";
        source.progress = m_progress;
        const double secs = std::chrono::duration<double>(Clock::now() - m_started).count();
        source.messagesPerSecond = secs > 0 ? static_cast<double>(m_events) / secs : 0.0;
        copy->sources.push_back(std::move(source));
        if (m_store)
            copy->sources.push_back(m_store->health());
        m_lastPublish = Clock::now();
        Q_EMIT m_worker.snapshotReady(std::move(copy));
        Q_EMIT m_worker.progressChanged(m_progress);
    }

private:
    void maybePublish()
    {
        if (m_store)
            m_store->maybeFlush();
        if (Clock::now() - m_lastPublish >= std::chrono::milliseconds(ReplayWorker::kSnapshotIntervalMs))
            publish();
    }

    // Waits until the wall clock catches up with the event's time at the current speed, in
    // short slices so that pause, stop, speed changes and snapshots stay responsive.
    void pace(TimestampMs eventTime)
    {
        for (;;) {
            if (m_stop.load(std::memory_order_relaxed))
                return;
            if (m_paused.load(std::memory_order_relaxed)) {
                m_anchored = false;
                maybePublish();
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                continue;
            }
            const double speed = m_speed.load(std::memory_order_relaxed);
            if (speed <= 0) {
                m_anchored = false;
                return;
            }
            if (!m_anchored || speed != m_anchorSpeed) {
                m_anchored = true;
                m_anchorSpeed = speed;
                m_anchorEvent = eventTime;
                m_anchorWall = Clock::now();
                return;
            }
            const auto due = m_anchorWall
                             + std::chrono::microseconds(static_cast<std::int64_t>(
                                 static_cast<double>(eventTime - m_anchorEvent) * 1000.0 / speed));
            const auto now = Clock::now();
            if (due <= now)
                return;
            std::this_thread::sleep_for(std::min<Clock::duration>(due - now, std::chrono::milliseconds(50)));
            maybePublish();
        }
    }

    Engine &m_engine;
    ReplayWorker &m_worker;
    ReplayStore *m_store;
    const std::atomic<double> &m_speed;
    const std::atomic<bool> &m_paused;
    const std::atomic<bool> &m_stop;
    int m_partition = 0;
    std::int64_t m_events = 0;
    double m_progress = 0;
    bool m_anchored = false;
    double m_anchorSpeed = 0;
    TimestampMs m_anchorEvent = 0;
    Clock::time_point m_anchorWall{};
    Clock::time_point m_started = Clock::now();
    Clock::time_point m_lastPublish{};
};

} // namespace

namespace {

std::mutex g_defaultPathMutex;
QString g_defaultDatabasePath;

} // namespace

ReplayWorker::ReplayWorker(EngineSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_databasePath(defaultDatabasePath())
{
    registerRuntimeMetaTypes();
}

void ReplayWorker::setDatabasePath(const QString &path)
{
    const std::lock_guard lock(m_pathMutex);
    m_databasePath = path;
}

QString ReplayWorker::databasePath() const
{
    const std::lock_guard lock(m_pathMutex);
    return m_databasePath;
}

void ReplayWorker::setDefaultDatabasePath(const QString &path)
{
    const std::lock_guard lock(g_defaultPathMutex);
    g_defaultDatabasePath = path;
}

QString ReplayWorker::defaultDatabasePath()
{
    const std::lock_guard lock(g_defaultPathMutex);
    return g_defaultDatabasePath;
}

void ReplayWorker::replay(const QStringList &paths, const CodecOptions &codec)
{
    m_stop.store(false);
    Engine engine(m_settings);
    // Opened here, on the replay thread that writes to it (a Qt Sql connection stays on its thread).
    std::unique_ptr<ReplayStore> store;
    if (const QString path = databasePath(); !path.isEmpty()) {
        store = std::make_unique<ReplayStore>(path, m_settings);
        store->open();
    }
    engine.setAlertCallback([this, &store](const Alert &alert) {
        if (store)
            store->onAlert(alert);
        Q_EMIT alertRaised(alert);
    });
    for (int i = 0; i < paths.size(); ++i)
        engine.registerPartition(i);
    PacedFeed feed(engine, *this, store.get(), m_speed, m_paused, m_stop);
    qint64 totalBytes = 0;
    for (const QString &p : paths)
        totalBytes += QFileInfo(p).size();
    qint64 doneBytes = 0;
    for (int i = 0; i < paths.size() && !m_stop.load(); ++i) {
        const std::string path = paths.at(i).toStdString();
        const DataFormat format = CodecFactory::detectInputFormat(path);
        auto decoder = CodecFactory::makeDecoder(format, codec);
        feed.setPartition(i);
        const qint64 base = doneBytes;
        const auto read = DatasetReader::read(
            path, *decoder, feed,
            [&](const ReadProgress &p) {
                if (totalBytes > 0)
                    feed.setProgress(static_cast<double>(base + p.bytesRead) / static_cast<double>(totalBytes));
            },
            &m_stop);
        if (!read) {
            if (store)
                store->finish();
            feed.publish();
            Q_EMIT finished(false, QString::fromStdString(read.error()));
            return;
        }
        doneBytes += *read;
        engine.finishPartition(i);
    }
    const bool completed = !m_stop.load();
    if (completed) {
        engine.finish();
        feed.setProgress(1.0);
    }
    // What was accepted is stored even when the replay was stopped.
    if (store)
        store->finish();
    feed.publish();
    Q_EMIT finished(completed, QString());
}

} // namespace op
