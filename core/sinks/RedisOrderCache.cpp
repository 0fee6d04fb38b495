#include "sinks/RedisOrderCache.h"

#include "analytics/LifecycleMerge.h"

#include <algorithm>
#include <limits>

namespace op {

RedisOrderCache::RedisOrderCache(std::size_t limit, TimestampMs retentionMs)
    : m_limit(limit == 0 ? 1 : limit)
    , m_retentionMs(retentionMs)
    , m_maxTime(std::numeric_limits<TimestampMs>::min())
{
}

const OrderEvent &RedisOrderCache::apply(const OrderEvent &record)
{
    m_maxTime = std::max(m_maxTime, record.eventTime);
    // Evicts before touching, so the entry returned below is never the one evicted.
    if (m_orders.size() >= m_limit ||
        (!m_arrivals.empty() && m_arrivals.front().first < m_maxTime - m_retentionMs))
        evict();
    auto [it, inserted] = m_orders.try_emplace(record.orderId);
    Entry &e = it->second;
    if (inserted) {
        e.statusTime = LifecycleMerge::kNoStatusTime;
        m_arrivals.emplace_back(record.eventTime, record.orderId);
    }
    const bool placement = record.type == EventType::Order || record.type == EventType::Placed;
    if (placement) {
        OrderEvent merged = record;
        if (!inserted && !e.placed)
            LifecycleMerge::mergePending(merged, e.order, e.statusTime);
        e.order = std::move(merged);
        e.placed = true;
    } else {
        if (inserted) { // outcomes before their placement: what they say, on its own
            e.order.type = record.type;
            e.order.orderId = record.orderId;
            e.order.eventTime = record.eventTime;
        }
        LifecycleMerge::applyOutcome(e.order, record, e.statusTime);
    }
    return e.order;
}

void RedisOrderCache::evict()
{
    while (!m_arrivals.empty() &&
           (m_orders.size() >= m_limit || m_arrivals.front().first < m_maxTime - m_retentionMs)) {
        m_orders.erase(m_arrivals.front().second);
        m_arrivals.pop_front();
    }
}

} // namespace op
