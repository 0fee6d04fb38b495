#pragma once

#include "analytics/Analysis.h"
#include "analytics/DisplayZone.h"
#include "analytics/EngineSettings.h"
#include "analytics/FlatStringSet.h"
#include "analytics/OrderStateStore.h"
#include "analytics/Report.h"
#include "analytics/Snapshot.h"
#include "analytics/WatermarkTracker.h"
#include "io/QuarantineRecord.h"
#include "model/OrderEvent.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace op {

// The streaming analytics engine: de-duplication, lifecycle merging, retention, the event-time
// watermark over partitions and lateness (ENGINE_SEMANTICS.md), the event counts and totals,
// and a list of Analysis objects that compute everything else.
//
// Single-threaded: it lives on the ingest thread and holds no locks. The GUI gets immutable
// snapshots (snapshot()); alerts go out through the alert callback on the ingest thread.
//
// Snapshot cost policy: snapshot() is meant to be called up to ~10 times per second while
// ingesting at full speed and must not slow ingest by more than 10 %. So every fillSnapshot is
// O(what is shown): recent windows, merchants, recent alerts, the trend buckets, never
// O(customers) or O(orders). An analysis with a section that costs more (the customer table,
// RFM scores over a million customers) recomputes it lazily and shares it between snapshots
// through a std::shared_ptr<const ...>: at most once per second of wall time, and not again
// before 20 times the duration of its last recomputation has passed (so it never takes more
// than ~5 % of the ingest thread), always after finish(). Snapshots carry computedAtEventTime
// so the GUI can say "as of".
class Engine
{
public:
    using AnalysisFactory =
        std::function<std::vector<std::unique_ptr<Analysis>>(const EngineSettings &, const DisplayZone &)>;

    // Runs the standard analyses (makeStandardAnalyses).
    explicit Engine(EngineSettings settings = {});
    // Runs the analyses `factory` makes instead (tests, tools).
    Engine(EngineSettings settings, const AnalysisFactory &factory);
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    const EngineSettings &settings() const { return m_settings; }
    const DisplayZone &displayZone() const { return m_zone; }

    // A partition (a file, a Kafka partition) that will send events; until its first event it
    // holds the watermark. process() registers unknown partitions by itself.
    void registerPartition(int partition);
    // What process() did with a record (sinks store accepted records with their late flag).
    enum class Outcome : std::uint8_t {
        Accepted, // counted, on time
        Late,     // counted, older than the watermark: cumulative figures only
        Duplicate, // its (order_id, type) was seen before: changed nothing but events.duplicates
        Ignored,  // after finish(), or without an order_id
    };
    // How to judge lateness. Replaying stored records (`report`) passes Late for records the
    // original worker judged late, so that they stay out of windows exactly as they did then.
    enum class Lateness : std::uint8_t { ByWatermark, Late };

    // One decoded, valid record. The event may be modified (normalised); it is not kept.
    Outcome process(OrderEvent &event, int partition = 0, Lateness lateness = Lateness::ByWatermark);
    void onQuarantine(const QuarantineRecord &record);
    // The source decides idleness (wall-clock silence >= partitionIdleMs); an idle partition is
    // left out of the watermark until its next event.
    void setPartitionIdle(int partition, bool idle);
    void finishPartition(int partition);
    // End of input: closes every window. Later process() calls are ignored.
    void finish();
    bool isFinished() const { return m_finished; }

    // The report: final after finish(); before it, a partial one (open windows as they stand).
    Report report() const;
    std::shared_ptr<const Snapshot> snapshot();
    // Called on the ingest thread the moment an alert fires (live form, see Alert.h).
    void setAlertCallback(std::function<void(const Alert &)> callback);

    const EventCounts &events() const { return m_events; }
    Totals totals() const;
    TimestampMs watermark() const { return m_watermarks.watermark(); } // kMinusInfinity before any
    TimestampMs maxEventTime() const { return m_maxEventTime; }         // kMinusInfinity before any
    std::size_t orderStateCount() const { return m_store.size(); }
    std::size_t pendingStateCount() const { return m_store.pendingCount(); }
    std::int64_t alertsEmitted() const { return m_alertsEmitted; }
    std::size_t stateMemoryBytes() const;

private:
    void placeOrder(OrderEvent &event, std::uint32_t index, std::uint64_t hash, std::uint64_t customerHash,
                    const EventContext &context);
    void applyOutcome(const OrderEvent &event, std::uint32_t index, std::uint64_t hash,
                      const EventContext &context);
    // customerHash: fastHash(order.customerId), computed early to prefetch the set's slot.
    void countOrder(const OrderEvent &order, std::uint64_t customerHash, const EventContext &context);
    void watermarkAdvanced();

    EngineSettings m_settings;
    DisplayZone m_zone;
    std::vector<std::unique_ptr<Analysis>> m_analyses;

    WatermarkTracker m_watermarks;
    OrderStateStore m_store;
    TimestampMs m_maxEventTime = WatermarkTracker::kMinusInfinity;
    bool m_finished = false;

    EventCounts m_events;
    std::int64_t m_orders = 0;
    Money m_sales = 0;
    FlatStringSet m_customers; // every customer id, the empty one too; indices go to EventContext
    bool m_emptyCustomerSeen = false;
    FlatStringSet m_merchants;

    std::function<void(const Alert &)> m_alertCallback;
    std::function<void(const Alert &)> m_emitAlert; // what EventContext::emitAlert points at
    std::int64_t m_alertsEmitted = 0;
    std::int64_t m_snapshotSequence = 0;

    // Scratch orders reused for merges, so a merge allocates nothing once warmed up.
    OrderEvent m_before;
    OrderEvent m_after;
};

} // namespace op
