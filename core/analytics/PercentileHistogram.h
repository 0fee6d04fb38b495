#pragma once

#include "model/Money.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace op {

// Nearest-rank percentiles of a multiset of non-negative integers (e.g. delivery minutes in
// thousandths) in bounded memory, with add() and remove().
//
// Buckets are log-linear (as in HdrHistogram): values below 2^bits have a bucket each; above, every
// power-of-two range is split into 2^bits equal buckets, so a bucket is never wider than 2^-bits of
// its lower bound (0.39 % with the default 8 bits). A percentile reports the exact mean of the
// values in the bucket holding the nearest rank: it lies inside that bucket (so within 2^-bits of
// the exact value), it is exact when the bucket holds one distinct value, and since it comes from
// integer counts and sums it depends only on the multiset, never on the order of add/remove calls.
// Memory: 24 bytes per bucket up to the highest bucket used (about 2.6 k buckets for values up to
// 10^5, at most ~14 k for any int64).
class PercentileHistogram
{
public:
    explicit PercentileHistogram(int subBucketBits = 8);

    // Negative values are counted as 0.
    void add(std::int64_t value);
    // Undoes one add(value). Returns false (and changes nothing) when no such value was added.
    bool remove(std::int64_t value);
    // Empties the histogram but keeps its buckets allocated (zeroing only those used, when it
    // knows them): a recycled histogram then costs nothing to refill.
    void clear();

    std::int64_t count() const { return m_total; }
    bool empty() const { return m_total == 0; }

    // The nearest-rank percentile (value at 1-based rank ceil(percent/100 * n), percent in (0, 100])
    // as the mean of its bucket divided by `unitsPerValue` and rounded to 4 decimals (op::ratio4),
    // e.g. unitsPerValue 1000 turns thousandths back into minutes. None when empty.
    std::optional<double> percentile(double percent, std::int64_t unitsPerValue = 1) const;

    // The same as an exact integer fraction: the bucket's sum and count.
    struct BucketMean
    {
        Int128 sum = 0;
        std::int64_t count = 0;
    };
    std::optional<BucketMean> percentileBucket(double percent) const;

    // The bucket a value falls in and that bucket's bounds [lower, upper] (inclusive), for tests.
    std::size_t bucketIndex(std::int64_t value) const;
    std::int64_t bucketLower(std::size_t index) const;
    std::int64_t bucketUpper(std::size_t index) const;

    std::size_t bucketsAllocated() const { return m_counts.size(); }
    std::size_t memoryBytes() const;

private:
    int m_bits;
    std::int64_t m_subBuckets; // 2^bits
    std::vector<std::int64_t> m_counts;
    std::vector<Int128> m_sums;
    std::int64_t m_total = 0;
    // Buckets that became non-empty since the last clear(), unless there were too many to track.
    std::vector<std::uint32_t> m_touched;
    bool m_touchedOverflow = false;
};

} // namespace op
