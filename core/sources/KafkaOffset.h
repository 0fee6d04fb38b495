#pragma once

#include <cstdint>

namespace op {

// The next offset to read of one partition (Kafka's committed-offset convention).
struct KafkaOffset
{
    int partition = 0;
    std::int64_t offset = 0;
    friend bool operator==(const KafkaOffset &, const KafkaOffset &) = default;
};

} // namespace op
