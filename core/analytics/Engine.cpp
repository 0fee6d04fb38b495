#include "analytics/Engine.h"

#include "analytics/CompactOrder.h"
#include "analytics/FastHash.h"
#include "analytics/LifecycleMerge.h"
#include "analytics/StandardAnalyses.h"

#include <QDateTime>
#include <QtGlobal>

#include <algorithm>
#include <cstring>

namespace op {

namespace {

// One bit per record kind for de-duplication: a second order/placed, delivered, cancelled or
// rated record for an order_id is a duplicate.
enum KindBit : std::uint8_t { kPlacement = 1, kDelivered = 2, kCancelled = 4, kRated = 8 };

std::uint8_t kindBit(EventType type)
{
    switch (type) {
    case EventType::Order:
    case EventType::Placed:
        return kPlacement;
    case EventType::Delivered:
        return kDelivered;
    case EventType::Cancelled:
        return kCancelled;
    case EventType::Rated:
        return kRated;
    }
    return kPlacement;
}

bool alertLess(const Alert &a, const Alert &b)
{
    if (a.eventTime != b.eventTime)
        return a.eventTime < b.eventTime;
    if (a.entity != b.entity)
        return a.entity < b.entity;
    return std::strcmp(alertRuleName(a.rule), alertRuleName(b.rule)) < 0;
}

} // namespace

Engine::Engine(EngineSettings settings)
    : Engine(std::move(settings), AnalysisFactory(&makeStandardAnalyses))
{
}

Engine::Engine(EngineSettings settings, const AnalysisFactory &factory)
    : m_settings(std::move(settings))
    , m_zone(m_settings.displayTimeZone)
    , m_watermarks(m_settings.allowedLatenessMs)
    , m_customers(1 << 12)
    , m_merchants(1 << 8)
{
    if (!m_zone.isValid())
        qWarning("OrderPulse engine: unknown time zone '%s', using UTC", m_settings.displayTimeZone.c_str());
    m_emitAlert = [this](const Alert &alert) {
        ++m_alertsEmitted;
        if (m_alertCallback)
            m_alertCallback(alert);
    };
    m_analyses = factory(m_settings, m_zone);
}

Engine::~Engine() = default;

void Engine::setAlertCallback(std::function<void(const Alert &)> callback)
{
    m_alertCallback = std::move(callback);
}

void Engine::registerPartition(int partition)
{
    m_watermarks.registerPartition(partition);
}

void Engine::onQuarantine(const QuarantineRecord &record)
{
    (void)record;
    ++m_events.quarantined;
}

Engine::Outcome Engine::process(OrderEvent &event, int partition, Lateness lateness)
{
    if (m_finished || event.orderId.empty()) {
        // Decoders quarantine records without an order_id; after finish() nothing changes.
        Q_ASSERT_X(!event.orderId.empty(), "Engine::process", "event without order_id");
        return Outcome::Ignored;
    }
    const std::uint64_t hash = fastHash(event.orderId);
    m_store.prefetch(hash);
    m_store.prefetchNextInsert();
    // The customer-set probe misses the cache as often as the state lookup: start both now so
    // that the two memory accesses overlap.
    const std::uint64_t customerHash = fastHash(event.customerId);
    m_customers.prefetch(customerHash);
    const TimestampMs watermark = m_watermarks.watermark();
    const std::uint8_t kind = kindBit(event.type);
    const std::uint32_t index = m_store.find(event.orderId, hash, watermark);
    if (index != OrderStateStore::kNone && (m_store.at(index).seen & kind) != 0) {
        ++m_events.duplicates; // changes nothing else, not even the watermark
        return Outcome::Duplicate;
    }
    ++m_events.accepted;
    const bool late = lateness == Lateness::Late || event.eventTime < watermark;
    m_events.late += late ? 1 : 0;
    m_maxEventTime = std::max(m_maxEventTime, event.eventTime);

    const EventContext context{late, watermark, m_maxEventTime, &m_emitAlert};
    if (kind == kPlacement)
        placeOrder(event, index, hash, customerHash, context);
    else
        applyOutcome(event, index, hash, context);

    if (m_watermarks.observe(partition, event.eventTime))
        watermarkAdvanced();
    m_store.prefetchNextInsert(); // for the next event: it has the decoding time to arrive
    return late ? Outcome::Late : Outcome::Accepted;
}

void Engine::placeOrder(OrderEvent &event, std::uint32_t index, std::uint64_t hash, std::uint64_t customerHash,
                        const EventContext &context)
{
    const TimestampMs retention = m_settings.orderStateRetentionMs;
    if (event.type == EventType::Placed && !event.status)
        event.status = OrderStatus::Placed;

    if (index == OrderStateStore::kNone) {
        // The usual case: a new order. Analyses read the caller's event directly, no copy.
        index = m_store.insert(hash);
        OrderState &state = m_store.at(index);
        state.seen = kPlacement;
        state.counted = true;
        state.lastEventTime = event.eventTime;
        CompactOrder::encodeInto(event, m_store.allocBlob(index, CompactOrder::encodedSize(event)));
        if (event.type == EventType::Order) {
            state.completedAt = event.eventTime; // a complete record
            m_store.setExpiry(index, event.eventTime + retention);
        } else {
            m_store.setExpiry(index, event.eventTime + m_settings.inFlightOrderRetentionMs);
        }
        countOrder(event, customerHash, context);
        return;
    }

    // Outcomes arrived first: merge them into the placement, then count the merged order.
    OrderState &state = m_store.at(index);
    CompactOrder::decode(m_store.blob(index), m_before);
    m_after = event;
    LifecycleMerge::mergePending(m_after, m_before, state.statusTime);
    state.seen |= kPlacement;
    state.counted = true;
    state.lastEventTime = std::max(state.lastEventTime, event.eventTime);
    if (event.type == EventType::Order)
        state.completedAt = std::max(state.completedAt, event.eventTime);
    CompactOrder::encodeInto(m_after, m_store.allocBlob(index, CompactOrder::encodedSize(m_after)));
    m_store.setExpiry(index, state.completedAt == OrderState::kNoTime
                                 ? state.lastEventTime + m_settings.inFlightOrderRetentionMs
                                 : state.completedAt + retention);
    countOrder(m_after, customerHash, context); // the merged order keeps the placement's customer
}

void Engine::applyOutcome(const OrderEvent &event, std::uint32_t index, std::uint64_t hash,
                          const EventContext &context)
{
    const TimestampMs retention = m_settings.orderStateRetentionMs;
    const bool completes = event.type == EventType::Delivered || event.type == EventType::Cancelled;

    if (index == OrderStateStore::kNone) {
        // Before its placement: a pending state, dropped after retention if no placement comes.
        index = m_store.insert(hash);
        OrderState &state = m_store.at(index);
        state.seen = kindBit(event.type);
        state.counted = false;
        state.lastEventTime = event.eventTime;
        if (completes)
            state.completedAt = event.eventTime;
        m_after.clear();
        m_after.orderId = event.orderId;
        m_after.eventTime = event.eventTime;
        LifecycleMerge::applyOutcome(m_after, event, state.statusTime);
        CompactOrder::encodeInto(m_after, m_store.allocBlob(index, CompactOrder::encodedSize(m_after)));
        m_store.setExpiry(index, event.eventTime + retention);
        return;
    }

    OrderState &state = m_store.at(index);
    state.seen |= kindBit(event.type);
    state.lastEventTime = std::max(state.lastEventTime, event.eventTime);
    if (completes)
        state.completedAt = std::max(state.completedAt, event.eventTime);
    CompactOrder::decode(m_store.blob(index), m_before);
    m_after = m_before;
    LifecycleMerge::applyOutcome(m_after, event, state.statusTime);
    CompactOrder::encodeInto(m_after, m_store.allocBlob(index, CompactOrder::encodedSize(m_after)));

    if (!state.counted) {
        m_store.setExpiry(index, state.lastEventTime + retention);
        return;
    }
    m_store.setExpiry(index, state.completedAt != OrderState::kNoTime
                                 ? state.completedAt + retention
                                 : state.lastEventTime + m_settings.inFlightOrderRetentionMs);
    for (const auto &analysis : m_analyses)
        analysis->onOrderUpdated(m_before, m_after, context);
}

void Engine::countOrder(const OrderEvent &order, std::uint64_t customerHash, const EventContext &context)
{
    ++m_orders;
    m_sales += order.amount.value_or(0);
    // Every customer id gets an index, the empty one too (analyses key on it like any other);
    // totals leave it out.
    const std::size_t customersBefore = m_customers.size();
    EventContext placed = context;
    placed.customerIndex = m_customers.indexOf(order.customerId, customerHash);
    if (order.customerId.empty() && m_customers.size() != customersBefore)
        m_emptyCustomerSeen = true;
    if (!order.merchantId.empty())
        placed.merchantIndex = m_merchants.indexOf(order.merchantId, fastHash(order.merchantId));
    for (const auto &analysis : m_analyses)
        analysis->prefetchPlaced(order, placed);
    for (const auto &analysis : m_analyses)
        analysis->onOrderPlaced(order, placed);
}

void Engine::watermarkAdvanced()
{
    const TimestampMs watermark = m_watermarks.watermark();
    for (const auto &analysis : m_analyses)
        analysis->onWatermark(watermark);
    m_store.expire(watermark);
}

void Engine::setPartitionIdle(int partition, bool idle)
{
    if (!m_finished && m_watermarks.setIdle(partition, idle))
        watermarkAdvanced();
}

void Engine::finishPartition(int partition)
{
    if (!m_finished && m_watermarks.finish(partition))
        watermarkAdvanced();
}

void Engine::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    for (const auto &analysis : m_analyses)
        analysis->finish();
}

