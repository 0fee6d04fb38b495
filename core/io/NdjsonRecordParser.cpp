#include "io/NdjsonRecordParser.h"

#include "io/FieldReasons.h"
#include "io/JsonValueCheck.h"
#include "io/NdjsonReasons.h"
#include "io/OrderFields.h"

#include <chrono>
#include <cmath>
#include <cstring>
#include <limits>
#include <simdjson.h>
#include <vector>

namespace op {

namespace ondemand = simdjson::ondemand;
using simdjson::error_code;

namespace {

// Epoch milliseconds accepted as a JSON number: the same range parseEpochMillis accepts as
// text (16 digits), which also keeps later date arithmetic far from overflow.
constexpr std::int64_t kMaxEpochMillis = 9'999'999'999'999'999;
// Integral doubles within this range convert to int64 exactly enough for money.
constexpr double kMaxWholeDouble = 9.0e18;

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// The value as written: simdjson's token runs to the next structural character, so it may
// carry trailing whitespace.
std::string_view trimmedToken(ondemand::value &v)
{
    std::string_view token = v.raw_json_token();
    while (!token.empty() && isJsonSpace(token.back()))
        token.remove_suffix(1);
    return token;
}

} // namespace

struct NdjsonRecordParser::Impl
{
    static constexpr std::size_t kMaxPooledNames = 256;

    explicit Impl(std::string &reasonOut)
        : reason(reasonOut)
    {
    }

    bool decode(const char *data, std::size_t len, std::size_t capacity, OrderEvent &ev);

    bool fail(std::string_view text)
    {
        reason.assign(text);
        return false;
    }
    bool fail(std::string &&text)
    {
        reason = std::move(text);
        reason::limitReason(reason);
        return false;
    }
    bool jsonFail(error_code error);

    bool classify(ondemand::value &v, ondemand::json_type &type);
    bool readKey(ondemand::field &field, std::string_view &key);
    bool dispatch(OrderField field, ondemand::value &v, OrderEvent &ev);
    bool readText(ondemand::value &v, std::string_view name, std::string &out);
    template<typename T, typename Parse>
    bool readEnum(ondemand::value &v, std::string_view name, Parse parse,
                  std::string (*unknown)(std::string_view), std::optional<T> &out);
    bool readWholeSlow(ondemand::value &v, std::string_view name, bool won, std::int64_t min,
                       std::int64_t max, std::optional<std::int64_t> &out);
    bool readWhole(ondemand::value &v, std::string_view name, bool won, std::int64_t min, std::int64_t max,
                   std::optional<std::int64_t> &out);
    bool readMoney(ondemand::value &v, std::string_view name, std::optional<Money> &out);
    bool readDouble(ondemand::value &v, std::string_view name, std::optional<double> &out);
    bool readEventTime(ondemand::value &v, OrderEvent &ev);
    bool readItems(ondemand::value &v, OrderEvent &ev);
    bool readItem(ondemand::object &object, OrderItem &item);
    // Unknown fields are read to the end, not skipped: malformed JSON inside them is an error.
    bool skipValidated(ondemand::value &v, int depth)
    {
        const error_code e = checkJsonValue(v, depth, ndjson::kMaxDepth);
        return e ? jsonFail(e) : true;
    }

    void reset(OrderEvent &ev);
    void releaseItems(OrderEvent &ev);
    OrderItem &addItem(OrderEvent &ev);

