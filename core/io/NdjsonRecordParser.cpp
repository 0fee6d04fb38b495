#include "io/NdjsonRecordParser.h"

#include "io/NdjsonReasons.h"

#include <simdjson.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace op {

namespace ondemand = simdjson::ondemand;
using simdjson::error_code;

namespace {

enum class Field : std::uint8_t {
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

enum class ItemField : std::uint8_t { Unknown, Name, Qty, UnitPrice };

// Switching on the length first keeps this to one or two short compares per key.
Field topLevelField(std::string_view k)
{
    switch (k.size()) {
    case 2: return k == "ip" ? Field::Ip : Field::Unknown;
    case 4: return k == "type" ? Field::Type : Field::Unknown;
    case 5: return k == "items" ? Field::Items : Field::Unknown;
    case 6:
        if (k == "amount")
            return Field::Amount;
        if (k == "region")
            return Field::Region;
        if (k == "status")
            return Field::Status;
        return k == "rating" ? Field::Rating : Field::Unknown;
    case 7: return k == "payment" ? Field::Payment : Field::Unknown;
    case 8:
        if (k == "order_id")
            return Field::OrderId;
        return k == "category" ? Field::Category : Field::Unknown;
    case 10: return k == "event_time" ? Field::EventTime : Field::Unknown;
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
    case 13: return k == "merchant_name" ? Field::MerchantName : Field::Unknown;
    default: return Field::Unknown;
    }
}

ItemField itemField(std::string_view k)
{
    if (k == "name")
        return ItemField::Name;
    if (k == "qty")
        return ItemField::Qty;
    return k == "unit_price" ? ItemField::UnitPrice : ItemField::Unknown;
}

// Deepest bracket nesting of a (possibly malformed) record, ignoring brackets inside strings.
// Only computed on the error path, to tell "too deep" apart from other structural errors.
int nestingDepth(const char *p, std::size_t n)
{
    bool inString = false;
    int depth = 0;
    int deepest = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = p[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

// True when the record starts with a complete object or array followed by more than
// whitespace. On-Demand reports that as an incomplete object ("the last token is not }"), which
// would mislead a person reading the reason. Error path only.
bool hasTrailingContent(const char *p, std::size_t n)
{
    bool inString = false;
    int depth = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = p[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0) {
                for (std::size_t j = i + 1; j < n; ++j)
                    if (p[j] != ' ' && p[j] != '\t' && p[j] != '\r' && p[j] != '\n')
                        return true;
                return false;
            }
        }
    }
    return false;
}

// Epoch milliseconds accepted as a JSON number: the same range parseEpochMillis accepts as
// text (16 digits), which also keeps later date arithmetic far from overflow.
constexpr std::int64_t kMaxEpochMillis = 9'999'999'999'999'999;
// Integral doubles within this range convert to int64 exactly enough for money.
constexpr double kMaxWholeDouble = 9.0e18;

} // namespace

struct NdjsonRecordParser::Impl
{
    static constexpr std::size_t kMaxPooledNames = 256;

    explicit Impl(std::string &reasonOut)
        : reason(reasonOut)
    {}

    bool decode(const char *data, std::size_t len, std::size_t capacity, OrderEvent &ev);

    bool fail(std::string_view text)
    {
        reason.assign(text);
        return false;
    }
    bool fail(std::string &&text)
    {
        reason = std::move(text);
        ndjson::limitReason(reason);
        return false;
    }
    bool jsonFail(error_code error);

    bool classify(ondemand::value &v, ondemand::json_type &type);
    bool readKey(ondemand::field &field, std::string_view &key);
    bool dispatch(Field field, ondemand::value &v, OrderEvent &ev);
    bool readText(ondemand::value &v, std::string_view name, std::string &out);
    bool readEnumText(ondemand::value &v, std::string_view name, std::string_view &out, bool &present);
    bool readWholeSlow(ondemand::value &v, std::string_view name, bool won, std::int64_t min, std::int64_t max,
                       std::optional<std::int64_t> &out);
    bool readWhole(ondemand::value &v, std::string_view name, bool won, std::int64_t min, std::int64_t max,
                   std::optional<std::int64_t> &out);
    bool readMoney(ondemand::value &v, std::string_view name, std::optional<Money> &out);
    bool readDouble(ondemand::value &v, std::string_view name, std::optional<double> &out);
    bool readEventTime(ondemand::value &v, OrderEvent &ev);
    bool readItems(ondemand::value &v, OrderEvent &ev);
    bool readItem(ondemand::object &object, OrderItem &item);
    bool skipValidated(ondemand::value &v, int depth);

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
    switch (error) {
    case simdjson::UTF8_ERROR: return fail(ndjson::kInvalidUtf8);
    case simdjson::UNCLOSED_STRING: return fail(ndjson::kUnclosedString);
    case simdjson::UNESCAPED_CHARS: return fail(ndjson::kControlCharacter);
    case simdjson::EMPTY: return fail(ndjson::kEmptyRecord);
    default: break;
    }
    // On-Demand does not track depth: a structural error inside absurd nesting is reported
    // as what it most likely is.
    if (nestingDepth(json, jsonLen) > ndjson::kMaxDepth)
        return fail(ndjson::kNestingTooDeep);
    switch (error) {
    case simdjson::DEPTH_ERROR: return fail(ndjson::kNestingTooDeep);
    case simdjson::STRING_ERROR: return fail(ndjson::kBadEscape);
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR: return fail(ndjson::kBadLiteral);
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE: return fail(ndjson::kBadNumber);
    case simdjson::INCOMPLETE_ARRAY_OR_OBJECT:
        return fail(hasTrailingContent(json, jsonLen) ? ndjson::kTrailingContent : ndjson::kUnexpectedEnd);
    case simdjson::TRAILING_CONTENT: return fail(ndjson::kTrailingContent);
    case simdjson::TAPE_ERROR:
    case simdjson::INCORRECT_TYPE: return fail(ndjson::kBadStructure);
    default: return fail(ndjson::kUnreadable);
    }
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
        std::string_view key;
        if (!readKey(field, key))
            return false;
        if (!dispatch(topLevelField(key), field.value(), ev))
            return false;
    }
    // Past the closing brace there must be nothing: current_location() says OUT_OF_BOUNDS.
    if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS)
        return fail(ndjson::kTrailingContent);
    return true;
}

