#pragma once

#include "model/Money.h"
#include "model/Timestamp.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace op {

// What a record says about an order. `Order` is a complete record (the usual dataset row);
// the others are lifecycle events that carry only what changed, joined by order_id.
enum class EventType : std::uint8_t { Order, Placed, Delivered, Cancelled, Rated };

enum class OrderStatus : std::uint8_t { Placed, Accepted, Preparing, PickedUp, Delivering, Delivered, Cancelled };

struct OrderItem
{
    std::string name;
    std::int32_t qty = 0;
    Money unitPrice = 0;

    friend bool operator==(const OrderItem &, const OrderItem &) = default;
};

// One order event. Text fields are empty when absent; every other optional field is a
// std::optional, so "missing" never reads as zero.
struct OrderEvent
{
    EventType type = EventType::Order;
    std::string orderId;
    TimestampMs eventTime = 0; // UTC milliseconds
    std::string customerId;
    std::string merchantId;
    std::string merchantName;
    std::string category;
    std::string region;
    std::vector<OrderItem> items;
    std::optional<Money> amount;
    std::optional<Money> deliveryFee;
    std::optional<double> distanceKm;
    std::optional<double> promisedMin;
    std::optional<double> deliveryMin;
    std::optional<OrderStatus> status;
    std::optional<double> rating;
    std::string ip;
    std::string payment;

    // Resets every field but keeps allocated capacity, for decoders that reuse one event.
    void clear();

    friend bool operator==(const OrderEvent &, const OrderEvent &) = default;
};

std::string_view eventTypeName(EventType type);
std::optional<EventType> eventTypeFromName(std::string_view name);
std::string_view orderStatusName(OrderStatus status);
// Accepts the names above plus common spellings ("canceled", "picked-up", upper case).
std::optional<OrderStatus> orderStatusFromName(std::string_view name);

} // namespace op