    ondemand::parser parser;
    std::unique_ptr<char[]> buffer;
    std::size_t bufferCapacity = 0;
    // Item names of the previous record, kept with their capacity for the next one:
    // OrderEvent::clear() would free every name longer than the small-string buffer.
    std::vector<std::string> namePool;
    std::string &reason;
    // The record being decoded, for the error path.
    const char *json = nullptr;
    std::size_t jsonLen = 0;
};

bool NdjsonRecordParser::Impl::jsonFail(error_code error)
{
    return fail(ndjson::syntaxReason(static_cast<int>(error), {json, jsonLen}));
}

void NdjsonRecordParser::Impl::releaseItems(OrderEvent &ev)
{
    for (OrderItem &item : ev.items)
        if (namePool.size() < kMaxPooledNames)
            namePool.push_back(std::move(item.name));
    ev.items.clear();
}

void NdjsonRecordParser::Impl::reset(OrderEvent &ev)
{
    releaseItems(ev);
    ev.clear();
}

// For a value that is not of the type a field wants: finds its type and validates (and
// consumes) a null or boolean literal, so that "nul" is reported as malformed JSON rather
// than as a value of the wrong type. Returns false, with the reason set, on malformed JSON.
bool NdjsonRecordParser::Impl::classify(ondemand::value &v, ondemand::json_type &type)
{
    error_code e = v.type().get(type);
    if (e)
        return jsonFail(e);
    if (type == ondemand::json_type::null) {
        bool isNull = false;
        e = v.is_null().get(isNull);
        return (e || !isNull) ? fail(ndjson::kBadLiteral) : true;
    }
    if (type == ondemand::json_type::boolean) {
        bool flag = false;
        e = v.get_bool().get(flag);
        return e ? fail(ndjson::kBadLiteral) : true;
    }
    return true;
}

OrderItem &NdjsonRecordParser::Impl::addItem(OrderEvent &ev)
{
    OrderItem &item = ev.items.emplace_back();
    if (!namePool.empty()) {
        item.name = std::move(namePool.back());
        item.name.clear();
        namePool.pop_back();
    }
    return item;
}

bool NdjsonRecordParser::Impl::readKey(ondemand::field &field, std::string_view &key)
{
    // The raw key points just past its opening quote; stage 1 guarantees a closing quote
    // inside the record. Without a backslash the raw bytes are the key.
    const char *k = field.key().raw();
    std::size_t n = 0;
    for (; k[n] != '"'; ++n) {
        if (k[n] == '\\') {
            const error_code e = field.unescaped_key().get(key);
            return e ? jsonFail(e) : true;
        }
    }
    key = std::string_view(k, n);
    return true;
}

bool NdjsonRecordParser::Impl::decode(const char *data, std::size_t len, std::size_t capacity, OrderEvent &ev)
{
    json = data;
    jsonLen = len;
    reset(ev);
    ondemand::document doc;
    error_code e = parser.iterate(data, len, capacity).get(doc);
    if (e)
        return jsonFail(e);
    ondemand::json_type type;
    if ((e = doc.type().get(type)))
        return jsonFail(e);
    if (type != ondemand::json_type::object)
        return fail(ndjson::kNotAnObject);
    ondemand::object object;
    if ((e = doc.get_object().get(object)))
        return jsonFail(e);
    for (auto result : object) {
        ondemand::field field;
        if ((e = std::move(result).get(field)))
            return jsonFail(e);
        OrderField id = orderFieldAt(field.key().raw());
        if (id == OrderField::Unknown) { // or a known key written with escapes
            std::string_view key;
            if (!readKey(field, key))
                return false;
            id = orderFieldNamed(key);
        }
        if (!dispatch(id, field.value(), ev))
            return false;
    }
    // Past the closing brace there must be nothing: current_location() says OUT_OF_BOUNDS.
    if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS)
        return fail(ndjson::kTrailingContent);
    return true;
}

