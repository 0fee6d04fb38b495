#include "io/GeneratorTimePlan.h"

#include "io/GeneratorCatalog.h"
#include "io/GeneratorMath.h"

#include <algorithm>

namespace op {

namespace {

using generatormath::floorDiv;
using generatormath::floorMod;
using generatormath::mulDiv;

constexpr TimestampMs kSeoulOffsetMs = 9 * kMsPerHour; // Asia/Seoul has no DST
constexpr TimestampMs kHalfHourMs = 30 * kMsPerMinute;
constexpr std::uint64_t kSaltDayWobble = 0x64617977;
constexpr std::uint64_t kSaltPlan = 0x706c616e;

} // namespace

GeneratorTimePlan::GeneratorTimePlan(TimestampMs start, int days, std::int64_t ordinaryOrders,
                                     std::int64_t burstOrders, std::int64_t bursts, int abusiveIps,
                                     std::uint64_t seed)
    : m_start(start)
    , m_end(start + static_cast<TimestampMs>(std::max(days, 1)) * kMsPerDay)
    , m_firstMinute(floorTo(start, kMsPerMinute))
    , m_minuteCount((m_end - m_firstMinute + kMsPerMinute - 1) / kMsPerMinute)
    , m_seed(seed)
    , m_ordinary(std::max<std::int64_t>(ordinaryOrders, 0))
    , m_burstOrders(bursts > 0 && abusiveIps > 0 ? burstOrders : 0)
    , m_bursts(m_burstOrders > 0 ? bursts : 0)
    , m_abusiveIps(abusiveIps)
    , m_rng(GeneratorRng::hash(seed, kSaltPlan))
{
    // One pass over the minutes (cheap: 43,200 for 30 days) so the cumulative rounding knows W.
    for (std::int64_t k = 0; k < m_minuteCount; ++k)
        m_totalWeight += coveredWeight(k);
}

std::uint64_t GeneratorTimePlan::minuteWeight(TimestampMs minuteStart, std::uint64_t seed)
{
    const auto demand = GeneratorCatalog::halfHourDemand();
    const auto weekday = GeneratorCatalog::weekdayDemand();
    const TimestampMs local = minuteStart + kSeoulOffsetMs;
    const TimestampMs ofDay = floorMod(local, kMsPerDay);
    const auto block = static_cast<std::size_t>(ofDay / kHalfHourMs);
    const auto minuteInBlock = static_cast<std::uint64_t>((ofDay % kHalfHourMs) / kMsPerMinute);
    // Linear between half-hour values so minute-level charts show no steps; units: demand x 10.
    const std::uint64_t shape =
        (demand[block] * (30 - minuteInBlock) + demand[(block + 1) % demand.size()] * minuteInBlock) / 3;
    const std::int64_t localDay = floorDiv(local, kMsPerDay);
    const auto dow = static_cast<std::size_t>(floorMod(localDay + 3, 7)); // 1970-01-01 was a Thursday
    // Some days are simply busier (weather, a football match): +-8 %.
    const std::uint64_t wobble =
        92 + GeneratorRng::hash(seed, kSaltDayWobble, static_cast<std::uint64_t>(localDay)) % 17;
    return shape * weekday[dow] * wobble;
}

std::uint64_t GeneratorTimePlan::coveredWeight(std::int64_t minuteIndex) const
{
    const TimestampMs minuteStart = m_firstMinute + minuteIndex * kMsPerMinute;
    const TimestampMs lo = std::max(minuteStart, m_start);
    const TimestampMs hi = std::min(minuteStart + kMsPerMinute, m_end);
    if (hi <= lo)
        return 0;
    return minuteWeight(minuteStart, m_seed) * static_cast<std::uint64_t>(hi - lo) / kMsPerMinute;
}

void GeneratorTimePlan::fillNextMinute()
{
    m_buffer.clear();
    m_pos = 0;
    while (m_buffer.empty() && m_minute < m_minuteCount) {
        const std::int64_t k = m_minute++;
        const std::uint64_t weight = coveredWeight(k);
        if (weight == 0)
            continue;
        m_cumulative += weight;
        const TimestampMs minuteStart = m_firstMinute + k * kMsPerMinute;
        const TimestampMs lo = std::max(minuteStart, m_start);
        const TimestampMs width = std::min(minuteStart + kMsPerMinute, m_end) - lo;

        const auto ordinaryTarget = static_cast<std::int64_t>(
            mulDiv(static_cast<std::uint64_t>(m_ordinary), m_cumulative, m_totalWeight));
        for (; m_ordinaryPlaced < ordinaryTarget; ++m_ordinaryPlaced)
            m_buffer.push_back(
                {lo + static_cast<TimestampMs>(m_rng.below(static_cast<std::uint64_t>(width))), -1});

        const auto burstTarget = static_cast<std::int64_t>(
            mulDiv(static_cast<std::uint64_t>(m_bursts), m_cumulative, m_totalWeight));
        for (; m_burstsPlaced < burstTarget; ++m_burstsPlaced) {
            // Sizes stay within [kMinBurst, kMaxBurst] and still add up to exactly m_burstOrders.
            const std::int64_t left = m_bursts - m_burstsPlaced - 1;
            const std::int64_t remaining = m_burstOrders - m_burstOrdersPlaced;
            const std::int64_t size = m_rng.between(std::max(kMinBurst, remaining - kMaxBurst * left),
                                                    std::min(kMaxBurst, remaining - kMinBurst * left));
            m_burstOrdersPlaced += size;
            // The first bursts go to each abusive IP in turn so that every one of them shows up.
            const auto ip = static_cast<std::int32_t>(
                m_burstsPlaced < m_abusiveIps ? m_burstsPlaced
                                              : m_rng.below(static_cast<std::uint64_t>(m_abusiveIps)));
            // A bot fires its orders within 10–50 s, all inside this one epoch-aligned minute.
            const TimestampMs span =
                std::min<TimestampMs>(width, 10 * kMsPerSecond + m_rng.below(40 * kMsPerSecond));
            const TimestampMs first =
                lo + static_cast<TimestampMs>(m_rng.below(static_cast<std::uint64_t>(width - span + 1)));
            for (std::int64_t i = 0; i < size; ++i)
                m_buffer.push_back(
                    {first + static_cast<TimestampMs>(m_rng.below(static_cast<std::uint64_t>(span))), ip});
        }
        // A total order, so std::sort gives the same sequence with any standard library.
        std::sort(m_buffer.begin(), m_buffer.end());
    }
}

bool GeneratorTimePlan::next(Placement &out)
{
    if (m_pos >= m_buffer.size()) {
        fillNextMinute();
        if (m_buffer.empty())
            return false;
    }
    out = m_buffer[m_pos++];
    return true;
}

} // namespace op
