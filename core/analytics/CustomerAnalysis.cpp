#include "analytics/CustomerAnalysis.h"

#include "analytics/ClvCalculator.h"
#include "analytics/GradeRules.h"
#include "analytics/Report.h"
#include "analytics/RfmScoring.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <iterator>
#include <limits>
#include <memory>

namespace op {

namespace {

std::int64_t steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// The smallest 1, 2 or 5 x 10^k that is >= value (value >= 1).
Money niceStep(Money value)
{
    Money decade = 1;
    while (true) {
        for (const Money f : {1, 2, 5}) {
            if (f * decade >= value)
                return f * decade;
        }
        if (decade > std::numeric_limits<Money>::max() / 100)
            return value;
        decade *= 10;
    }
}

// Twenty equal buckets in a round width chosen so that they cover the 99th percentile; anything
// above goes to one more bucket [20 x width, max]. Trailing empty buckets are left out.
std::vector<HistogramBucket> clvHistogram(const std::vector<Money> &clv)
{
    std::vector<HistogramBucket> out;
    if (clv.empty())
        return out;
    constexpr int kBuckets = 20;
    std::vector<Money> values = clv;
    const std::size_t rank = (values.size() * 99 + 99) / 100 - 1;
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(rank), values.end());
    const Money p99 = std::max<Money>(values[rank], 1);
    const Money width = niceStep((p99 + kBuckets - 1) / kBuckets);
    std::vector<std::int64_t> counts(kBuckets + 1, 0);
    Money maxValue = 0;
    for (const Money v : clv) {
        const Money b = std::clamp<Money>(v / width, 0, kBuckets);
        ++counts[static_cast<std::size_t>(b)];
        maxValue = std::max(maxValue, v);
    }
    std::size_t last = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] != 0)
            last = i;
    }
    for (std::size_t i = 0; i <= last; ++i) {
        const auto from = static_cast<double>(static_cast<Money>(i) * width);
        const double to = i == kBuckets ? static_cast<double>(maxValue) : from + static_cast<double>(width);
        out.push_back(HistogramBucket{from, to, counts[i]});
    }
    return out;
}

} // namespace

CustomerAnalysis::CustomerAnalysis(const EngineSettings &settings)
    : m_clvMonths(settings.clvLifetimeMonths)
    , m_refreshMs(settings.customerSnapshotRefreshMs)
    , m_growthPercent(settings.customerSnapshotGrowthPercent)
    , m_horizon(static_cast<TimestampMs>(settings.gradeHorizonDays) * kMsPerDay)
    , m_wallClock(steadyMs)
{
}

void CustomerAnalysis::advanceNow(TimestampMs t)
{
    if (m_now && t <= *m_now)
        return;
    m_now = t;
    m_horizon.advanceNow(t, [this](std::uint32_t customer, Money amount) {
        m_customers[customer].horizonSales -= amount;
        --m_customers[customer].horizonOrders;
    });
    ++m_version;
}

void CustomerAnalysis::observeEventTime(TimestampMs eventTime)
{
    advanceNow(eventTime);
}

void CustomerAnalysis::onOrderPlaced(const OrderEvent &order, const EventContext &context)
{
    const TimestampMs t = order.eventTime;
    advanceNow(std::max(context.maxEventTime, t));
    const Money amount = order.amount.value_or(0);
    bool added = false;
    const std::uint32_t index = context.customerIndex != EventContext::kNoIndex
                                    ? m_customers.internAt(context.customerIndex, order.customerId, &added)
                                    : m_customers.intern(order.customerId, &added);
    CustomerState &c = m_customers[index];
    c.firstOrder = added ? t : std::min(c.firstOrder, t);
    c.lastOrder = added ? t : std::max(c.lastOrder, t);
    c.monetary += amount;
    ++c.orders;
    // "now" is already >= t, so nothing expires here.
    if (m_horizon.add(index, t, amount, [](std::uint32_t, Money) {})) {
        c.horizonSales += amount;
        ++c.horizonOrders;
    }
    ++m_version;
}

