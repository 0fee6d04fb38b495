#include "analytics/GradeHorizon.h"

#include "analytics/GradeRules.h"

#include <algorithm>
#include <unordered_map>

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

const GradeHorizon::Bucket *GradeHorizon::findBucket(std::int64_t index) const
{
    const auto size = static_cast<std::int64_t>(m_ring.size());
    const Bucket &b = m_ring[static_cast<std::size_t>(((index % size) + size) % size)];
    return b.entries && b.index == index ? &b : nullptr;
}

void GradeHorizon::expire(Bucket &bucket)
{
    if (!bucket.entries)
        return;
    for (const Entry &e : *bucket.entries) {
        m_sales[e.customer] -= e.amount;
        --m_orders[e.customer];
    }
    m_ordersHeld -= bucket.entries->size();
    bucket.entries.reset();
}

void GradeHorizon::advanceNow(TimestampMs now)
{
    if (m_now && now <= *m_now)
        return;
    const bool first = !m_now;
    m_now = now;
    const std::int64_t firstLive = bucketOf(cutoff() + 1);
    if (first) {
        m_firstLive = firstLive; // nothing is held yet
        return;
    }
    if (firstLive <= m_firstLive)
        return;
    if (firstLive - m_firstLive >= static_cast<std::int64_t>(m_ring.size())) {
        for (Bucket &b : m_ring) {
            if (b.entries && b.index < firstLive)
                expire(b);
        }
    } else {
        for (std::int64_t i = m_firstLive; i < firstLive; ++i) {
            Bucket &b = slot(i);
            if (b.entries && b.index == i)
                expire(b);
        }
    }
    m_firstLive = firstLive;
}

void GradeHorizon::add(std::uint32_t customer, TimestampMs eventTime, Money amount)
{
    advanceNow(eventTime);
    if (eventTime <= cutoff())
        return;
    if (customer >= m_sales.size()) {
        const std::size_t n = std::max<std::size_t>(customer + 1, m_sales.size() * 3 / 2);
        m_sales.resize(n, 0);
        m_orders.resize(n, 0);
    }
    const std::int64_t index = bucketOf(eventTime);
    Bucket &b = slot(index);
    if (!b.entries) {
        b.index = index;
        b.entries = std::make_unique<std::deque<Entry>>();
    }
    // index >= m_firstLive and the ring covers every live bucket, so the slot is ours.
    b.entries->push_back(Entry{customer, static_cast<std::uint32_t>(eventTime - index * m_bucketMs), amount});
    m_sales[customer] += amount;
    ++m_orders[customer];
    ++m_ordersHeld;
}

template<typename Visitor>
void GradeHorizon::forEachStale(Visitor &&visit) const
{
    if (!m_now)
        return;
    const TimestampMs limit = cutoff();
    const Bucket *b = findBucket(bucketOf(limit));
    if (!b)
        return;
    const TimestampMs start = b->index * m_bucketMs;
    for (const Entry &e : *b->entries) {
        if (start + e.offsetMs <= limit)
            visit(e.customer, e.amount);
    }
}

std::vector<std::uint8_t> GradeHorizon::grades(std::size_t customerCount) const
{
    std::unordered_map<std::uint32_t, std::pair<Money, std::int64_t>> stale;
    forEachStale([&](std::uint32_t customer, Money amount) {
        auto &s = stale[customer];
        s.first += amount;
        ++s.second;
    });
    std::vector<std::uint8_t> out(customerCount, static_cast<std::uint8_t>(kGradeBronze));
    const std::size_t known = std::min(customerCount, m_sales.size());
    for (std::size_t i = 0; i < known; ++i) {
        if (m_orders[i] == 0)
            continue;
        out[i] = static_cast<std::uint8_t>(gradeIndex(m_sales[i], m_orders[i]));
    }
    for (const auto &[customer, s] : stale) {
        if (customer < customerCount)
            out[customer] = static_cast<std::uint8_t>(
                gradeIndex(m_sales[customer] - s.first, static_cast<std::int64_t>(m_orders[customer]) - s.second));
    }
    return out;
}

std::pair<Money, std::int64_t> GradeHorizon::totals(std::uint32_t customer) const
{
    if (customer >= m_sales.size())
        return {0, 0};
    Money sales = m_sales[customer];
    std::int64_t orders = m_orders[customer];
    forEachStale([&](std::uint32_t c, Money amount) {
        if (c == customer) {
            sales -= amount;
            --orders;
        }
    });
    return {sales, orders};
}

std::size_t GradeHorizon::memoryBytes() const
{
    std::size_t bytes = sizeof(*this) + m_ring.capacity() * sizeof(Bucket) + m_sales.capacity() * sizeof(Money)
        + m_orders.capacity() * sizeof(std::uint32_t);
    for (const Bucket &b : m_ring) {
        if (b.entries)
            bytes += sizeof(std::deque<Entry>) + 512 + b.entries->size() * sizeof(Entry); // libstdc++ node granularity
    }
    return bytes;
}

} // namespace op
