#include "runtime/ReplayWorker.h"

#include "analytics/Engine.h"
#include "io/DatasetReader.h"
#include "runtime/OrderFilter.h"
#include "runtime/ReplayStore.h"

#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <thread>

namespace op {

namespace {

using Clock = std::chrono::steady_clock;

// Every region, category and merchant seen, for the filter bar; kept across filter passes.
class ChoiceCollector
{
public:
    void add(const OrderEvent &e)
    {
        if (!e.region.empty() && m_regions.insert(e.region).second)
            m_changed = true;
        if (!e.category.empty() && m_categories.insert(e.category).second)
            m_changed = true;
        if (!e.merchantId.empty() && m_merchants.emplace(e.merchantId, e.merchantName).second)
            m_changed = true;
    }
    std::shared_ptr<const FilterChoices> choices()
    {
        if (m_changed || !m_cached) {
            auto c = std::make_shared<FilterChoices>();
            c->regions.assign(m_regions.begin(), m_regions.end());
            c->categories.assign(m_categories.begin(), m_categories.end());
            c->merchants.assign(m_merchants.begin(), m_merchants.end());
            m_cached = std::move(c);
            m_changed = false;
        }
        return m_cached;
    }

private:
    std::set<std::string> m_regions;
    std::set<std::string> m_categories;
    std::map<std::string, std::string> m_merchants;
    std::shared_ptr<const FilterChoices> m_cached;
    bool m_changed = false;
};

// Feeds decoded events to the engine at the requested pace and publishes snapshots on a clock.
// Only the events that pass the filter reach the engine; up to `catchUpUntil` (event time) it
// does not wait, so a replay restarted for a new filter returns at once to where it was.
class PacedFeed : public EventHandler
{
public:
    PacedFeed(Engine &engine, ReplayWorker &worker, const std::atomic<double> &speed,
              const std::atomic<bool> &paused, const std::atomic<bool> &stop, OrderFilter filter,
              std::int64_t generation, const std::atomic<std::int64_t> &latestGeneration,
              TimestampMs catchUpUntil, ChoiceCollector &choices, ReplayStore *store,
              std::int64_t &storedThrough)
        : m_engine(engine)
        , m_worker(worker)
        , m_speed(speed)
        , m_paused(paused)
        , m_stop(stop)
        , m_filter(std::move(filter))
        , m_generation(generation)
        , m_latestGeneration(latestGeneration)
        , m_catchUpUntil(catchUpUntil)
        , m_choices(choices)
        , m_store(store)
        , m_storedThrough(storedThrough)
        , m_storing(store != nullptr && m_filter.filter().isEmpty())
    {
    }

    // Set when the pass must end: stop requested, or a newer filter to restart with.
    const std::atomic<bool> &cancel() const { return m_cancel; }
    bool restartRequested() const { return m_latestGeneration.load(std::memory_order_relaxed) != m_generation; }
    TimestampMs reached() const { return m_reached; }

    void setPartition(int partition) { m_partition = partition; }
    void setProgress(double fraction) { m_progress = fraction; }

    void onEvent(OrderEvent &event) override
    {
        if (m_cancel.load(std::memory_order_relaxed))
            return;
        if (m_stop.load(std::memory_order_relaxed) || restartRequested()) {
            m_cancel.store(true);
            return;
        }
        m_choices.add(event);
        m_reached = std::max(m_reached, event.eventTime);
        ++m_raw;
        if (!m_filter.accepts(event))
            return;
        if (event.eventTime > m_catchUpUntil)
            pace(event.eventTime);
        const Engine::Outcome outcome = m_engine.process(event, m_partition);
        // The store holds the whole dataset once: only unfiltered passes write to it, and a pass
        // that starts again from the beginning (a new filter) skips what an earlier one stored.
        if (m_storing && m_raw > m_storedThrough) {
            m_store->onProcessed(event, outcome, m_partition);
            m_storedThrough = m_raw;
        }
        ++m_events;
        if ((m_events & 0xFF) == 0)
            maybePublish();
    }

    void onQuarantine(QuarantineRecord &&record) override
    {
        m_engine.onQuarantine(record);
        if (m_storing && m_raw + 1 > m_storedThrough)
            m_store->onQuarantine(record);
    }