bool NdjsonRecordParser::Impl::dispatch(Field field, ondemand::value &v, OrderEvent &ev)
{
    switch (field) {
    case Field::OrderId: return readText(v, "order_id", ev.orderId);
    case Field::CustomerId: return readText(v, "customer_id", ev.customerId);
    case Field::MerchantId: return readText(v, "merchant_id", ev.merchantId);
    case Field::MerchantName: return readText(v, "merchant_name", ev.merchantName);
    case Field::Category: return readText(v, "category", ev.category);
    case Field::Region: return readText(v, "region", ev.region);
    case Field::Ip: return readText(v, "ip", ev.ip);
    case Field::Payment: return readText(v, "payment", ev.payment);
    case Field::EventTime: return readEventTime(v, ev);
    case Field::Items: return readItems(v, ev);
    case Field::Amount: return readMoney(v, "amount", ev.amount);
    case Field::DeliveryFee: return readMoney(v, "delivery_fee", ev.deliveryFee);
    case Field::DistanceKm: return readDouble(v, "distance_km", ev.distanceKm);
    case Field::PromisedMin: return readDouble(v, "promised_min", ev.promisedMin);
    case Field::DeliveryMin: return readDouble(v, "delivery_min", ev.deliveryMin);
    case Field::Rating: return readDouble(v, "rating", ev.rating);
    case Field::Type: {
        std::string_view text;
        bool present = false;
        if (!readEnumText(v, "type", text, present))
            return false;
        if (!present) {
            ev.type = EventType::Order; // null is absent, and absent means a complete order
            return true;
        }
        const auto t = eventTypeFromName(text);
        if (!t)
            return fail(ndjson::unknownType(text));
        ev.type = *t;
        return true;
    }
    case Field::Status: {
        std::string_view text;
        bool present = false;
        if (!readEnumText(v, "status", text, present))
            return false;
        if (!present) {
            ev.status.reset();
            return true;
        }
        const auto s = orderStatusFromName(text);
        if (!s)
            return fail(ndjson::unknownStatus(text));
        ev.status = *s;
        return true;
    }
    case Field::Unknown: return skipValidated(v, 2);
    }
    return true;
}

bool NdjsonRecordParser::Impl::readText(ondemand::value &v, std::string_view name, std::string &out)
{
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
        std::string_view token = v.raw_json_token();
        while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\r'))
            token.remove_suffix(1);
        double ignored = 0;
        if ((e = v.get_double().get(ignored)))
            return jsonFail(e);
        out.assign(token);
        return true;
    }
    return fail(ndjson::notAString(name));
}

bool NdjsonRecordParser::Impl::readEnumText(ondemand::value &v, std::string_view name, std::string_view &out,
                                            bool &present)
{
    error_code e = v.get_string().get(out);
    if (!e) {
        present = true;
        return true;
    }
    if (e != simdjson::INCORRECT_TYPE)
        return jsonFail(e);
    ondemand::json_type type;
    if (!classify(v, type))
        return false;
    if (type != ondemand::json_type::null)
        return fail(ndjson::notAString(name));
    present = false;
    return true;
}

