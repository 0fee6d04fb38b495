#include "model/OrderEvent.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace op {

void OrderEvent::clear()
{
    type = EventType::Order;
    orderId.clear();
    eventTime = 0;
    customerId.clear();
    merchantId.clear();
    merchantName.clear();
    category.clear();
    region.clear();
    items.clear();
    amount.reset();
    deliveryFee.reset();
    distanceKm.reset();
    promisedMin.reset();
    deliveryMin.reset();
    status.reset();
    rating.reset();
    ip.clear();
    payment.clear();
}

namespace {

constexpr std::array<std::string_view, 5> kTypeNames{"order", "placed", "delivered", "cancelled", "rated"};
constexpr std::array<std::string_view, 7> kStatusNames{"placed",     "accepted",  "preparing", "picked_up",
                                                       "delivering", "delivered", "cancelled"};

std::string normalized(std::string_view in)
{
    std::string s(in);
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) {
        return c == '-' || c == ' ' ? '_' : static_cast<char>(std::tolower(c));
    });
    return s;
}

} // namespace

std::string_view eventTypeName(EventType type)
{
    return kTypeNames[static_cast<std::size_t>(type)];
}

std::optional<EventType> eventTypeFromName(std::string_view name)
{
    for (std::size_t i = 0; i < kTypeNames.size(); ++i)
        if (kTypeNames[i] == name)
            return static_cast<EventType>(i);
    const std::string n = normalized(name);
    if (n == "canceled")
        return EventType::Cancelled;
    for (std::size_t i = 0; i < kTypeNames.size(); ++i)
        if (kTypeNames[i] == n)
            return static_cast<EventType>(i);
    return std::nullopt;
}

std::string_view orderStatusName(OrderStatus status)
{
    return kStatusNames[static_cast<std::size_t>(status)];
}

std::optional<OrderStatus> orderStatusFromName(std::string_view name)
{
    for (std::size_t i = 0; i < kStatusNames.size(); ++i)
        if (kStatusNames[i] == name)
            return static_cast<OrderStatus>(i);
    const std::string n = normalized(name);
    if (n == "canceled")
        return OrderStatus::Cancelled;
    if (n == "pickedup")
        return OrderStatus::PickedUp;
    for (std::size_t i = 0; i < kStatusNames.size(); ++i)
        if (kStatusNames[i] == n)
            return static_cast<OrderStatus>(i);
    return std::nullopt;
}

} // namespace op
