#include "runtime/KafkaWorker.h"

#include "analytics/Engine.h"

#include <algorithm>
#include <chrono>

namespace op {

KafkaWorker::KafkaWorker(KafkaSourceSettings source, EngineSettings engine, QObject *parent)
    : QObject(parent)
    , m_source(std::move(source))
    , m_engine(std::move(engine))
{
    registerRuntimeMetaTypes();
}

void KafkaWorker::run()
{
    using Clock = std::chrono::steady_clock;
    m_stop.store(false);
    Engine engine(m_engine);
    engine.setAlertCallback([this](const Alert &alert) { Q_EMIT alertRaised(alert); });
    KafkaSource source(m_source, engine);
    const auto publish = [&] {
        auto copy = std::make_shared<Snapshot>(*engine.snapshot());
        copy->sources.push_back(source.health());
        Q_EMIT snapshotReady(std::move(copy));
    };
    if (auto started = source.start(); !started) {
        Q_EMIT finished(false, QString::fromStdString(started.error()));
        return;
    }
    const auto interval = std::chrono::milliseconds(kSnapshotIntervalMs);
    auto next = Clock::now() + interval;
    while (!m_stop.load(std::memory_order_relaxed)) {
        // Short slices: a poll returns as soon as the fetched messages are handled (at most
        // 20,000), so snapshots keep their pace at full ingest speed.
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(next - Clock::now()).count();
        source.poll(static_cast<int>(std::clamp<std::int64_t>(left, 1, 20)));
        if (Clock::now() >= next) {
            publish();
            next += interval;
            if (next < Clock::now()) // a slow snapshot: skip the missed ones rather than burst
                next = Clock::now() + interval;
        }
    }
    const auto closed = source.close();
    publish();
    Q_EMIT finished(true, closed ? QString() : QString::fromStdString(closed.error()));
}

} // namespace op