Totals Engine::totals() const
{
    Totals t;
    t.orders = m_orders;
    t.sales = m_sales;
    t.avgOrderValue = roundDiv(m_sales, m_orders);
    t.customers = static_cast<std::int64_t>(m_customers.size()) - (m_emptyCustomerSeen ? 1 : 0);
    t.merchants = static_cast<std::int64_t>(m_merchants.size());
    return t;
}

Report Engine::report() const
{
    Report report;
    report.events = m_events;
    report.totals = totals();
    for (const auto &analysis : m_analyses)
        analysis->fillReport(report);
    std::stable_sort(report.alerts.begin(), report.alerts.end(), alertLess);
    return report;
}

std::shared_ptr<const Snapshot> Engine::snapshot()
{
    auto snapshot = std::make_shared<Snapshot>();
    snapshot->sequence = ++m_snapshotSequence;
    snapshot->wallTimeMs = QDateTime::currentMSecsSinceEpoch();
    snapshot->watermark = m_watermarks.watermark();
    snapshot->maxEventTime = m_maxEventTime;
    snapshot->events = m_events;
    snapshot->totals = totals();
    for (const auto &analysis : m_analyses)
        analysis->fillSnapshot(*snapshot);
    return snapshot;
}

std::size_t Engine::stateMemoryBytes() const
{
    return m_store.memoryBytes() + m_customers.memoryBytes() + m_merchants.memoryBytes();
}

} // namespace op
