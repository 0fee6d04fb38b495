#pragma once

#include "model/OrderEvent.h"

#include <limits>

namespace op {

// How delivered / cancelled / rated records merge into an order (ENGINE_SEMANTICS.md
// "Lifecycle"), written so that the result does not depend on arrival order:
// - delivered sets status delivered and delivery_min; cancelled sets status cancelled. When an
//   order has both, the one with the later event time wins (a tie goes to cancelled).
// - rated sets rating.
// - Other delivery facts an outcome may carry (distance_km, promised_min) fill what the order
//   lacks; they never overwrite the placement's values. Placement fields (ids, amount, items,
//   ip, ...) only ever come from the placement, so onOrderUpdated's before/after share them.
namespace LifecycleMerge {

// statusTime: event time of the outcome that set the current status, or kNoStatusTime.
inline constexpr TimestampMs kNoStatusTime = std::numeric_limits<TimestampMs>::min();

void applyOutcome(OrderEvent &order, const OrderEvent &outcome, TimestampMs &statusTime);

// Merges the outcomes that arrived before the placement (a pending state, built with
// applyOutcome on an empty order) into the placement record.
void mergePending(OrderEvent &placement, const OrderEvent &pending, TimestampMs pendingStatusTime);

} // namespace LifecycleMerge

} // namespace op
