#pragma once

#include "analytics/Alert.h"
#include "model/OrderEvent.h"

#include <cstdint>
#include <functional>

namespace op {

struct Report;
struct Snapshot;

// What the engine tells an analysis about the event being processed.
struct EventContext
{
    // The event time is older than the watermark at arrival: it counts in cumulative figures
    // only; windowed analyses (30 s stats, 30 s items, IP velocity) must ignore it.
    bool late = false;
    TimestampMs watermark = 0;    // before this event
    TimestampMs maxEventTime = 0; // largest event time seen so far, this event included
    // Emits a live alert at once (the engine forwards it to the GUI, Redis, ...).
    std::function<void(const Alert &)> *emitAlert = nullptr;
    // onOrderPlaced only: dense indices (0, 1, 2, ... in order of first sight) the engine gives
    // every distinct customer_id (the empty one included), so that an analysis can keep its
    // per-customer state in a vector instead of hashing the id again. kNoIndex outside the
    // engine (tests driving an analysis directly); an analysis must then look the id up itself.
    static constexpr std::uint32_t kNoIndex = 0xffffffffu;
    std::uint32_t customerIndex = kNoIndex;
    // The same for non-empty merchant_ids (kNoIndex for an empty one).
    std::uint32_t merchantIndex = kNoIndex;
};

// One analysis of the stream (realtime stats, trends, items, RFM, merchants, delivery, fraud).
// The engine owns the analyses and calls them on its (single) ingest thread.
//
// An order is described by an OrderEvent holding the merged state of all its events so far
// (type is irrelevant; status is the latest known status). For a complete `order` record,
// onOrderPlaced gets the whole record. For lifecycle streams, onOrderPlaced gets the placement
// (merged with any outcome that arrived before it) and onOrderUpdated gets each later change.
class Analysis
{
public:
    virtual ~Analysis() = default;

    // A new order is counted, at its placement (event) time. Called once per order_id.
    virtual void onOrderPlaced(const OrderEvent &order, const EventContext &context) = 0;

    // Called for every analysis just before the onOrderPlaced calls of the same order: an
    // analysis whose per-order state lookup misses the cache (per-customer state of a million
    // customers) starts loading it here, so that the miss overlaps the other analyses' work.
    // Must not change any state.
    virtual void prefetchPlaced(const OrderEvent &order, const EventContext &context) const
    {
        (void)order;
        (void)context;
    }

    // An already counted order changed (status, delivery_min, rating, ...). Retract what
    // `before` contributed and apply `after`; the placement fields are the same in both.
    virtual void onOrderUpdated(const OrderEvent &before, const OrderEvent &after, const EventContext &context)
    {
        (void)before;
        (void)after;
        (void)context;
    }

    // The watermark advanced: windows that end at or before it are closed (never reopened).
    virtual void onWatermark(TimestampMs watermark) { (void)watermark; }

    // End of input: close every window.
    virtual void finish() {}

    // Writes this analysis's sections. Called after finish() for the final report, or at any
    // time for a partial one (open windows are then included as they stand).
    virtual void fillReport(Report &report) const = 0;

    // Writes this analysis's part of a live snapshot; must be cheap (see Snapshot.h).
    virtual void fillSnapshot(Snapshot &snapshot) const { (void)snapshot; }
};

} // namespace op
