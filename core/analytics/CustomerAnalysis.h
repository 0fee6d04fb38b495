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
// Per customer it keeps only integers (first/last placement, order count, sum of amounts, the same
// two over the grade horizon) beside its interned id, plus the orders of the grade horizon
// (GradeHorizon): about 90 bytes a customer and 16 bytes an order of the last 183 days.
//
// Scores are relative to every other customer, so they are computed when read: fillReport always
// exactly; fillSnapshot re-scores when something changed and EngineSettings::
// customerSnapshotRefreshMs of wall time passed, or sooner when the customer count moved by more
// than customerSnapshotGrowthPercent -- but never sooner than ten times what the last re-scoring
// took (0.5-1 s at a million customers), so that it stays under a tenth of the ingest thread.
// Otherwise it hands out the previous summary (computedAtEventTime says "as of"), sharing the
// table through its shared_ptr.
class CustomerAnalysis : public Analysis
{
public:
    explicit CustomerAnalysis(const EngineSettings &settings);

    void onOrderPlaced(const OrderEvent &order, const EventContext &context) override;
    void prefetchPlaced(const OrderEvent &order, const EventContext &context) const override
    {
        (void)order;
        if (context.customerIndex < m_customers.size())
            __builtin_prefetch(&m_customers[context.customerIndex], 1);
    }
    void onOrderUpdated(const OrderEvent &before, const OrderEvent &after,
                        const EventContext &context) override;
    void fillReport(Report &report) const override;
    void fillSnapshot(Snapshot &snapshot) const override;
    // After the end of input the next snapshot is always re-scored: the last one must be exact.
    void finish() override { m_finished = true; }

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
    struct CustomerState // 48 bytes: with its 16-byte id, one cache line
    {
        TimestampMs firstOrder = 0;
        TimestampMs lastOrder = 0;
        Money monetary = 0;
        std::int64_t orders = 0;
        Money horizonSales = 0; // over the orders GradeHorizon still holds
        std::int64_t horizonOrders = 0;
    };
    struct CustomerScore // packed so that reading customers in id order costs one miss, not six
    {
        Money clv = 0;
        std::uint8_t r = 0, f = 0, m = 0, segment = 0, grade = 0;
    };
    using Scores = std::vector<CustomerScore>; // by interned index

    void advanceNow(TimestampMs t);
    std::vector<std::uint8_t> grades() const;
    // Customers ordered by id in byte order; cached, merged with newcomers when customers are added.
    const std::vector<std::uint32_t> &customersById() const;
    Scores score() const;
    CustomerRow makeRow(std::uint32_t customer, const CustomerScore &score) const;
    // visit(customer, score) for every customer in id order.
    template<typename Visit> void forEachById(const Scores &scores, Visit &&visit) const;
    CustomerSummary summarize() const;

    int m_clvMonths;
    std::int64_t m_refreshMs;
    int m_growthPercent;
    CustomerIdTable<CustomerState> m_customers; // id + state, 64 bytes a customer
    GradeHorizon m_horizon;
    std::optional<TimestampMs> m_now;
    std::uint64_t m_version = 0; // changes whenever anything a score depends on changes
    WallClock m_wallClock;

    // Caches filled by the const read paths on the ingest thread (never shared across threads).
    mutable std::vector<std::uint32_t> m_byId;
    mutable std::optional<CustomerSummary> m_summary;
    mutable std::uint64_t m_summaryVersion = 0;
    bool m_finished = false;
    mutable std::int64_t m_summaryWallMs = 0;
    mutable std::int64_t m_summaryCostMs = 0; // wall time the last re-scoring took
    mutable std::size_t m_summaryCustomers = 0;
    mutable std::int64_t m_snapshotScorings = 0;
};

} // namespace op