bool NdjsonRecordParser::Impl::dispatch(OrderField field, ondemand::value &v, OrderEvent &ev)
{
    switch (field) {
    case OrderField::OrderId:
        return readText(v, "order_id", ev.orderId);
    case OrderField::CustomerId:
        return readText(v, "customer_id", ev.customerId);
    case OrderField::MerchantId:
        return readText(v, "merchant_id", ev.merchantId);
    case OrderField::MerchantName:
        return readText(v, "merchant_name", ev.merchantName);
    case OrderField::Category:
        return readText(v, "category", ev.category);
    case OrderField::Region:
        return readText(v, "region", ev.region);
    case OrderField::Ip:
        return readText(v, "ip", ev.ip);
    case OrderField::Payment:
        return readText(v, "payment", ev.payment);
    case OrderField::EventTime:
        return readEventTime(v, ev);
    case OrderField::Items:
        return readItems(v, ev);
    case OrderField::Amount:
        return readMoney(v, "amount", ev.amount);
    case OrderField::DeliveryFee:
        return readMoney(v, "delivery_fee", ev.deliveryFee);
    case OrderField::DistanceKm:
        return readDouble(v, "distance_km", ev.distanceKm);
    case OrderField::PromisedMin:
        return readDouble(v, "promised_min", ev.promisedMin);
    case OrderField::DeliveryMin:
        return readDouble(v, "delivery_min", ev.deliveryMin);
    case OrderField::Rating:
        return readDouble(v, "rating", ev.rating);
    case OrderField::Type: {
        std::optional<EventType> type;
        if (!readEnum(v, "type", eventTypeFromName, reason::unknownType, type))
            return false;
        ev.type = type.value_or(EventType::Order); // null is absent, and absent means a complete order
        return true;
    }
    case OrderField::Status:
        return readEnum(v, "status", orderStatusFromName, reason::unknownStatus, ev.status);
    case OrderField::Unknown:
        return skipValidated(v, 2);
    }
    return true;
}

bool NdjsonRecordParser::Impl::readText(ondemand::value &v, std::string_view name, std::string &out)
{
    // Fast path: a string without escapes is copied straight from the record. simdjson knows
    // where the token ends (the next structural character), stage 1 has already rejected
    // unescaped control characters and invalid UTF-8, and the object iterator skips the
    // unconsumed value by itself.
    const std::string_view token = trimmedToken(v);
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"') {
        const std::string_view inner = token.substr(1, token.size() - 2);
        if (std::memchr(inner.data(), '\\', inner.size()) == nullptr) {
            out.assign(inner);
            return true;
        }
    }
    std::string_view text;
    error_code e = v.get_string().get(text);
    if (!e) {
        out.assign(text);
        return true;
    }
    if (e != simdjson::INCORRECT_TYPE)
        return jsonFail(e);
    ondemand::json_type type;
    if (!classify(v, type))
        return false;
    if (type == ondemand::json_type::null) {
        out.clear();
        return true;
    }
    if (type == ondemand::json_type::number) {
        // Other systems often send ids as numbers: keep the number as written.
        double ignored = 0;
        if ((e = v.get_double().get(ignored)))
            return jsonFail(e);
        out.assign(token);
        return true;
    }
    return fail(reason::notAString(name));
}

template<typename T, typename Parse>
bool NdjsonRecordParser::Impl::readEnum(ondemand::value &v, std::string_view name, Parse parse,
                                        std::string (*unknown)(std::string_view), std::optional<T> &out)
{
    std::string_view text;
    error_code e = v.get_string().get(text);
    if (!e) {
        out = parse(text);
        return out ? true : fail(unknown(text));
    }
    if (e != simdjson::INCORRECT_TYPE)
        return jsonFail(e);
    ondemand::json_type type;
    if (!classify(v, type))
        return false;
    if (type != ondemand::json_type::null)
        return fail(reason::notAString(name));
    out.reset();
    return true;
}

bool NdjsonRecordParser::Impl::readWhole(ondemand::value &v, std::string_view name, bool won,
                                         std::int64_t min, std::int64_t max, std::optional<std::int64_t> &out)
{
    std::int64_t i = 0;
    if (!v.get_int64().get(i)) {
        if (i < min || i > max)
            return fail(reason::outOfRange(name));
        out = i;
        return true;
    }
    return readWholeSlow(v, name, won, min, max, out);
}

