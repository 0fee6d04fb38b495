#include "sinks/BatchCollector.h"

#include "sinks/SinkPipeline.h"

#include <algorithm>

namespace op {

BatchCollector::BatchCollector(std::string topic, SinkPipeline &pipeline, Settings settings)
    : m_topic(std::move(topic))
    , m_pipeline(pipeline)
    , m_settings(settings)
{
    m_batch.topic = m_topic;
}

BatchCollector::BatchCollector(std::string topic, SinkPipeline &pipeline)
    : BatchCollector(std::move(topic), pipeline, Settings{})
{
}

void BatchCollector::noteOffset(int partition, std::int64_t offset)
{
    if (offset < 0)
        return; // files have no offsets
    auto it = std::find_if(m_batch.offsets.begin(), m_batch.offsets.end(),
                           [partition](const KafkaOffset &o) { return o.partition == partition; });
    if (it == m_batch.offsets.end()) {
        m_batch.startOffsets.push_back({partition, offset});
        m_batch.offsets.push_back({partition, offset + 1});
        return;
    }
    it->offset = std::max(it->offset, offset + 1);
}

void BatchCollector::afterMessage()
{
    if (m_messages++ == 0)
        m_firstMessage = std::chrono::steady_clock::now();
    if (m_messages >= m_settings.maxRecords)
        (void)flush();
}

void BatchCollector::onRecord(const OrderEvent &event, Engine::Outcome outcome, int partition, std::int64_t offset)
{
    noteOffset(partition, offset);
    switch (outcome) {
    case Engine::Outcome::Accepted:
    case Engine::Outcome::Late: {
        if (partition >= 0 && static_cast<std::size_t>(partition) >= m_partitionMax.size())
            m_partitionMax.resize(static_cast<std::size_t>(partition) + 1, WatermarkTracker::kMinusInfinity);
        TimestampMs &newest = m_partitionMax[static_cast<std::size_t>(std::max(partition, 0))];
        const bool late = newest != WatermarkTracker::kMinusInfinity
                          && event.eventTime < newest - m_settings.allowedLatenessMs;
        newest = std::max(newest, event.eventTime);
        StoredRecord &r = m_batch.records.emplace_back();
        r.event = event;
        r.late = late;
        r.partition = partition;
        r.offset = offset;
        break;
    }
    case Engine::Outcome::Duplicate:
        ++m_batch.duplicates;
        break;
    case Engine::Outcome::Ignored:
        break;
    }
    afterMessage();
}

void BatchCollector::onQuarantine(const QuarantineRecord &record, int partition, std::int64_t offset)
{
    noteOffset(partition, offset);
    m_batch.quarantined.push_back(record);
    afterMessage();
}

void BatchCollector::onAlert(const Alert &alert)
{
    m_batch.alerts.push_back(alert);
}

bool BatchCollector::maybeFlush()
{
    if (m_messages > 0 && std::chrono::steady_clock::now() - m_firstMessage >= m_settings.maxDelay)
        return flush();
    return !m_failed;
}

bool BatchCollector::flush()
{
    if (m_messages == 0 && m_batch.empty())
        return !m_failed;
    SinkBatch batch;
    batch.topic = m_topic;
    std::swap(batch, m_batch);
    m_messages = 0;
    if (!m_pipeline.submit(std::move(batch)))
        m_failed = true;
    return !m_failed;
}

} // namespace op
