#include "io/CsvEncoder.h"

#include <charconv>
#include <cmath>

namespace op {

namespace {


std::string number(std::int64_t v)
{
    return std::to_string(v);
}

std::string number(double v)
{
    if (!std::isfinite(v))
        return {};
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    return ec == std::errc() ? std::string(buf, end) : std::string();
}

template<typename T> std::string optionalCell(const std::optional<T> &v)
{
    return v ? number(*v) : std::string();
}

} // namespace

CsvEncoder::CsvEncoder(const CsvMapping &mapping)
    : m_delimiter(mapping.delimiter())
    , m_time(mapping.time())
{
}

void CsvEncoder::appendHeader(std::string &out)
{
    bool first = true;
    for (const std::string_view column : CsvMapping::builtinColumns()) {
        if (!first)
            out += m_delimiter;
        first = false;
        out += column;
    }
    out += '\n';
}

void CsvEncoder::appendCell(std::string &out, std::string_view text) const
{
    bool quote = false;
    for (const char c : text) {
        if (c == m_delimiter || c == '"' || c == '\r' || c == '\n') {
            quote = true;
            break;
        }
    }
    if (!quote) {
        out += text;
        return;
    }
    out += '"';
    for (const char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

void CsvEncoder::encodeRecord(const OrderEvent &e, std::string &out)
{
    const char d = m_delimiter;
    std::string &head = m_orderCells;
    head.clear();
    appendCell(head, eventTypeName(e.type));
    head += d;
    appendCell(head, e.orderId);
    head += d;
    head += m_time.formatIso(e.eventTime);
    for (const std::string *text : {&e.customerId, &e.merchantId, &e.merchantName, &e.category, &e.region}) {
        head += d;
        appendCell(head, *text);
    }
    head += d;

    std::string &tail = m_tailCells;
    tail.clear();
    tail += d;
    tail += optionalCell(e.amount);
    tail += d;
    tail += optionalCell(e.deliveryFee);
    tail += d;
    tail += optionalCell(e.distanceKm);
    tail += d;
    tail += optionalCell(e.promisedMin);
    tail += d;
    tail += optionalCell(e.deliveryMin);
    tail += d;
    if (e.status)
        tail += orderStatusName(*e.status);
    tail += d;
    tail += optionalCell(e.rating);
    tail += d;
    appendCell(tail, e.ip);
    tail += d;
    appendCell(tail, e.payment);
    tail += '\n';

    if (e.items.empty()) {
        out += head;
        out += d;
        out += d;
        out += tail;
    }
    for (const OrderItem &item : e.items) {
        out += head;
        appendCell(out, item.name);
        out += d;
        out += number(static_cast<std::int64_t>(item.qty));
        out += d;
        out += number(item.unitPrice);
        out += tail;
    }
}

} // namespace op
