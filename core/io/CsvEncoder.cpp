#include "io/CsvEncoder.h"

#include <charconv>
#include <cmath>

namespace op {

namespace {

constexpr std::size_t kFlushBytes = std::size_t{64} * 1024;

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

void CsvEncoder::begin(Writer writer)
{
    m_writer = std::move(writer);
    m_buffer.clear();
    bool first = true;
    for (const std::string_view column : CsvMapping::builtinColumns()) {
        if (!first)
            m_buffer += m_delimiter;
        first = false;
        m_buffer += column;
    }
    m_buffer += '\n';
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

void CsvEncoder::write(const OrderEvent &e)
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
        m_buffer += head;
        m_buffer += d;
        m_buffer += d;
        m_buffer += tail;
    }
    for (const OrderItem &item : e.items) {
        m_buffer += head;
        appendCell(m_buffer, item.name);
        m_buffer += d;
        m_buffer += number(static_cast<std::int64_t>(item.qty));
        m_buffer += d;
        m_buffer += number(item.unitPrice);
        m_buffer += tail;
    }
    flushIfFull();
}

void CsvEncoder::flushIfFull()
{
    if (m_buffer.size() >= kFlushBytes) {
        if (m_writer)
            m_writer(m_buffer);
        m_buffer.clear();
    }
}

void CsvEncoder::finish()
{
    if (!m_buffer.empty() && m_writer)
        m_writer(m_buffer);
    m_buffer.clear();
}

} // namespace op