// Not a plain int64: null, a double such as 21000.0, a huge integer, or not a number.
bool NdjsonRecordParser::Impl::readWholeSlow(ondemand::value &v, std::string_view name, bool won,
                                             std::int64_t min, std::int64_t max,
                                             std::optional<std::int64_t> &out)
{
    ondemand::json_type type;
    if (!classify(v, type))
        return false;
    if (type == ondemand::json_type::null) {
        out.reset();
        return true;
    }
    if (type != ondemand::json_type::number)
        return fail(reason::notANumber(name));
    double d = 0;
    if (const error_code e = v.get_double().get(d))
        return jsonFail(e);
    if (d != std::trunc(d))
        return fail(won ? reason::notWholeWon(name) : reason::notWholeNumber(name));
    if (!(d >= -kMaxWholeDouble && d <= kMaxWholeDouble))
        return fail(reason::outOfRange(name));
    const auto whole = static_cast<std::int64_t>(d);
    if (whole < min || whole > max)
        return fail(reason::outOfRange(name));
    out = whole;
    return true;
}

bool NdjsonRecordParser::Impl::readMoney(ondemand::value &v, std::string_view name, std::optional<Money> &out)
{
    return readWhole(v, name, true, std::numeric_limits<std::int64_t>::min(),
                     std::numeric_limits<std::int64_t>::max(), out);
}

bool NdjsonRecordParser::Impl::readDouble(ondemand::value &v, std::string_view name,
                                          std::optional<double> &out)
{
    double d = 0;
    error_code e = v.get_double().get(d);
    if (!e) {
        out = d;
        return true;
    }
    if (e != simdjson::INCORRECT_TYPE)
        return jsonFail(e);
    ondemand::json_type type;
    if (!classify(v, type))
        return false;
    if (type != ondemand::json_type::null)
        return fail(reason::notANumber(name));
    out.reset();
    return true;
}

bool NdjsonRecordParser::Impl::readEventTime(ondemand::value &v, OrderEvent &ev)
{
    std::string_view text;
    error_code e = v.get_string().get(text);
    if (!e) {
        const auto t = parseEventTime(text);
        if (!t)
            return fail(reason::invalidEventTime(text));
        ev.eventTime = *t;
        return true;
    }
    if (e != simdjson::INCORRECT_TYPE)
        return jsonFail(e);
    // Take the token before classify() consumes a literal: it is quoted in the reason.
    const std::string_view token = trimmedToken(v);
    ondemand::json_type type;
    if (!classify(v, type))
        return false;
    switch (type) {
    case ondemand::json_type::null:
        ev.eventTime = 0;
        return true; // absent: "missing event_time"
    case ondemand::json_type::object:
        return fail(reason::invalidEventTime("{...}"));
    case ondemand::json_type::array:
        return fail(reason::invalidEventTime("[...]"));
    case ondemand::json_type::boolean:
    case ondemand::json_type::string:
        return fail(reason::invalidEventTime(token));
    case ondemand::json_type::number:
        break;
    }
    std::optional<std::int64_t> ms;
    if (!readWhole(v, "event_time", false, -kMaxEpochMillis, kMaxEpochMillis, ms)) {
        if (reason.rfind("malformed JSON", 0) == 0)
            return false;
        return fail(reason::invalidEventTime(token)); // fractional or beyond 16 digits
    }
    ev.eventTime = ms.value_or(0);
    return true;
}

