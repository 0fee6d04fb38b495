// SinkPipeline and BatchCollector with scripted sinks: batching, durable offsets, retry with
// backoff, backpressure, offset conflicts, and non-durable sinks that never hold anything up.
#include "sinks/BatchCollector.h"
#include "sinks/SinkPipeline.h"

#include <QTest>

#include <atomic>
#include <mutex>

namespace {

// A sink whose write() fails `failures` times before succeeding; it can also block until released.
class ScriptedSink : public op::Sink
{
public:
    ScriptedSink(bool durable, int failures)
        : m_durable(durable)
        , m_failures(failures)
    {
    }
    std::string name() const override { return m_durable ? "durable" : "live"; }
    bool durable() const override { return m_durable; }
    tl::expected<void, std::string> open() override
    {
        m_health.state = "connected";
        return {};
    }
    tl::expected<void, std::string> write(const op::SinkBatch &batch) override
    {
        while (blocked.load())
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        if (conflict.load()) {
            m_health.state = "error";
            return tl::make_unexpected(std::string(op::kOffsetConflict) + ": partition 0");
        }
        if (m_failures > 0) {
            --m_failures;
            m_health.state = "reconnecting";
            return tl::make_unexpected(std::string("server went away"));
        }
        m_health.state = "connected";
        std::lock_guard lock(mutex);
        batches.push_back(batch);
        return {};
    }
    std::optional<std::int64_t> storedOffset(const std::string &, int partition) override
    {
        return partition == 3 ? std::optional<std::int64_t>(42) : std::nullopt;
    }
    op::SinkHealth health() const override { return m_health; }

    std::atomic<bool> blocked{false};
    std::atomic<bool> conflict{false};
    std::mutex mutex;
    std::vector<op::SinkBatch> batches;

private:
    bool m_durable;
    int m_failures;
    op::SinkHealth m_health{"scripted", "connecting", {}, 0, 0, 0, 0};
};

op::OrderEvent order(int n)
{
    op::OrderEvent e;
    e.orderId = "O-" + std::to_string(n);
    e.eventTime = 1000 * n;
    e.amount = 1000;
    return e;
}

op::SinkPipeline::Settings fast()
{
    op::SinkPipeline::Settings s;
    s.initialBackoff = std::chrono::milliseconds(5);
    s.maxBackoff = std::chrono::milliseconds(20);
    s.queueCapacity = 2;
    s.nonDurableCapacity = 1;
    return s;
}

} // namespace

class TestSinkPipeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void collectorBatchesBySizeWithOffsets();
    void failedWritesAreRetriedAndOffsetsBecomeDurable();
    void fullQueueMakesSubmitWait();
    void offsetConflictStopsThePipeline();
    void storedLateFlagIsJudgedPerPartition();
    void slowNonDurableSinkDropsInsteadOfBlocking();
    void storedOffsetIsAskedOnTheSinkThread();
};

void TestSinkPipeline::storedLateFlagIsJudgedPerPartition()
{
    op::SinkPipeline pipeline(fast());
    auto *sink = static_cast<ScriptedSink *>(pipeline.addSink(std::make_unique<ScriptedSink>(true, 0)));
    pipeline.start();
    op::BatchCollector::Settings settings{100, std::chrono::milliseconds(100000), 10000}; // 10 s lateness
    op::BatchCollector collector("orders", pipeline, settings);
    collector.onRecord(order(100), op::Engine::Outcome::Accepted, 0, 0); // t = 100 s on partition 0
    collector.onRecord(order(20), op::Engine::Outcome::Late, 1, 0);      // partition 1's own first: on time
    collector.onRecord(order(95), op::Engine::Outcome::Accepted, 0, 1);  // 5 s behind: within lateness
    collector.onRecord(order(89), op::Engine::Outcome::Late, 0, 2);      // 11 s behind partition 0's newest
    collector.onRecord(order(90), op::Engine::Outcome::Accepted, 0, 3);  // exactly 10 s behind: on time
    collector.onRecord(order(25), op::Engine::Outcome::Accepted, 1, 1);
    QVERIFY(collector.flush());
    QVERIFY(pipeline.waitDurable(std::chrono::seconds(10)));
    QVERIFY(pipeline.stop(std::chrono::seconds(1)));
    QCOMPARE(sink->batches.size(), std::size_t(1));
    std::vector<bool> late;
    for (const op::StoredRecord &r : sink->batches[0].records)
        late.push_back(r.late);
    QCOMPARE(late, (std::vector<bool>{false, false, false, true, false, false}));
}

void TestSinkPipeline::collectorBatchesBySizeWithOffsets()
{
    op::SinkPipeline pipeline(fast());
    auto *sink = static_cast<ScriptedSink *>(pipeline.addSink(std::make_unique<ScriptedSink>(true, 0)));
    pipeline.start();
    op::BatchCollector collector("orders", pipeline, {3, std::chrono::milliseconds(100000)});
    collector.onRecord(order(1), op::Engine::Outcome::Accepted, 0, 10);
    collector.onRecord(order(2), op::Engine::Outcome::Late, 1, 20);
    op::QuarantineRecord bad;
    bad.reason = "bad";
    collector.onQuarantine(bad, 0, 11); // third message: flushed by size
    collector.onRecord(order(1), op::Engine::Outcome::Duplicate, 0, 12);
    QVERIFY(collector.flush());
    QVERIFY(pipeline.waitDurable(std::chrono::seconds(10)));
    QVERIFY(pipeline.stop(std::chrono::seconds(1)));
    QCOMPARE(sink->batches.size(), std::size_t(2));
    const op::SinkBatch &first = sink->batches[0];
    QCOMPARE(first.topic, std::string("orders"));
    QCOMPARE(first.records.size(), std::size_t(2));
    // The engine called it late (its watermark), but it is the first record of partition 1: the
    // stored flag is judged per partition, so it does not depend on which worker read what.
    QVERIFY(!first.records[1].late);
    QCOMPARE(first.quarantined.size(), std::size_t(1));
    QCOMPARE(first.startOffsets, (std::vector<op::KafkaOffset>{{0, 10}, {1, 20}}));
    QCOMPARE(first.offsets, (std::vector<op::KafkaOffset>{{0, 12}, {1, 21}}));
    const op::SinkBatch &second = sink->batches[1];
    QCOMPARE(second.duplicates, 1);
    QVERIFY(second.records.empty());
    QCOMPARE(second.startOffsets, (std::vector<op::KafkaOffset>{{0, 12}}));
    QCOMPARE(second.offsets, (std::vector<op::KafkaOffset>{{0, 13}}));
    QCOMPARE(second.sequence, 2);
}

