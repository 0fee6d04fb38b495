#include "analytics/GradeHorizon.h"

#include <algorithm>

namespace op {

GradeHorizon::GradeHorizon(TimestampMs horizonMs, TimestampMs bucketMs)
    : m_horizonMs(std::max<TimestampMs>(horizonMs, 1))
    , m_bucketMs(std::clamp<TimestampMs>(bucketMs, 1, 0xffffffffLL))
{
    // Live times span (now - horizon, now]: at most horizon / bucket + 2 distinct buckets.
    m_ring.resize(static_cast<std::size_t>(m_horizonMs / m_bucketMs + 2));
}

GradeHorizon::Bucket &GradeHorizon::slot(std::int64_t index)
{
    const auto size = static_cast<std::int64_t>(m_ring.size());
    return m_ring[static_cast<std::size_t>(((index % size) + size) % size)];
}

const GradeHorizon::Bucket &GradeHorizon::slot(std::int64_t index) const
{
    const auto size = static_cast<std::int64_t>(m_ring.size());
    return m_ring[static_cast<std::size_t>(((index % size) + size) % size)];
}

std::size_t GradeHorizon::memoryBytes() const
{
    std::size_t bytes = sizeof(*this) + m_ring.capacity() * sizeof(Bucket);
    for (const Bucket &b : m_ring) {
        // libstdc++ deques allocate 512-byte nodes and a small map.
        if (b.entries)
            bytes += sizeof(std::deque<Entry>) + 64 + (b.entries->size() * sizeof(Entry) / 512 + 1) * 512;
    }
    return bytes;
}

} // namespace op
