#pragma once

#include "analytics/Analysis.h"
#include "analytics/CustomerIdTable.h"
#include "analytics/EngineSettings.h"
#include "analytics/GradeHorizon.h"
#include "analytics/Snapshot.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace op {

// RFM scores and segments, grades and CLV per customer (DESIGN.md "Analyses", ENGINE_SEMANTICS.md).
//
// Per customer it keeps only integers (first/last placement, order count, sum of amounts) under an
// interned id, plus the orders of the grade horizon (GradeHorizon): about 80 bytes a customer and
// 16 bytes an order of the last 183 days. Scores are relative to every other customer, so they are
// computed when read: fillReport always exactly; fillSnapshot re-scores at most every
// EngineSettings::customerSnapshotRefreshMs of wall time, or sooner when the customer count moved by
// more than customerSnapshotGrowthPercent, and otherwise hands out the previous summary (its
// computedAtEventTime says "as of"), sharing the table through its shared_ptr.
class CustomerAnalysis : public Analysis
{
public:
    explicit CustomerAnalysis(const EngineSettings &settings);

    void onOrderPlaced(const OrderEvent &order, const EventContext &context) override;
    void onOrderUpdated(const OrderEvent &before, const OrderEvent &after, const EventContext &context) override;
    void fillReport(Report &report) const override;
    void fillSnapshot(Snapshot &snapshot) const override;

    // Grades use "now" = the largest event time seen. The order callbacks carry it (EventContext::
    // maxEventTime); an engine that also sees later events changing no order (a duplicate, an
    // orphan lifecycle event) may pass their times here so that "now" matches the data's maximum.
    void observeEventTime(TimestampMs eventTime);

    // Wall clock in ms for the snapshot refresh policy (tests replace it). Default: steady clock.
    using WallClock = std::function<std::int64_t()>;
    void setWallClock(WallClock clock) { m_wallClock = std::move(clock); }

    std::size_t customerCount() const { return m_customers.size(); }
    std::optional<TimestampMs> now() const { return m_now; }
    // Bytes held by the per-customer state (ids, integers, horizon orders), not counting caches.
    std::size_t memoryBytes() const;
    // How many times snapshots re-scored the customers (for tests of the refresh policy).
    std::int64_t snapshotScorings() const { return m_snapshotScorings; }

private:
    struct CustomerState
    {
        TimestampMs firstOrder = 0;
        TimestampMs lastOrder = 0;
        Money monetary = 0;
        std::int64_t orders = 0;
    };
    struct Scores
    {
        std::vector<std::uint8_t> r, f, m, segment, grade;
        std::vector<Money> clv;
    };

    void advanceNow(TimestampMs t);
    // Customers ordered by id in byte order; cached, merged with newcomers when customers are added.
    const std::vector<std::uint32_t> &customersById() const;
    Scores score() const;
    CustomerRow makeRow(std::uint32_t customer, const Scores &scores) const;
    CustomerSummary summarize() const;

    int m_clvMonths;
    std::int64_t m_refreshMs;
    int m_growthPercent;
    CustomerIdTable m_ids;
    std::vector<CustomerState> m_customers; // by interned index
    GradeHorizon m_horizon;
    std::optional<TimestampMs> m_now;
    std::uint64_t m_version = 0; // changes whenever anything a score depends on changes
    WallClock m_wallClock;

    // Caches filled by the const read paths on the ingest thread (never shared across threads).
    mutable std::vector<std::uint32_t> m_byId;
    mutable std::optional<CustomerSummary> m_summary;
    mutable std::uint64_t m_summaryVersion = 0;
    mutable std::int64_t m_summaryWallMs = 0;
    mutable std::size_t m_summaryCustomers = 0;
    mutable std::int64_t m_snapshotScorings = 0;
};

} // namespace op
