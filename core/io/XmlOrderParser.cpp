#include "io/XmlOrderParser.h"

#include "io/FieldReasons.h"
#include "io/XmlLogFields.h"

namespace op {

namespace {

// QStringView::toUtf8() allocates a QByteArray per call; names and values are converted often.
void appendUtf8(std::string &out, QStringView text)
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        char32_t c = text[i].unicode();
        if (c < 0x80) {
            out += static_cast<char>(c);
            continue;
        }
        if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && text[i + 1].isLowSurrogate())
            c = QChar::surrogateToUcs4(static_cast<char16_t>(c), text[++i].unicode());
        else if (c >= 0xD800 && c <= 0xDFFF)
            c = 0xFFFD; // a lone surrogate (QXmlStreamReader never gives one)
        if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        }
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

} // namespace

XmlOrderParser::XmlOrderParser(int defaultOffsetMinutes)
    : m_defaultOffsetMinutes(defaultOffsetMinutes)
{
}

bool XmlOrderParser::parse(std::string_view bytes, OrderEvent &out)
{
    out.clear();
    m_reason.clear();
    m_bytes = bytes;
    m_reader.clear();
    // Namespaces stay off: the order is parsed apart from its <orders> root, where any prefix
    // would have been declared, and fields are matched by their plain names anyway.
    m_reader.setNamespaceProcessing(false);
    // Not copied: the reader is done with the bytes before parse() returns.
    m_reader.addData(QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size())));

    bool ok = false;
    while (!m_reader.atEnd()) {
        const auto token = m_reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ok = readChildren(out);
            break;
        }
        if (token == QXmlStreamReader::Invalid)
            break;
    }
    if (ok) {
        // Whatever follows the order's end tag must be well-formed too.
        while (!m_reader.atEnd())
            m_reader.readNext();
        ok = !m_reader.hasError() || xmlFail();
    } else if (m_reason.empty()) {
        xmlFail();
    }
    m_reader.clear(); // drop the reference to `bytes`
    m_bytes = {};
    return ok;
}

bool XmlOrderParser::readChildren(OrderEvent &out)
{
    for (;;) {
        switch (m_reader.readNext()) {
        case QXmlStreamReader::EndElement:
            return true;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return xmlFail();
        case QXmlStreamReader::StartElement:
            break;
        default:
            continue; // text between fields, comments, processing instructions
        }
        if (!checkNotNested())
            return false;
        const OrderField field = orderFieldNamed(m_name);
        switch (field) {
        case OrderField::Unknown:
            if (!skipElement())
                return false;
            break;
        case OrderField::Items:
            if (!readItems(out))
                return false;
            break;
        case OrderField::EventTime: {
            if (!readText("event_time", m_text))
                return false;
            const std::string_view t = xmllog::trimmed(m_text);
            if (t.empty()) {
                out.eventTime = 0;
                break;
            }
            const auto time = parseEventTime(t, m_defaultOffsetMinutes);
            if (!time)
                return fail(reason::invalidEventTime(t));
            out.eventTime = *time;
            break;
        }
        default: {
            const std::string name = m_name;
            if (!readText(name, m_text))
                return false;
            if (auto reason = xmllog::setField(out, field, m_text))
                return fail(std::move(*reason));
            break;
        }
        }
    }
}

bool XmlOrderParser::readItems(OrderEvent &out)
{
    for (;;) {
        switch (m_reader.readNext()) {
        case QXmlStreamReader::EndElement:
            return true;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return xmlFail();
        case QXmlStreamReader::StartElement:
            if (!checkNotNested())
                return false;
            if (m_name == "item") {
                out.items.emplace_back();
                if (!readItem(out.items.back()))
                    return false;
            } else if (!skipElement()) {
                return false;
            }
            break;
        default:
            break;
        }
    }
}

bool XmlOrderParser::readItem(OrderItem &item)
{
    for (;;) {
        switch (m_reader.readNext()) {
        case QXmlStreamReader::EndElement:
            return true;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return xmlFail();
        case QXmlStreamReader::StartElement:
            break;
        default:
            continue;
        }
        if (!checkNotNested())
            return false;
        if (m_name == "name") {
            if (!readText("name", item.name))
                return false;
        } else if (m_name == "qty") {
            if (!readText("qty", m_text))
                return false;
            if (xmllog::trimmed(m_text).empty())
                item.qty = 0;
            else if (auto reason = xmllog::parseInt32("qty", m_text, item.qty))
                return fail(std::move(*reason));
        } else if (m_name == "unit_price") {
            if (!readText("unit_price", m_text))
                return false;
            if (xmllog::trimmed(m_text).empty())
                item.unitPrice = 0;
            else if (auto reason = xmllog::parseMoney("unit_price", m_text, item.unitPrice))
                return fail(std::move(*reason));
        } else if (!skipElement()) {
            return false;
        }
    }
}

bool XmlOrderParser::readText(std::string_view field, std::string &out)
{
    out.clear();
    for (;;) {
        switch (m_reader.readNext()) {
        case QXmlStreamReader::Characters:
            appendUtf8(out, m_reader.text());
            break;
        case QXmlStreamReader::EndElement:
            return true;
        case QXmlStreamReader::StartElement: {
            if (!checkNotNested())
                return false;
            std::string reason = "unexpected element <" + reason::quoted(m_name) + "> inside field '";
            reason += field;
            reason += '\'';
            return fail(std::move(reason));
        }
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return xmlFail();
        default:
            break; // comments and processing instructions inside a value
        }
    }
}

bool XmlOrderParser::skipElement()
{
    int depth = 1;
    while (depth > 0) {
        switch (m_reader.readNext()) {
        case QXmlStreamReader::StartElement:
            if (!checkNotNested())
                return false;
            ++depth;
            break;
        case QXmlStreamReader::EndElement:
            --depth;
            break;
        case QXmlStreamReader::Invalid:
        case QXmlStreamReader::EndDocument:
            return xmlFail();
        default:
            break;
        }
    }
    return true;
}

// Called on every start tag inside the order: reads its name into m_name, and refuses the
// document's own elements, which mean the order was cut and something else began inside it.
bool XmlOrderParser::checkNotNested()
{
    m_name.clear();
    appendUtf8(m_name, m_reader.name());
    if (m_name == "order" || m_name == "orders")
        return fail("unexpected element <" + m_name + "> inside an order");
    return true;
}

bool XmlOrderParser::fail(std::string reason)
{
    m_reason = std::move(reason);
    return false;
}

bool XmlOrderParser::xmlFail()
{
    std::string reason = "malformed XML in order";
    if (!m_reader.hasError())
        return fail(std::move(reason));
    reason += ": ";
    // For a character XML does not allow, Qt says "Unexpected ''.": name the character instead.
    const QString text = QString::fromUtf8(m_bytes.data(), static_cast<qsizetype>(m_bytes.size()));
    const qint64 at = m_reader.characterOffset() - 1;
    const char16_t u = at >= 0 && at < text.size() ? text[at].unicode() : u' ';
    if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0xFFFE || u == 0xFFFF) {
        reason += "character U+";
        reason += QStringLiteral("%1")
                      .arg(static_cast<unsigned>(u), 4, 16, QLatin1Char('0'))
                      .toUpper()
                      .toStdString();
        reason += " is not allowed in XML";
        return fail(std::move(reason));
    }
    appendUtf8(reason, m_reader.errorString());
    return fail(std::move(reason));
}

} // namespace op
