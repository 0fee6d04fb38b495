#include "io/XmlEncoder.h"

#include "io/XmlLogFields.h"

#include <cmath>

namespace op {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

void open(std::string &out, std::string_view name)
{
    out += '<';
    out += name;
    out += '>';
}

void close(std::string &out, std::string_view name)
{
    out += "</";
    out += name;
    out += '>';
}

void textElement(std::string &out, std::string_view name, std::string_view value)
{
    if (value.empty())
        return;
    open(out, name);
    XmlEncoder::appendEscaped(out, value);
    close(out, name);
}

void integerElement(std::string &out, std::string_view name, std::int64_t value)
{
    open(out, name);
    xmllog::appendInteger(out, value);
    close(out, name);
}

void moneyElement(std::string &out, std::string_view name, const std::optional<Money> &value)
{
    if (value)
        integerElement(out, name, *value);
}

void doubleElement(std::string &out, std::string_view name, const std::optional<double> &value)
{
    if (!value || !std::isfinite(*value)) // the decoder refuses "nan" and "inf": absent is honest
        return;
    open(out, name);
    xmllog::appendDouble(out, *value);
    close(out, name);
}

} // namespace

XmlEncoder::XmlEncoder(int offsetMinutes)
    : m_offsetMinutes(offsetMinutes)
{
}

void XmlEncoder::appendHeader(std::string &out)
{
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<orders>\n";
}

void XmlEncoder::encodeRecord(const OrderEvent &event, std::string &out)
{
    out += "  ";
    appendOrder(out, event, m_offsetMinutes);
    out += '\n';
}

void XmlEncoder::appendFooter(std::string &out)
{
    out += "</orders>\n";
}

void XmlEncoder::appendOrder(std::string &out, const OrderEvent &e, int offsetMinutes)
{
    open(out, "order");
    textElement(out, "type", eventTypeName(e.type));
    textElement(out, "order_id", e.orderId);
    open(out, "event_time");
    xmllog::appendEventTime(out, e.eventTime, offsetMinutes);
    close(out, "event_time");
    textElement(out, "customer_id", e.customerId);
    textElement(out, "merchant_id", e.merchantId);
    textElement(out, "merchant_name", e.merchantName);
    textElement(out, "category", e.category);
    textElement(out, "region", e.region);
    if (!e.items.empty()) {
        open(out, "items");
        for (const OrderItem &item : e.items) {
            open(out, "item");
            textElement(out, "name", item.name);
            integerElement(out, "qty", item.qty);
            integerElement(out, "unit_price", item.unitPrice);
            close(out, "item");
        }
        close(out, "items");
    }
    moneyElement(out, "amount", e.amount);
    moneyElement(out, "delivery_fee", e.deliveryFee);
    doubleElement(out, "distance_km", e.distanceKm);
    doubleElement(out, "promised_min", e.promisedMin);
    doubleElement(out, "delivery_min", e.deliveryMin);
    if (e.status)
        textElement(out, "status", orderStatusName(*e.status));
    doubleElement(out, "rating", e.rating);
    textElement(out, "ip", e.ip);
    textElement(out, "payment", e.payment);
    close(out, "order");
}

void XmlEncoder::appendEscaped(std::string &out, std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            const std::size_t len = xmllog::utf8SequenceLength(text, i);
            // U+FFFE and U+FFFF are valid UTF-8 but not XML characters.
            const bool nonCharacter = len == 3 && c == 0xEF &&
                                      static_cast<unsigned char>(text[i + 1]) == 0xBF &&
                                      static_cast<unsigned char>(text[i + 2]) >= 0xBE;
            if (len == 0 || nonCharacter) {
                out += kReplacement;
                i += len == 0 ? 1 : len;
            } else {
                out.append(text.substr(i, len));
                i += len;
            }
            continue;
        }
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>': // always, so that "]]>" never appears
            out += "&gt;";
            break;
        case '\r': // a raw one would be read back as a newline
            out += "&#13;";
            break;
        case '\n': // keeps one order per line
            out += "&#10;";
            break;
        case '\t':
            out += '\t';
            break;
        default:
            if (c < 0x20)
                out += kReplacement; // not even &#1; is allowed in XML 1.0
            else
                out += static_cast<char>(c);
            break;
        }
        ++i;
    }
}

} // namespace op
