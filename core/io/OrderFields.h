#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

// The field names of an OrderEvent record (DESIGN.md, the JSON names), which the NDJSON, XML and
// log codecs all use. Matched once per key of every record: inline, because this runs about twenty
// times per record on the NDJSON decoder's hot path.
namespace op {

enum class OrderField : std::uint8_t
{
    Unknown,
    Type,
    OrderId,
    EventTime,
    CustomerId,
    MerchantId,
    MerchantName,
    Category,
    Region,
    Items,
    Amount,
    DeliveryFee,
    DistanceKm,
    PromisedMin,
    DeliveryMin,
    Status,
    Rating,
    Ip,
    Payment
};

enum class ItemField : std::uint8_t
{
    Unknown,
    Name,
    Qty,
    UnitPrice
};

// Switching on the length first keeps this to one or two short compares per key.
inline OrderField orderFieldNamed(std::string_view k)
{
    switch (k.size()) {
    case 2:
        return k == "ip" ? OrderField::Ip : OrderField::Unknown;
    case 4:
        return k == "type" ? OrderField::Type : OrderField::Unknown;
    case 5:
        return k == "items" ? OrderField::Items : OrderField::Unknown;
    case 6:
        if (k == "amount")
            return OrderField::Amount;
        if (k == "region")
            return OrderField::Region;
        if (k == "status")
            return OrderField::Status;
        return k == "rating" ? OrderField::Rating : OrderField::Unknown;
    case 7:
        return k == "payment" ? OrderField::Payment : OrderField::Unknown;
    case 8:
        if (k == "order_id")
            return OrderField::OrderId;
        return k == "category" ? OrderField::Category : OrderField::Unknown;
    case 10:
        return k == "event_time" ? OrderField::EventTime : OrderField::Unknown;
    case 11:
        if (k == "customer_id")
            return OrderField::CustomerId;
        if (k == "merchant_id")
            return OrderField::MerchantId;
        return k == "distance_km" ? OrderField::DistanceKm : OrderField::Unknown;
    case 12:
        if (k == "delivery_fee")
            return OrderField::DeliveryFee;
        if (k == "promised_min")
            return OrderField::PromisedMin;
        return k == "delivery_min" ? OrderField::DeliveryMin : OrderField::Unknown;
    case 13:
        return k == "merchant_name" ? OrderField::MerchantName : OrderField::Unknown;
    default:
        return OrderField::Unknown;
    }
}

// `k` points just past a key's opening quote, inside a buffer with kPadding readable bytes after
// the record: reading a few bytes past a short key stays in bounds. Comparing the closing quote
// too makes the match exact. `name` ends with that quote.
template<std::size_t N> inline bool keyAtIs(const char *k, const char (&name)[N])
{
    return std::memcmp(k, name, N - 1) == 0;
}

// The hot path: keys without escapes, matched in place (no scan for the closing quote).
inline OrderField orderFieldAt(const char *k)
{
    switch (k[0]) {
    case 'a':
        return keyAtIs(k, "amount\"") ? OrderField::Amount : OrderField::Unknown;
    case 'c':
        if (keyAtIs(k, "customer_id\""))
            return OrderField::CustomerId;
        return keyAtIs(k, "category\"") ? OrderField::Category : OrderField::Unknown;
    case 'd':
        if (keyAtIs(k, "delivery_fee\""))
            return OrderField::DeliveryFee;
        if (keyAtIs(k, "distance_km\""))
            return OrderField::DistanceKm;
        return keyAtIs(k, "delivery_min\"") ? OrderField::DeliveryMin : OrderField::Unknown;
    case 'e':
        return keyAtIs(k, "event_time\"") ? OrderField::EventTime : OrderField::Unknown;
    case 'i':
        if (keyAtIs(k, "items\""))
            return OrderField::Items;
        return keyAtIs(k, "ip\"") ? OrderField::Ip : OrderField::Unknown;
    case 'm':
        if (keyAtIs(k, "merchant_id\""))
            return OrderField::MerchantId;
        return keyAtIs(k, "merchant_name\"") ? OrderField::MerchantName : OrderField::Unknown;
    case 'o':
        return keyAtIs(k, "order_id\"") ? OrderField::OrderId : OrderField::Unknown;
    case 'p':
        if (keyAtIs(k, "promised_min\""))
            return OrderField::PromisedMin;
        return keyAtIs(k, "payment\"") ? OrderField::Payment : OrderField::Unknown;
    case 'r':
        if (keyAtIs(k, "region\""))
            return OrderField::Region;
        return keyAtIs(k, "rating\"") ? OrderField::Rating : OrderField::Unknown;
    case 's':
        return keyAtIs(k, "status\"") ? OrderField::Status : OrderField::Unknown;
    case 't':
        return keyAtIs(k, "type\"") ? OrderField::Type : OrderField::Unknown;
    default:
        return OrderField::Unknown;
    }
}

inline ItemField itemFieldAt(const char *k)
{
    switch (k[0]) {
    case 'n':
        return keyAtIs(k, "name\"") ? ItemField::Name : ItemField::Unknown;
    case 'q':
        return keyAtIs(k, "qty\"") ? ItemField::Qty : ItemField::Unknown;
    case 'u':
        return keyAtIs(k, "unit_price\"") ? ItemField::UnitPrice : ItemField::Unknown;
    default:
        return ItemField::Unknown;
    }
}

inline ItemField itemFieldNamed(std::string_view k)
{
    if (k == "name")
        return ItemField::Name;
    if (k == "qty")
        return ItemField::Qty;
    return k == "unit_price" ? ItemField::UnitPrice : ItemField::Unknown;
}

} // namespace op