void CustomerAnalysis::onOrderUpdated(const OrderEvent &before, const OrderEvent &after,
                                      const EventContext &context)
{
    // R, F, M, CLV and grades depend only on placement fields, which an update never changes;
    // only "now" may move.
    (void)before;
    (void)after;
    advanceNow(context.maxEventTime);
}

const std::vector<std::uint32_t> &CustomerAnalysis::customersById() const
{
    const std::size_t n = m_customers.size();
    if (m_byId.size() == n)
        return m_byId;
    // Customers are only ever added: sort the newcomers and merge them into the cached order.
    std::vector<std::uint32_t> fresh = m_customers.sortedIndices(static_cast<std::uint32_t>(m_byId.size()));
    if (m_byId.empty()) {
        m_byId.swap(fresh);
        return m_byId;
    }
    std::vector<std::uint32_t> merged;
    merged.reserve(n);
    std::merge(m_byId.begin(), m_byId.end(), fresh.begin(), fresh.end(), std::back_inserter(merged),
               [this](std::uint32_t a, std::uint32_t b) { return m_customers.idLess(a, b); });
    m_byId.swap(merged);
    return m_byId;
}

std::vector<std::uint8_t> CustomerAnalysis::grades() const
{
    const std::size_t n = m_customers.size();
    std::vector<Money> sales(n);
    std::vector<std::int64_t> orders(n);
    for (std::size_t i = 0; i < n; ++i) {
        sales[i] = m_customers[i].horizonSales;
        orders[i] = m_customers[i].horizonOrders;
    }
    // Orders still held but at or before now - horizon (the straddling hour) are out.
    m_horizon.forEachStale([&](std::uint32_t customer, Money amount) {
        sales[customer] -= amount;
        --orders[customer];
    });
    std::vector<std::uint8_t> out(n);
    for (std::size_t i = 0; i < n; ++i)
        out[i] = static_cast<std::uint8_t>(gradeIndex(sales[i], orders[i]));
    return out;
}

CustomerAnalysis::Scores CustomerAnalysis::score() const
{
    const std::size_t n = m_customers.size();
    const std::vector<std::uint32_t> &byId = customersById();
    std::vector<std::uint32_t> idRank(n);
    for (std::size_t pos = 0; pos < n; ++pos)
        idRank[byId[pos]] = static_cast<std::uint32_t>(pos);

    std::vector<std::int64_t> metric(n);
    for (std::uint32_t i = 0; i < n; ++i)
        metric[i] = m_customers[i].lastOrder;
    const std::vector<std::uint8_t> r = ntileScores(metric, idRank);
    for (std::uint32_t i = 0; i < n; ++i)
        metric[i] = m_customers[i].orders;
    const std::vector<std::uint8_t> f = ntileScores(metric, idRank);
    for (std::uint32_t i = 0; i < n; ++i)
        metric[i] = m_customers[i].monetary;
    const std::vector<std::uint8_t> m = ntileScores(metric, idRank);
    const std::vector<std::uint8_t> grade = grades();

    Scores s(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        const CustomerState &c = m_customers[i];
        s[i] = CustomerScore{customerLifetimeValue(c.monetary, c.firstOrder, c.lastOrder, m_clvMonths),
                             r[i],
                             f[i],
                             m[i],
                             static_cast<std::uint8_t>(segmentIndex(r[i], f[i])),
                             grade[i]};
    }
    return s;
}

CustomerRow CustomerAnalysis::makeRow(std::uint32_t customer, const CustomerScore &s) const
{
    const CustomerState &c = m_customers[customer];
    CustomerRow row;
    row.customerId = std::string(m_customers.id(customer));
    row.lastOrder = c.lastOrder;
    row.frequency = c.orders;
    row.monetary = c.monetary;
    row.r = s.r;
    row.f = s.f;
    row.m = s.m;
    row.segment = kSegmentNames[s.segment];
    row.grade = kGradeNames[s.grade];
    row.clv = s.clv;
    return row;
}