bool NdjsonRecordParser::Impl::readItems(ondemand::value &v, OrderEvent &ev)
{
    ondemand::array array;
    error_code e = v.get_array().get(array);
    if (e == simdjson::INCORRECT_TYPE) {
        ondemand::json_type type;
        if (!classify(v, type))
            return false;
        if (type != ondemand::json_type::null)
            return fail(reason::notAnArray("items"));
        releaseItems(ev); // a repeated key: the last one wins
        return true;
    }
    if (e)
        return jsonFail(e);
    releaseItems(ev);
    for (auto result : array) {
        ondemand::value element;
        if ((e = result.get(element)))
            return jsonFail(e);
        ondemand::object object;
        e = element.get_object().get(object);
        if (e == simdjson::INCORRECT_TYPE)
            return fail(reason::notAnObject("items"));
        if (e)
            return jsonFail(e);
        if (!readItem(object, addItem(ev)))
            return false;
    }
    return true;
}

bool NdjsonRecordParser::Impl::readItem(ondemand::object &object, OrderItem &item)
{
    for (auto result : object) {
        ondemand::field field;
        error_code e = std::move(result).get(field);
        if (e)
            return jsonFail(e);
        ItemField id = itemFieldAt(field.key().raw());
        if (id == ItemField::Unknown) {
            std::string_view key;
            if (!readKey(field, key))
                return false;
            id = itemFieldNamed(key);
        }
        ondemand::value &v = field.value();
        switch (id) {
        case ItemField::Name:
            if (!readText(v, "name", item.name))
                return false;
            break;
        case ItemField::Qty: {
            std::optional<std::int64_t> qty;
            if (!readWhole(v, "qty", false, std::numeric_limits<std::int32_t>::min(),
                           std::numeric_limits<std::int32_t>::max(), qty))
                return false;
            item.qty = static_cast<std::int32_t>(qty.value_or(0));
            break;
        }
        case ItemField::UnitPrice: {
            std::optional<Money> price;
            if (!readMoney(v, "unit_price", price))
                return false;
            item.unitPrice = price.value_or(0);
            break;
        }
        case ItemField::Unknown:
            if (!skipValidated(v, 4))
                return false;
            break;
        }
    }
    return true;
}

NdjsonRecordParser::NdjsonRecordParser()
    : m_impl(std::make_unique<Impl>(m_reason))
{
}

NdjsonRecordParser::~NdjsonRecordParser() = default;

void NdjsonRecordParser::setRules(const ValidationRules &rules)
{
    m_rules = rules;
    m_effectiveRules = rules;
}

void NdjsonRecordParser::refreshClock()
{
    if (m_rules.nowMs != 0)
        return;
    using namespace std::chrono;
    m_effectiveRules.nowMs = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

bool NdjsonRecordParser::parse(std::string_view json, OrderEvent &out)
{
    if (json.size() > ValidationRules::kMaxRecordBytes) {
        m_impl->reset(out);
        m_reason = tooLongReason(json.size());
        return false;
    }
    const std::size_t needed = json.size() + kPadding;
    if (m_impl->bufferCapacity < needed) {
        // Grow geometrically so a slowly growing record size does not reallocate every time.
        const std::size_t capacity = std::max(needed, m_impl->bufferCapacity * 2);
        m_impl->buffer = std::make_unique<char[]>(capacity);
        m_impl->bufferCapacity = capacity;
    }
    std::memcpy(m_impl->buffer.get(), json.data(), json.size());
    // simdjson peeks at the first padding byte; a stale '}' there from a longer earlier record
    // would send it on a needless full balance scan.
    m_impl->buffer[json.size()] = ' ';
    return parsePadded(m_impl->buffer.get(), json.size(), m_impl->bufferCapacity, out);
}

bool NdjsonRecordParser::parsePadded(const char *data, std::size_t len, std::size_t capacity, OrderEvent &out)
{
    if (len > ValidationRules::kMaxRecordBytes) {
        m_impl->reset(out);
        m_reason = tooLongReason(len);
        return false;
    }
    if (!m_impl->decode(data, len, capacity, out))
        return false;
    if (auto problem = validateEvent(out, m_effectiveRules)) {
        m_reason = std::move(*problem);
        reason::limitReason(m_reason);
        return false;
    }
    return true;
}

} // namespace op