void TestSinkPipeline::failedWritesAreRetriedAndOffsetsBecomeDurable()
{
    op::SinkPipeline pipeline(fast());
    auto *sink = static_cast<ScriptedSink *>(pipeline.addSink(std::make_unique<ScriptedSink>(true, 3)));
    pipeline.start();
    op::SinkBatch batch;
    batch.records.push_back({order(1), false, 0, 5});
    batch.offsets = {{0, 6}};
    batch.startOffsets = {{0, 5}};
    QVERIFY(pipeline.submit(batch));
    QVERIFY(pipeline.waitDurable(std::chrono::seconds(10)));
    QCOMPARE(pipeline.takeDurableOffsets(), (std::vector<op::KafkaOffset>{{0, 6}}));
    QVERIFY(pipeline.takeDurableOffsets().empty());
    QCOMPARE(sink->batches.size(), std::size_t(1));
    QCOMPARE(pipeline.health().front().state, std::string("connected"));
    QVERIFY(pipeline.stop(std::chrono::seconds(1)));
}

void TestSinkPipeline::fullQueueMakesSubmitWait()
{
    op::SinkPipeline pipeline(fast());
    auto *sink = static_cast<ScriptedSink *>(pipeline.addSink(std::make_unique<ScriptedSink>(true, 0)));
    sink->blocked = true;
    pipeline.start();
    std::atomic<int> submitted{0};
    std::thread ingest([&] {
        for (int i = 0; i < 6; ++i) {
            op::SinkBatch b;
            b.records.push_back({order(i), false, 0, i});
            if (pipeline.submit(std::move(b)))
                ++submitted;
        }
    });
    QTest::qWait(200);
    // One batch in the sink's hands, two queued: the fourth waits.
    QVERIFY(submitted.load() <= 3);
    QCOMPARE(pipeline.batchesPending(), static_cast<std::int64_t>(submitted.load()));
    sink->blocked = false;
    ingest.join();
    QCOMPARE(submitted.load(), 6);
    QVERIFY(pipeline.stop(std::chrono::seconds(5)));
    QCOMPARE(sink->batches.size(), std::size_t(6));
}

void TestSinkPipeline::offsetConflictStopsThePipeline()
{
    op::SinkPipeline pipeline(fast());
    auto *sink = static_cast<ScriptedSink *>(pipeline.addSink(std::make_unique<ScriptedSink>(true, 0)));
    sink->conflict = true;
    pipeline.start();
    QVERIFY(pipeline.submit(op::SinkBatch{}));
    QVERIFY(!pipeline.waitDurable(std::chrono::seconds(10)));
    QVERIFY(pipeline.fatalError().has_value());
    QVERIFY(pipeline.fatalError()->find("offset conflict") != std::string::npos);
    QVERIFY(!pipeline.submit(op::SinkBatch{}));
    QVERIFY(!pipeline.stop(std::chrono::seconds(1)));
}

void TestSinkPipeline::slowNonDurableSinkDropsInsteadOfBlocking()
{
    op::SinkPipeline pipeline(fast());
    auto *durable = static_cast<ScriptedSink *>(pipeline.addSink(std::make_unique<ScriptedSink>(true, 0)));
    auto *live = static_cast<ScriptedSink *>(pipeline.addSink(std::make_unique<ScriptedSink>(false, 0)));
    live->blocked = true;
    pipeline.start();
    for (int i = 0; i < 20; ++i) {
        op::SinkBatch b;
        b.records.push_back({order(i), false, 0, i});
        QVERIFY(pipeline.submit(std::move(b)));
    }
    QVERIFY(pipeline.waitDurable(std::chrono::seconds(10)));
    QCOMPARE(durable->batches.size(), std::size_t(20));
    std::int64_t dropped = 0;
    for (const op::SinkHealth &h : pipeline.health())
        dropped += h.dropped;
    QVERIFY(dropped >= 17); // one in the sink's hands, one queued, the rest dropped
    live->blocked = false;
    QVERIFY(pipeline.stop(std::chrono::seconds(1)));
}

void TestSinkPipeline::storedOffsetIsAskedOnTheSinkThread()
{
    op::SinkPipeline pipeline(fast());
    pipeline.addSink(std::make_unique<ScriptedSink>(true, 0));
    pipeline.start();
    QCOMPARE(pipeline.storedOffset("orders", 3), std::optional<std::int64_t>(42));
    QCOMPARE(pipeline.storedOffset("orders", 1), std::optional<std::int64_t>());
    QVERIFY(pipeline.stop(std::chrono::seconds(1)));
}

QTEST_GUILESS_MAIN(TestSinkPipeline)
#include "tst_sink_pipeline.moc"
