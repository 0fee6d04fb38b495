#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <span>

namespace op {

// A fixed-bucket latency histogram (seconds, Prometheus' default buckets) that one thread
// observes into and another reads without locks: each bucket is an atomic counter, so a reader
// may see an observation in the count a moment before the sum, never a torn value.
class LatencyHistogram
{
public:
    static constexpr std::array<double, 12> kUpperBounds{0.001, 0.005, 0.01, 0.025, 0.05, 0.1,
                                                          0.25,  0.5,   1,    2.5,   5,    10};

    void observe(double seconds);

    struct Counts
    {
        std::array<std::int64_t, kUpperBounds.size() + 1> buckets{}; // last = above 10 s
        double sum = 0;
        std::int64_t count = 0;
    };
    Counts counts() const;
    static std::span<const double> upperBounds() { return kUpperBounds; }

private:
    std::array<std::atomic<std::int64_t>, kUpperBounds.size() + 1> m_buckets{};
    std::atomic<std::int64_t> m_sumMicros{0};
};

} // namespace op
