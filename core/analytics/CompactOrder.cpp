#include "analytics/CompactOrder.h"

#include <cstdint>
#include <cstring>

namespace op::CompactOrder {

namespace {

enum PresenceBit : std::uint16_t {
    kAmount = 1 << 0,
    kDeliveryFee = 1 << 1,
    kDistance = 1 << 2,
    kPromised = 1 << 3,
    kDelivery = 1 << 4,
    kStatus = 1 << 5,
    kRating = 1 << 6,
};

// Fixed part, after the order id.
struct Header
{
    TimestampMs eventTime;
    Money amount;
    Money deliveryFee;
    double distanceKm;
    double promisedMin;
    double deliveryMin;
    double rating;
    std::uint32_t itemCount;
    std::uint16_t presence;
    std::uint8_t type;
    std::uint8_t status;
};

// Writes into a buffer sized once up front: one resize per order instead of an append (and its
// capacity check) per field.
class Writer
{
public:
    explicit Writer(char *p)
        : m_p(p)
    {
    }
    template <typename T>
    void put(const T &value)
    {
        std::memcpy(m_p, &value, sizeof(T));
        m_p += sizeof(T);
    }
    void putString(const std::string &s)
    {
        put(static_cast<std::uint32_t>(s.size()));
        copyBytes(m_p, s.data(), s.size());
        m_p += s.size();
    }

private:
    // Most fields are a few bytes: fixed-size copies the compiler inlines beat a memcpy call.
    static void copyBytes(char *d, const char *s, std::size_t n)
    {
        if (n > 16) {
            std::memcpy(d, s, n);
        } else if (n >= 8) {
            std::memcpy(d, s, 8);
            std::memcpy(d + n - 8, s + n - 8, 8);
        } else if (n >= 4) {
            std::memcpy(d, s, 4);
            std::memcpy(d + n - 4, s + n - 4, 4);
        } else {
            for (std::size_t i = 0; i < n; ++i)
                d[i] = s[i];
        }
    }


    char *m_p;
};

template <typename T>
T get(const char *&p)
{
    T value;
    std::memcpy(&value, p, sizeof(T));
    p += sizeof(T);
    return value;
}

void getString(const char *&p, std::string &out)
{
    const auto n = get<std::uint32_t>(p);
    out.assign(p, n);
    p += n;
}

} // namespace

std::size_t encodedSize(const OrderEvent &e)
{
    constexpr std::size_t kLength = sizeof(std::uint32_t);
    std::size_t size = kLength + e.orderId.size() + sizeof(Header) + 7 * kLength + e.customerId.size()
                       + e.merchantId.size() + e.merchantName.size() + e.category.size() + e.region.size()
                       + e.ip.size() + e.payment.size();
    for (const OrderItem &item : e.items)
        size += sizeof(item.qty) + sizeof(item.unitPrice) + kLength + item.name.size();
    return size;
}

void encodeInto(const OrderEvent &e, char *out)
{
    Header h{};
    h.eventTime = e.eventTime;
    std::uint16_t presence = 0;
    if (e.amount) {
        presence |= kAmount;
        h.amount = *e.amount;
    }
    if (e.deliveryFee) {
        presence |= kDeliveryFee;
        h.deliveryFee = *e.deliveryFee;
    }
    if (e.distanceKm) {
        presence |= kDistance;
        h.distanceKm = *e.distanceKm;
    }
    if (e.promisedMin) {
        presence |= kPromised;
        h.promisedMin = *e.promisedMin;
    }
    if (e.deliveryMin) {
        presence |= kDelivery;
        h.deliveryMin = *e.deliveryMin;
    }
    if (e.status) {
        presence |= kStatus;
        h.status = static_cast<std::uint8_t>(*e.status);
    }
    if (e.rating) {
        presence |= kRating;
        h.rating = *e.rating;
    }
    h.presence = presence;
    h.type = static_cast<std::uint8_t>(e.type);
    h.itemCount = static_cast<std::uint32_t>(e.items.size());

    Writer w(out);
    w.putString(e.orderId);
    w.put(h);
    w.putString(e.customerId);
    w.putString(e.merchantId);
    w.putString(e.merchantName);
    w.putString(e.category);
    w.putString(e.region);
    w.putString(e.ip);
    w.putString(e.payment);
    for (const OrderItem &item : e.items) {
        w.put(item.qty);
        w.put(item.unitPrice);
        w.putString(item.name);
    }
}

void encode(const OrderEvent &e, std::string &out)
{
    const std::size_t size = encodedSize(e);
    out.resize(size);
    encodeInto(e, out.data());
}

void decode(std::string_view bytes, OrderEvent &e)
{
    const char *p = bytes.data();
    getString(p, e.orderId);
    const auto h = get<Header>(p);
    e.eventTime = h.eventTime;
    e.type = static_cast<EventType>(h.type);
    const auto has = [&h](std::uint16_t bit) { return (h.presence & bit) != 0; };
    e.amount = has(kAmount) ? std::optional<Money>(h.amount) : std::nullopt;
    e.deliveryFee = has(kDeliveryFee) ? std::optional<Money>(h.deliveryFee) : std::nullopt;
    e.distanceKm = has(kDistance) ? std::optional<double>(h.distanceKm) : std::nullopt;
    e.promisedMin = has(kPromised) ? std::optional<double>(h.promisedMin) : std::nullopt;
    e.deliveryMin = has(kDelivery) ? std::optional<double>(h.deliveryMin) : std::nullopt;
    e.status = has(kStatus) ? std::optional<OrderStatus>(static_cast<OrderStatus>(h.status)) : std::nullopt;
    e.rating = has(kRating) ? std::optional<double>(h.rating) : std::nullopt;
    getString(p, e.customerId);
    getString(p, e.merchantId);
    getString(p, e.merchantName);
    getString(p, e.category);
    getString(p, e.region);
    getString(p, e.ip);
    getString(p, e.payment);
    e.items.resize(h.itemCount);
    for (OrderItem &item : e.items) {
        item.qty = get<std::int32_t>(p);
        item.unitPrice = get<Money>(p);
        getString(p, item.name);
    }
}

std::string_view orderId(std::string_view bytes)
{
    std::uint32_t n;
    std::memcpy(&n, bytes.data(), sizeof n);
    return bytes.substr(sizeof n, n);
}

} // namespace op::CompactOrder
