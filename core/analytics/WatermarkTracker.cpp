#include "analytics/WatermarkTracker.h"

#include <algorithm>

namespace op {

WatermarkTracker::WatermarkTracker(TimestampMs allowedLatenessMs)
    : m_lateness(std::max<TimestampMs>(0, allowedLatenessMs))
{
}

WatermarkTracker::Partition &WatermarkTracker::partition(int id)
{
    if (m_lastIndex < m_partitions.size() && m_partitions[m_lastIndex].id == id)
        return m_partitions[m_lastIndex];
    for (std::size_t i = 0; i < m_partitions.size(); ++i) {
        if (m_partitions[i].id == id) {
            m_lastIndex = i;
            return m_partitions[i];
        }
    }
    m_partitions.push_back(Partition{id});
    m_lastIndex = m_partitions.size() - 1;
    return m_partitions.back();
}

bool WatermarkTracker::isRegistered(int id) const
{
    return std::any_of(m_partitions.begin(), m_partitions.end(), [id](const Partition &p) { return p.id == id; });
}

void WatermarkTracker::registerPartition(int id)
{
    partition(id);
    // A new silent partition holds the watermark; it cannot lower it (it never decreases).
}

bool WatermarkTracker::observe(int id, TimestampMs eventTime)
{
    Partition &p = partition(id);
    const bool wasIdle = p.idle;
    p.idle = false;
    if (eventTime <= p.maxTime && !wasIdle)
        return false;
    p.maxTime = std::max(p.maxTime, eventTime);
    if (m_partitions.size() == 1) {
        // The common single-file case, without the scan.
        if (p.finished || p.maxTime == kMinusInfinity)
            return recompute();
        const TimestampMs candidate = p.maxTime - m_lateness;
        if (candidate > m_watermark) {
            m_watermark = candidate;
            return true;
        }
        return false;
    }
    return recompute();
}

bool WatermarkTracker::setIdle(int id, bool idle)
{
    Partition &p = partition(id);
    if (p.idle == idle)
        return false;
    p.idle = idle;
    return recompute();
}

bool WatermarkTracker::finish(int id)
{
    Partition &p = partition(id);
    if (p.finished)
        return false;
    p.finished = true;
    return recompute();
}

bool WatermarkTracker::recompute()
{
    bool anyActive = false;
    TimestampMs minActive = std::numeric_limits<TimestampMs>::max();
    TimestampMs maxAll = kMinusInfinity;
    for (const Partition &p : m_partitions) {
        maxAll = std::max(maxAll, p.maxTime);
        if (!p.idle && !p.finished) {
            anyActive = true;
            minActive = std::min(minActive, p.maxTime);
        }
    }
    const TimestampMs base = anyActive ? minActive : maxAll;
    if (base == kMinusInfinity)
        return false;
    const TimestampMs candidate = base - m_lateness;
    if (candidate > m_watermark) {
        m_watermark = candidate;
        return true;
    }
    return false;
}

} // namespace op
