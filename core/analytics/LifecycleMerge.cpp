#include "analytics/LifecycleMerge.h"

namespace op::LifecycleMerge {

namespace {

void fillDeliveryFacts(OrderEvent &into, const OrderEvent &from)
{
    if (!into.distanceKm && from.distanceKm)
        into.distanceKm = from.distanceKm;
    if (!into.promisedMin && from.promisedMin)
        into.promisedMin = from.promisedMin;
}

} // namespace

void applyOutcome(OrderEvent &order, const OrderEvent &outcome, TimestampMs &statusTime)
{
    switch (outcome.type) {
    case EventType::Delivered:
        if (statusTime == kNoStatusTime || outcome.eventTime > statusTime) {
            order.status = OrderStatus::Delivered;
            statusTime = outcome.eventTime;
        }
        if (outcome.deliveryMin)
            order.deliveryMin = outcome.deliveryMin;
        break;
    case EventType::Cancelled:
        if (statusTime == kNoStatusTime || outcome.eventTime >= statusTime) {
            order.status = OrderStatus::Cancelled;
            statusTime = outcome.eventTime;
        }
        break;
    case EventType::Rated:
        if (outcome.rating)
            order.rating = outcome.rating;
        break;
    case EventType::Order:
    case EventType::Placed:
        return; // placements are not outcomes
    }
    fillDeliveryFacts(order, outcome);
}

void mergePending(OrderEvent &placement, const OrderEvent &pending, TimestampMs pendingStatusTime)
{
    if (pendingStatusTime != kNoStatusTime && pending.status)
        placement.status = pending.status;
    if (pending.deliveryMin)
        placement.deliveryMin = pending.deliveryMin;
    if (pending.rating)
        placement.rating = pending.rating;
    fillDeliveryFacts(placement, pending);
}

} // namespace op::LifecycleMerge
