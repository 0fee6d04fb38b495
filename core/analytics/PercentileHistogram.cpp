#include "analytics/PercentileHistogram.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace op {

PercentileHistogram::PercentileHistogram(int subBucketBits)
    : m_bits(std::clamp(subBucketBits, 1, 16))
    , m_subBuckets(std::int64_t{1} << m_bits)
{
}

std::size_t PercentileHistogram::bucketIndex(std::int64_t value) const
{
    if (value < m_subBuckets)
        return value < 0 ? 0 : static_cast<std::size_t>(value);
    const int exponent = std::bit_width(static_cast<std::uint64_t>(value)) - 1; // >= m_bits
    const int shift = exponent - m_bits;
    const std::int64_t sub = (value >> shift) - m_subBuckets;
    return static_cast<std::size_t>((shift + 1) * m_subBuckets + sub);
}

std::int64_t PercentileHistogram::bucketLower(std::size_t index) const
{
    const auto i = static_cast<std::int64_t>(index);
    if (i < m_subBuckets)
        return i;
    const std::int64_t shift = i / m_subBuckets - 1;
    return (m_subBuckets + i % m_subBuckets) << shift;
}

std::int64_t PercentileHistogram::bucketUpper(std::size_t index) const
{
    const auto i = static_cast<std::int64_t>(index);
    if (i < m_subBuckets)
        return i;
    const std::int64_t shift = i / m_subBuckets - 1;
    return bucketLower(index) + ((std::int64_t{1} << shift) - 1);
}

void PercentileHistogram::add(std::int64_t value)
{
    value = std::max<std::int64_t>(value, 0);
    const std::size_t index = bucketIndex(value);
    if (index >= m_counts.size()) {
        m_counts.resize(index + 1, 0);
        m_sums.resize(index + 1, 0);
    }
    if (m_counts[index]++ == 0 && !m_touchedOverflow) {
        if (m_touched.size() < 256)
            m_touched.push_back(static_cast<std::uint32_t>(index));
        else
            m_touchedOverflow = true;
    }
    m_sums[index] += value;
    ++m_total;
}

bool PercentileHistogram::remove(std::int64_t value)
{
    value = std::max<std::int64_t>(value, 0);
    const std::size_t index = bucketIndex(value);
    // A bucket's sum can only hold `value` if it is at least that large; anything else means the
    // caller retracts what it never added.
    if (index >= m_counts.size() || m_counts[index] == 0 || m_sums[index] < value)
        return false;
    --m_counts[index];
    m_sums[index] -= value;
    --m_total;
    if (m_counts[index] == 0)
        m_sums[index] = 0;
    return true;
}

void PercentileHistogram::clear()
{
    if (m_touchedOverflow) {
        std::fill(m_counts.begin(), m_counts.end(), 0);
        std::fill(m_sums.begin(), m_sums.end(), 0);
    } else {
        for (const std::uint32_t i : m_touched) {
            m_counts[i] = 0;
            m_sums[i] = 0;
        }
    }
    m_touched.clear();
    m_touchedOverflow = false;
    m_total = 0;
}

std::optional<PercentileHistogram::BucketMean> PercentileHistogram::percentileBucket(double percent) const
{
    if (m_total == 0 || !(percent > 0))
        return std::nullopt;
    // rank = ceil(percent / 100 * n), in exact integers on hundredths of a percent.
    const auto basisPoints = static_cast<std::int64_t>(std::llround(std::min(percent, 100.0) * 100.0));
    const Int128 scaled = static_cast<Int128>(basisPoints) * m_total;
    auto rank = static_cast<std::int64_t>((scaled + 9999) / 10000);
    rank = std::clamp<std::int64_t>(rank, 1, m_total);

    std::int64_t seen = 0;
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        seen += m_counts[i];
        if (seen >= rank)
            return BucketMean{m_sums[i], m_counts[i]};
    }
    return std::nullopt; // unreachable while m_total matches the counts
}

std::optional<double> PercentileHistogram::percentile(double percent, std::int64_t unitsPerValue) const
{
    const auto bucket = percentileBucket(percent);
    if (!bucket)
        return std::nullopt;
    // op::ratio4's rounding (4 decimals, half away from zero) in 128 bits, so that even a bucket
    // of values near INT64_MAX cannot overflow; for ordinary values the bits are ratio4's.
    const Int128 den = static_cast<Int128>(bucket->count) * std::max<std::int64_t>(unitsPerValue, 1);
    const Int128 q = (bucket->sum * 10000 + den / 2) / den;
    return static_cast<double>(q) / 10000.0;
}

std::size_t PercentileHistogram::memoryBytes() const
{
    return sizeof(*this) + m_counts.capacity() * sizeof(std::int64_t) + m_sums.capacity() * sizeof(Int128);
}

} // namespace op