    bool storing() const { return m_storing; }

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
        copy->filterChoices = m_choices.choices();
        copy->filterGeneration = m_generation;
        m_lastPublish = Clock::now();
        Q_EMIT m_worker.snapshotReady(std::move(copy));
        Q_EMIT m_worker.progressChanged(m_progress);
    }

private:
    void maybePublish()
    {
        if (m_storing)
            m_store->maybeFlush();
        if (Clock::now() - m_lastPublish >= std::chrono::milliseconds(ReplayWorker::kSnapshotIntervalMs))
            publish();
    }

    // Waits until the wall clock catches up with the event's time at the current speed, in
    // short slices so that pause, stop, speed changes and snapshots stay responsive.
    void pace(TimestampMs eventTime)
    {
        for (;;) {
            if (m_stop.load(std::memory_order_relaxed) || restartRequested())
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
    const std::atomic<double> &m_speed;
    const std::atomic<bool> &m_paused;
    const std::atomic<bool> &m_stop;
    OrderFilter m_filter;
    std::int64_t m_generation;
    const std::atomic<std::int64_t> &m_latestGeneration;
    TimestampMs m_catchUpUntil;
    ChoiceCollector &m_choices;
    std::atomic<bool> m_cancel{false};
    TimestampMs m_reached = std::numeric_limits<TimestampMs>::min();
    int m_partition = 0;
    std::int64_t m_events = 0;
    double m_progress = 0;
    bool m_anchored = false;
    double m_anchorSpeed = 0;
    TimestampMs m_anchorEvent = 0;
    Clock::time_point m_anchorWall{};
    Clock::time_point m_started = Clock::now();
    ReplayStore *m_store;
    std::int64_t &m_storedThrough; // raw records (before the filter) already handed to the store
    bool m_storing;
    std::int64_t m_raw = 0;
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

std::int64_t ReplayWorker::setFilter(const EventFilter &filter)
{
    const std::lock_guard lock(m_filterMutex);
    m_filter = filter;
    return m_filterGeneration.fetch_add(1) + 1;
}

EventFilter ReplayWorker::filter() const
{
    const std::lock_guard lock(m_filterMutex);
    return m_filter;
}

void ReplayWorker::replay(const QStringList &paths, const CodecOptions &codec)
{
    run(paths, codec, std::numeric_limits<TimestampMs>::min());
}

void ReplayWorker::replayToEnd(const QStringList &paths, const CodecOptions &codec)
{
    run(paths, codec, std::numeric_limits<TimestampMs>::max());
}

void ReplayWorker::run(const QStringList &paths, const CodecOptions &codec, TimestampMs catchUpUntil)
{
    m_stop.store(false);
    // Opened here, on the replay thread that writes to it (a Qt Sql connection stays on its thread).
    std::unique_ptr<ReplayStore> store;
    if (const QString path = databasePath(); !path.isEmpty()) {
        store = std::make_unique<ReplayStore>(path, m_settings);
        store->open();
    }
    std::int64_t storedThrough = 0;
    ChoiceCollector choices;
    qint64 totalBytes = 0;
    for (const QString &p : paths)
        totalBytes += QFileInfo(p).size();
    // One pass per filter: a new filter ends the pass and starts the next from the beginning.
    for (;;) {
        std::int64_t generation = 0;
        EventFilter filter;
        {
            const std::lock_guard lock(m_filterMutex);
            generation = m_filterGeneration.load();
            filter = m_filter;
        }
        Engine engine(m_settings);
        PacedFeed feed(engine, *this, m_speed, m_paused, m_stop, OrderFilter(std::move(filter)), generation,
                       m_filterGeneration, catchUpUntil, choices, store.get(), storedThrough);
        engine.setAlertCallback([this, &store, &feed](const Alert &alert) {
            if (feed.storing())
                store->onAlert(alert);
            Q_EMIT alertRaised(alert);
        });
        for (int i = 0; i < paths.size(); ++i)
            engine.registerPartition(i);
        qint64 doneBytes = 0;
        for (int i = 0; i < paths.size() && !feed.cancel().load(); ++i) {
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
                &feed.cancel());
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
        if (!m_stop.load() && feed.restartRequested()) {
            catchUpUntil = std::max(catchUpUntil, feed.reached());
            continue;
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
        return;
    }
}

} // namespace op
