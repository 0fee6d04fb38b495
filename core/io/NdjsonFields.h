#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

// The field names of an OrderEvent record (DESIGN.md), matched once per key of every record:
// inline, because this runs about twenty times per record on the decoder's hot path.
namespace op::ndjson {

enum class Field : std::uint8_t
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
inline Field fieldNamed(std::string_view k)
{
    switch (k.size()) {
    case 2:
        return k == "ip" ? Field::Ip : Field::Unknown;
    case 4:
        return k == "type" ? Field::Type : Field::Unknown;
    case 5:
        return k == "items" ? Field::Items : Field::Unknown;
    case 6:
        if (k == "amount")
            return Field::Amount;
        if (k == "region")
            return Field::Region;
        if (k == "status")
            return Field::Status;
        return k == "rating" ? Field::Rating : Field::Unknown;
    case 7:
        return k == "payment" ? Field::Payment : Field::Unknown;
    case 8:
        if (k == "order_id")
            return Field::OrderId;
        return k == "category" ? Field::Category : Field::Unknown;
    case 10:
        return k == "event_time" ? Field::EventTime : Field::Unknown;
    case 11:
        if (k == "customer_id")
            return Field::CustomerId;
        if (k == "merchant_id")
            return Field::MerchantId;
        return k == "distance_km" ? Field::DistanceKm : Field::Unknown;
    case 12:
        if (k == "delivery_fee")
            return Field::DeliveryFee;
        if (k == "promised_min")
            return Field::PromisedMin;
        return k == "delivery_min" ? Field::DeliveryMin : Field::Unknown;
    case 13:
        return k == "merchant_name" ? Field::MerchantName : Field::Unknown;
    default:
        return Field::Unknown;
    }
}

// `k` points just past a key's opening quote, inside a buffer with kPadding readable bytes after
// the record: reading a few bytes past a short key stays in bounds. Comparing the closing quote
// too makes the match exact. `name` ends with that quote.
template<std::size_t N> inline bool keyIs(const char *k, const char (&name)[N])
{
    return std::memcmp(k, name, N - 1) == 0;
}

// The hot path: keys without escapes, matched in place (no scan for the closing quote).
inline Field fieldAt(const char *k)
{
    switch (k[0]) {
    case 'a':
        return keyIs(k, "amount\"") ? Field::Amount : Field::Unknown;
    case 'c':
        if (keyIs(k, "customer_id\""))
            return Field::CustomerId;
        return keyIs(k, "category\"") ? Field::Category : Field::Unknown;
    case 'd':
        if (keyIs(k, "delivery_fee\""))
            return Field::DeliveryFee;
        if (keyIs(k, "distance_km\""))
            return Field::DistanceKm;
        return keyIs(k, "delivery_min\"") ? Field::DeliveryMin : Field::Unknown;
    case 'e':
        return keyIs(k, "event_time\"") ? Field::EventTime : Field::Unknown;
    case 'i':
        if (keyIs(k, "items\""))
            return Field::Items;
        return keyIs(k, "ip\"") ? Field::Ip : Field::Unknown;
    case 'm':
        if (keyIs(k, "merchant_id\""))
            return Field::MerchantId;
        return keyIs(k, "merchant_name\"") ? Field::MerchantName : Field::Unknown;
    case 'o':
        return keyIs(k, "order_id\"") ? Field::OrderId : Field::Unknown;
    case 'p':
        if (keyIs(k, "promised_min\""))
            return Field::PromisedMin;
        return keyIs(k, "payment\"") ? Field::Payment : Field::Unknown;
    case 'r':
        if (keyIs(k, "region\""))
            return Field::Region;
        return keyIs(k, "rating\"") ? Field::Rating : Field::Unknown;
    case 's':
        return keyIs(k, "status\"") ? Field::Status : Field::Unknown;
    case 't':
        return keyIs(k, "type\"") ? Field::Type : Field::Unknown;
    default:
        return Field::Unknown;
    }
}

inline ItemField itemFieldAt(const char *k)
{
    switch (k[0]) {
    case 'n':
        return keyIs(k, "name\"") ? ItemField::Name : ItemField::Unknown;
    case 'q':
        return keyIs(k, "qty\"") ? ItemField::Qty : ItemField::Unknown;
    case 'u':
        return keyIs(k, "unit_price\"") ? ItemField::UnitPrice : ItemField::Unknown;
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

} // namespace op::ndjson
