#pragma once

#include "analytics/Analysis.h"
#include "analytics/EngineSettings.h"
#include "analytics/FlatStringMap.h"
#include "analytics/Report.h"

#include <string_view>
#include <vector>

namespace op {

// Popular items: per 30 s window over non-late orders, the top N item names by quantity (ties:
// name ascending in byte order) with the number of orders containing the item and the sales
// (qty x unit_price); and the all-time top N over every order (snapshots only).
// Item names are interned once (the all-time map doubles as the name table), so a window
// aggregates by dense id: one string lookup per item line, not two.
class PopularItemsAnalysis : public Analysis
{
public:
    explicit PopularItemsAnalysis(const EngineSettings &settings);

    void onOrderPlaced(const OrderEvent &order, const EventContext &context) override;
    void onWatermark(TimestampMs watermark) override;
    void finish() override;
    void fillReport(Report &report) const override;
    void fillSnapshot(Snapshot &snapshot) const override;

private:
    struct Aggregate
    {
        std::int64_t quantity = 0;
        std::int64_t orders = 0;
        Money sales = 0;
        std::uint64_t lastOrder = 0; // stamp of the last order counted, so an order counts once
    };
    struct Window
    {
        TimestampMs start = 0;
        std::vector<Aggregate> byId; // indexed by name id
        std::vector<std::uint32_t> touched;
    };
    struct ClosedRow
    {
        TimestampMs windowStart;
        std::uint32_t nameId;
        std::int64_t quantity;
        std::int64_t orders;
        Money sales;
    };

    Window &windowFor(TimestampMs start);
    void closeFront();
    // Reorders ids so that the first min(n, size) are the top ones by (quantity desc, name asc),
    // in that order; returns how many.
    template <typename Lookup>
    std::size_t selectTop(std::vector<std::uint32_t> &ids, std::size_t n, Lookup quantityOf) const;
    void appendWindowRows(const Window &window, std::vector<PopularItemRow> &out) const;

    const TimestampMs m_windowMs;
    const std::size_t m_topN;
    const std::size_t m_allTimeTopN;

    FlatStringMap<Aggregate> m_names; // name -> all-time aggregate; entry index = name id
    std::vector<Window> m_open; // by start; few (vector: no allocation once grown)        // by start
    std::vector<Window> m_spare;      // recycled windows keep their buffers
    std::vector<ClosedRow> m_closed;  // by window start, then rank
    std::size_t m_lastClosedRows = 0; // rows of the latest closed window (at the end of m_closed)
    std::uint64_t m_orderStamp = 0;
    // Scratch for selectTop: plain (quantity, name, id) records, so that the comparator needs no
    // indirection (a reused buffer; the analysis is single-threaded).
    struct Candidate
    {
        std::int64_t quantity;
        std::string_view name;
        std::uint32_t id;
    };
    mutable std::vector<Candidate> m_candidates;
};

} // namespace op
