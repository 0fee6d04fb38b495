#include "metrics/LatencyHistogram.h"

#include <algorithm>
#include <cmath>

namespace op {

void LatencyHistogram::observe(double seconds)
{
    seconds = std::max(0.0, seconds);
    const auto bound = std::lower_bound(kUpperBounds.begin(), kUpperBounds.end(), seconds);
    const auto index = static_cast<std::size_t>(bound - kUpperBounds.begin());
    m_buckets[index].fetch_add(1, std::memory_order_relaxed);
    m_sumMicros.fetch_add(std::llround(seconds * 1e6), std::memory_order_relaxed);
}

LatencyHistogram::Counts LatencyHistogram::counts() const
{
    Counts c;
    for (std::size_t i = 0; i < m_buckets.size(); ++i) {
        c.buckets[i] = m_buckets[i].load(std::memory_order_relaxed);
        c.count += c.buckets[i];
    }
    c.sum = static_cast<double>(m_sumMicros.load(std::memory_order_relaxed)) / 1e6;
    return c;
}

} // namespace op