template<typename Visit> void CustomerAnalysis::forEachById(const Scores &scores, Visit &&visit) const
{
    // Customers are visited in id order, i.e. at random in memory: prefetch a few ahead.
    constexpr std::size_t kAhead = 8;
    const std::vector<std::uint32_t> &byId = customersById();
    for (std::size_t pos = 0; pos < byId.size(); ++pos) {
        if (pos + kAhead < byId.size()) {
            const std::uint32_t next = byId[pos + kAhead];
            __builtin_prefetch(&m_customers[next]);
            __builtin_prefetch(&scores[next]);
        }
        visit(byId[pos], scores[byId[pos]]);
    }
}

void CustomerAnalysis::fillReport(Report &report) const
{
    const Scores scores = score();
    std::array<std::int64_t, kSegmentNames.size()> segments{};
    std::array<std::int64_t, kGradeNames.size()> grades{};
    report.customers.clear();
    report.customers.reserve(m_customers.size());
    forEachById(scores, [&](std::uint32_t customer, const CustomerScore &s) {
        report.customers.push_back(makeRow(customer, s));
        ++segments[s.segment];
        ++grades[s.grade];
    });
    report.segments.clear();
    for (std::size_t i = 0; i < kSegmentNames.size(); ++i)
        report.segments.emplace_back(kSegmentNames[i], segments[i]);
    report.grades.clear();
    for (std::size_t i = 0; i < kGradeNames.size(); ++i)
        report.grades.emplace_back(kGradeNames[i], grades[i]);
}

CustomerSummary CustomerAnalysis::summarize() const
{
    const Scores scores = score();
    CustomerSummary summary;
    auto table = std::make_shared<std::vector<CustomerRow>>();
    table->reserve(m_customers.size());
    std::vector<Money> clv;
    clv.reserve(m_customers.size());
    forEachById(scores, [&](std::uint32_t customer, const CustomerScore &s) {
        table->push_back(makeRow(customer, s));
        ++summary.segmentCounts[s.segment];
        summary.segmentRevenue[s.segment] += m_customers[customer].monetary;
        ++summary.rfGrid[s.r - 1][s.f - 1];
        ++summary.gradeCounts[s.grade];
        clv.push_back(s.clv);
    });
    summary.clvHistogram = clvHistogram(clv);
    summary.table = std::move(table);
    summary.computedAtEventTime = m_now.value_or(0);
    return summary;
}

void CustomerAnalysis::fillSnapshot(Snapshot &snapshot) const
{
    const std::int64_t wall = m_wallClock();
    const std::size_t n = m_customers.size();
    bool refresh = !m_summary;
    if (!refresh && m_summaryVersion != m_version) {
        const std::size_t moved = n > m_summaryCustomers ? n - m_summaryCustomers : m_summaryCustomers - n;
        const bool grew =
            moved * 100 > static_cast<std::size_t>(std::max(m_growthPercent, 0)) * m_summaryCustomers;
        const std::int64_t elapsed = wall - m_summaryWallMs;
        // Whatever triggers it, re-scoring never takes more than a tenth of the ingest thread.
        refresh = m_finished || ((grew || elapsed >= m_refreshMs) && elapsed >= 10 * m_summaryCostMs);
    }
    if (refresh) {
        m_summary = summarize();
        m_summaryVersion = m_version;
        m_summaryWallMs = wall;
        m_summaryCostMs = m_wallClock() - wall;
        m_summaryCustomers = n;
        ++m_snapshotScorings;
    }
    snapshot.customers = *m_summary;
}

std::size_t CustomerAnalysis::memoryBytes() const
{
    return sizeof(*this) + m_customers.memoryBytes() + m_horizon.memoryBytes();
}

} // namespace op
