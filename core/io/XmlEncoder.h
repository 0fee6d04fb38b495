#pragma once

#include "io/Encoder.h"

#include <string>
#include <string_view>

namespace op {

// Writes the XML dataset format that XmlDecoder reads:
//
//   <?xml version="1.0" encoding="UTF-8"?>
//   <orders>
//     <order><type>order</type><order_id>O-1</order_id>…<items><item><name>…</name>…</item></items>…</order>
//   </orders>
//
// One order per line, so that line numbers in quarantine records point at the order. Elements
// follow the JSON field order of DESIGN.md; absent fields are left out; event_time is ISO-8601
// with milliseconds in a fixed offset (default +09:00); doubles are the shortest text that
// reads back exactly. Text is escaped (&amp; &lt; &gt;; a line feed as &#10; so that an order
// stays on one line, a carriage return as &#13; so that XML's line-end normalisation keeps it); what XML 1.0
// cannot carry at all (control characters other than tab, newline and carriage return, U+FFFE, U+FFFF,
// invalid UTF-8) becomes U+FFFD.
class XmlEncoder : public Encoder
{
public:
    explicit XmlEncoder(int offsetMinutes = 9 * 60);

    void encodeRecord(const OrderEvent &event, std::string &out) override;

    // One <order> element, without indentation or newline.
    static void appendOrder(std::string &out, const OrderEvent &event, int offsetMinutes);
    // Element content: escaped as described above.
    static void appendEscaped(std::string &out, std::string_view text);

protected:
    void appendHeader(std::string &out) override;
    void appendFooter(std::string &out) override;

private:
    int m_offsetMinutes;
};

} // namespace op
