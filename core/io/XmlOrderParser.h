#pragma once

#include "model/OrderEvent.h"

#include <QXmlStreamReader>
#include <string>
#include <string_view>

namespace op {

// Reads one <order> element into an OrderEvent with QXmlStreamReader. The XmlDecoder hands it
// the bytes of a single order (valid UTF-8, without any DTD: the decoder refuses those before
// they get here, because QXmlStreamReader would expand entities declared in a DOCTYPE even
// inside an element).
//
// Child elements are named like the JSON fields of DESIGN.md; <items> holds <item> elements
// with <name>, <qty> and <unit_price>. A missing or empty element leaves its field absent, an
// unknown element is skipped, a repeated one overrides the earlier one. Attributes are ignored.
class XmlOrderParser
{
public:
    // event_time without an offset is read in this offset (minutes east of UTC).
    explicit XmlOrderParser(int defaultOffsetMinutes = 0);

    // False on failure: then reason() says why and `out` holds what was read so far.
    bool parse(std::string_view bytes, OrderEvent &out);
    [[nodiscard]] const std::string &reason() const { return m_reason; }

private:
    bool readChildren(OrderEvent &out);
    bool readItems(OrderEvent &out);
    bool readItem(OrderItem &item);
    // The text of the current element, which must hold no elements.
    bool readText(std::string_view field, std::string &out);
    // Skips the current element and what it holds.
    bool skipElement();
    bool checkNotNested();
    bool fail(std::string reason);
    bool xmlFail();

    QXmlStreamReader m_reader;
    std::string_view m_bytes; // of the order being parsed
    int m_defaultOffsetMinutes;
    std::string m_name; // of the current element, UTF-8
    std::string m_text;
    std::string m_reason;
};

} // namespace op
