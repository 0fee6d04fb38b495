#include "io/GeneratorCustomers.h"

#include "io/GeneratorCatalog.h"
#include "io/GeneratorMath.h"

#include <algorithm>
#include <limits>

namespace op {

namespace {

constexpr std::uint64_t kSaltWeight = 0x77656967;
constexpr std::uint64_t kSaltActive = 0x61637469;
constexpr std::uint64_t kSaltDistrict = 0x64697374;
constexpr std::uint64_t kSaltPayment = 0x7061796d;
constexpr std::uint64_t kSaltIp = 0x69707634;

constexpr std::uint32_t ipv4(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d)
{
    return (a << 24) | (b << 16) | (c << 8) | d;
}

std::size_t pickCumulative(const std::vector<std::uint64_t> &cumulative, std::uint64_t value)
{
    const std::uint64_t r = value % cumulative.back();
    return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), r) -
                                    cumulative.begin());
}

} // namespace

GeneratorCustomers::GeneratorCustomers(std::int64_t count, std::uint64_t seed, TimestampMs start,
                                       TimestampMs end)
    : m_count(static_cast<std::uint32_t>(
          std::clamp<std::int64_t>(count, 1, std::numeric_limits<std::uint32_t>::max())))
    , m_seed(seed)
    , m_start(start)
    , m_span(std::max<TimestampMs>(end - start, 1))
{
    std::uint64_t sum = 0;
    for (const auto &d : GeneratorCatalog::districts())
        m_districtCumulative.push_back(sum += d.weight);
    sum = 0;
    for (const auto &p : GeneratorCatalog::paymentMethods())
        m_paymentCumulative.push_back(sum += p.weight);

    // Vose's alias method with exact integer arithmetic: residuals are weight * n against the
    // total, so no rounding can differ between machines.
    const std::uint64_t n = m_count;
    std::vector<std::uint64_t> residual(n);
    std::uint64_t total = 0;
    for (std::uint32_t c = 0; c < m_count; ++c) {
        residual[c] = weight(c) * n;
        total += weight(c);
    }
    m_columns.resize(n);
    std::vector<std::uint32_t> small;
    std::vector<std::uint32_t> large;
    for (std::uint32_t c = 0; c < m_count; ++c) {
        m_columns[c] = {std::numeric_limits<std::uint32_t>::max(), c};
        (residual[c] < total ? small : large).push_back(c);
    }
    while (!small.empty() && !large.empty()) {
        const std::uint32_t s = small.back();
        small.pop_back();
        const std::uint32_t l = large.back();
        m_columns[s] = {
            static_cast<std::uint32_t>(generatormath::mulDiv(residual[s], std::uint64_t(1) << 32, total)), l};
        residual[l] -= total - residual[s];
        if (residual[l] < total) {
            large.pop_back();
            small.push_back(l);
        }
    }
    // Whatever is left holds exactly one column's worth: it keeps itself (threshold = max).
}

std::uint64_t GeneratorCustomers::trait(std::uint32_t customer, std::uint64_t salt) const
{
    return GeneratorRng::hash(m_seed, salt, customer);
}

std::uint32_t GeneratorCustomers::weight(std::uint32_t customer) const
{
    const std::uint64_t h = trait(customer, kSaltWeight);
    const std::uint64_t segment = h % 100;
    const std::uint64_t jitter = (h >> 16) % 1000;
    if (segment < 50) // occasional: a couple of orders a month
        return static_cast<std::uint32_t>(10 + jitter % 10);
    if (segment < 80) // regular
        return static_cast<std::uint32_t>(30 + jitter % 30);
    if (segment < 95) // frequent
        return static_cast<std::uint32_t>(80 + jitter % 60);
    return static_cast<std::uint32_t>(200 + jitter % 300); // heavy users: the long tail
}

bool GeneratorCustomers::activeAt(std::uint32_t customer, TimestampMs time) const
{
    const std::uint64_t h = trait(customer, kSaltActive);
    const std::uint64_t kind = h % 100;
    const auto percent = static_cast<std::int64_t>((h >> 16) % 1000);
    if (kind < 68)
        return true;
    if (kind < 88) // lapsed: stops after 15–50 % of the span
        return time < m_start + m_span / 100 * (15 + percent % 36);
    return time >= m_start + m_span / 100 * (40 + percent % 51); // newcomer: starts at 40–90 %
}

std::size_t GeneratorCustomers::homeDistrict(std::uint32_t customer) const
{
    return pickCumulative(m_districtCumulative, trait(customer, kSaltDistrict));
}

std::size_t GeneratorCustomers::favouritePayment(std::uint32_t customer) const
{
    return pickCumulative(m_paymentCumulative, trait(customer, kSaltPayment));
}

std::uint32_t GeneratorCustomers::homeIp(std::uint32_t customer) const
{
    const std::uint64_t h = trait(customer, kSaltIp);
    const std::uint64_t kind = h % 100;
    const auto a = static_cast<std::uint32_t>(h >> 8);
    const auto b = static_cast<std::uint32_t>(h >> 32);
    if (kind < 15) {
        // Documentation ranges; hosts .200 and up are kept for the abusive addresses.
        static constexpr std::uint32_t kNets[] = {ipv4(192, 0, 2, 0), ipv4(198, 51, 100, 0),
                                                  ipv4(203, 0, 113, 0)};
        return kNets[a % 3] + 1 + b % 199;
    }
    if (kind < 40) // 198.18.0.0/15 (benchmarking range) as fixed broadband lines
        return ipv4(198, 18 + (a >> 8) % 2, a % 256, 1 + b % 254);
    // 100.64.0.0/10 (carrier-grade NAT) as mobile and shared lines
    return ipv4(100, 64 + a % 64, (a >> 8) % 256, 1 + b % 254);
}

std::uint32_t GeneratorCustomers::sample(GeneratorRng &rng) const
{
    const std::uint64_t x = rng.next();
    const auto column = static_cast<std::uint32_t>(((x >> 32) * m_count) >> 32);
    const Column &entry = m_columns[column];
    return static_cast<std::uint32_t>(x) < entry.threshold ? column : entry.alias;
}

std::uint32_t GeneratorCustomers::pick(GeneratorRng &rng, TimestampMs time) const
{
    std::uint32_t c = 0;
    for (int attempt = 0; attempt < 16; ++attempt) {
        c = sample(rng);
        if (activeAt(c, time))
            return c;
    }
    // Practically unreachable (two thirds of all customers are always active); stay deterministic.
    for (std::uint32_t step = 1; step < std::min<std::uint32_t>(m_count, 4096); ++step) {
        const std::uint32_t other = (c + step) % m_count;
        if (activeAt(other, time))
            return other;
    }
    return c;
}

} // namespace op
