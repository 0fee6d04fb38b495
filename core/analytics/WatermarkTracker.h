#pragma once

#include "model/Timestamp.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace op {

// The event-time watermark over partitions (ENGINE_SEMANTICS.md "Watermark and lateness"):
// min over active (registered, not idle, not finished) partitions of their largest event time,
// minus the allowed lateness; a registered partition without events holds it at minus infinity;
// when no partition is active, the max over all partitions minus the lateness. Never decreases.
class WatermarkTracker
{
public:
    static constexpr TimestampMs kMinusInfinity = std::numeric_limits<TimestampMs>::min();

    explicit WatermarkTracker(TimestampMs allowedLatenessMs);

    TimestampMs watermark() const { return m_watermark; }

    // Known partitions are left as they are; an unknown one starts active and empty.
    void registerPartition(int id);
    // Records an event time on a partition (registering it if needed; an idle partition
    // becomes active again). Returns true when the watermark advanced.
    bool observe(int id, TimestampMs eventTime);
    bool setIdle(int id, bool idle);
    bool finish(int id);

    bool isRegistered(int id) const;
    std::size_t partitionCount() const { return m_partitions.size(); }

private:
    struct Partition
    {
        int id = 0;
        TimestampMs maxTime = kMinusInfinity;
        bool idle = false;
        bool finished = false;
    };

    Partition &partition(int id);
    bool recompute();

    TimestampMs m_lateness;
    TimestampMs m_watermark = kMinusInfinity;
    std::vector<Partition> m_partitions; // few (files or Kafka partitions): a vector scan is fastest
    std::size_t m_lastIndex = 0;
};

} // namespace op
