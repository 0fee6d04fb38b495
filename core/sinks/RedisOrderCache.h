#pragma once

#include "model/OrderEvent.h"

#include <cstddef>
#include <deque>
#include <string>
#include <unordered_map>
#include <utility>

namespace op {

// The orders RedisSink has recently seen, so that order:{id} holds the merged order (the
// placement with its delivered / cancelled / rated outcomes, LifecycleMerge's rules) rather than
// only the latest record. Bounded: orders older than `retentionMs` of event time behind the newest
// record, and the oldest beyond `limit`, are forgotten (an outcome of a forgotten order is then
// written on its own).
class RedisOrderCache
{
public:
    RedisOrderCache(std::size_t limit, TimestampMs retentionMs);

    // Merges one accepted record; returns the order as it now stands.
    const OrderEvent &apply(const OrderEvent &record);
    [[nodiscard]] std::size_t size() const { return m_orders.size(); }

private:
    struct Entry
    {
        OrderEvent order;
        TimestampMs statusTime;
        bool placed = false;
    };
    void evict();

    std::size_t m_limit;
    TimestampMs m_retentionMs;
    TimestampMs m_maxTime;
    std::unordered_map<std::string, Entry> m_orders;
    std::deque<std::pair<TimestampMs, std::string>> m_arrivals; // first sight of each order
};

} // namespace op