bool NdjsonRecordParser::Impl::readWhole(ondemand::value &v, std::string_view name, bool won, std::int64_t min,
                                         std::int64_t max, std::optional<std::int64_t> &out)
{
    std::int64_t i = 0;
    if (!v.get_int64().get(i)) {
        if (i < min || i > max)
            return fail(ndjson::outOfRange(name));
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
        return fail(ndjson::notANumber(name));
    double d = 0;
    if (const error_code e = v.get_double().get(d))
        return jsonFail(e);
    if (d != std::trunc(d))
        return fail(won ? ndjson::notWholeWon(name) : ndjson::notWholeNumber(name));
    if (!(d >= -kMaxWholeDouble && d <= kMaxWholeDouble))
        return fail(ndjson::outOfRange(name));
    const auto whole = static_cast<std::int64_t>(d);
    if (whole < min || whole > max)
        return fail(ndjson::outOfRange(name));
    out = whole;
    return true;
}

bool NdjsonRecordParser::Impl::readMoney(ondemand::value &v, std::string_view name, std::optional<Money> &out)
{
    return readWhole(v, name, true, std::numeric_limits<std::int64_t>::min(),
                     std::numeric_limits<std::int64_t>::max(), out);
}

bool NdjsonRecordParser::Impl::readDouble(ondemand::value &v, std::string_view name, std::optional<double> &out)
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
        return fail(ndjson::notANumber(name));
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
            return fail(ndjson::invalidEventTime(text));
        ev.eventTime = *t;
        return true;
    }
    if (e != simdjson::INCORRECT_TYPE)
        return jsonFail(e);
    // Take the token before classify() consumes a literal: it is quoted in the reason.
    std::string_view token = v.raw_json_token();
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t' || token.back() == '\r'))
        token.remove_suffix(1);
    ondemand::json_type type;
    if (!classify(v, type))
        return false;
    switch (type) {
    case ondemand::json_type::null: ev.eventTime = 0; return true; // absent: "missing event_time"
    case ondemand::json_type::object: return fail(ndjson::invalidEventTime("{...}"));
    case ondemand::json_type::array: return fail(ndjson::invalidEventTime("[...]"));
    case ondemand::json_type::boolean:
    case ondemand::json_type::string: return fail(ndjson::invalidEventTime(token));
    case ondemand::json_type::number: break;
    }
    std::optional<std::int64_t> ms;
    if (!readWhole(v, "event_time", false, -kMaxEpochMillis, kMaxEpochMillis, ms)) {
        if (reason.rfind("malformed JSON", 0) == 0)
            return false;
        return fail(ndjson::invalidEventTime(token)); // fractional or beyond 16 digits
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
            return fail(ndjson::notAnArray("items"));
        releaseItems(ev); // a repeated key: the last one wins
        return true;
    }
    if (e)
        return jsonFail(e);
    releaseItems(ev);
    for (auto result : array) {
        ondemand::value element;
        if ((e = std::move(result).get(element)))
            return jsonFail(e);
        ondemand::object object;
        e = element.get_object().get(object);
        if (e == simdjson::INCORRECT_TYPE)
            return fail(ndjson::notAnObject("items"));
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
        std::string_view key;
        if (!readKey(field, key))
            return false;
        ondemand::value &v = field.value();
        switch (itemField(key)) {
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

// Unknown fields are walked, not skipped: On-Demand would skip over malformed JSON inside
// them without noticing, and a record with broken JSON must not be accepted.
bool NdjsonRecordParser::Impl::skipValidated(ondemand::value &v, int depth)
{
    if (depth > ndjson::kMaxDepth)
        return fail(ndjson::kNestingTooDeep);
    ondemand::json_type type;
    error_code e = v.type().get(type);
    if (e)
        return jsonFail(e);
    switch (type) {
    case ondemand::json_type::object: {
        ondemand::object object;
        if ((e = v.get_object().get(object)))
            return jsonFail(e);
        for (auto result : object) {
            ondemand::field field;
            std::string_view key;
            if ((e = std::move(result).get(field)) || (e = field.unescaped_key().get(key)))
                return jsonFail(e);
            if (!skipValidated(field.value(), depth + 1))
                return false;
        }
        return true;
    }
    case ondemand::json_type::array: {
        ondemand::array array;
        if ((e = v.get_array().get(array)))
            return jsonFail(e);
        for (auto result : array) {
            ondemand::value element;
            if ((e = std::move(result).get(element)))
                return jsonFail(e);
            if (!skipValidated(element, depth + 1))
                return false;
        }
        return true;
    }
    case ondemand::json_type::string: {
        std::string_view text;
        e = v.get_string().get(text);
        break;
    }
    case ondemand::json_type::number: {
        double d = 0;
        e = v.get_double().get(d);
        if (e == simdjson::INCORRECT_TYPE) // "-" alone
            e = simdjson::NUMBER_ERROR;
        break;
    }
    case ondemand::json_type::boolean: {
        bool b = false;
        if (v.get_bool().get(b))
            e = simdjson::T_ATOM_ERROR;
        break;
    }
    case ondemand::json_type::null: {
        bool isNull = false;
        if (v.is_null().get(isNull) || !isNull)
            e = simdjson::N_ATOM_ERROR;
        break;
    }
    }
    return e ? jsonFail(e) : true;
}

NdjsonRecordParser::NdjsonRecordParser()
    : m_impl(std::make_unique<Impl>(m_reason))
{}

NdjsonRecordParser::~NdjsonRecordParser() = default;

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
    if (auto problem = validateEvent(out, m_rules)) {
        m_reason = std::move(*problem);
        ndjson::limitReason(m_reason);
        return false;
    }
    return true;
}

} // namespace op
